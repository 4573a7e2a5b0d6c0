import type { FeatureJobs } from '../../infra/jobs.js'
import type { RequestsService } from './requests.service.js'

const FIVE_MINUTES = 5 * 60_000

/** Pending meeting requests past their event's deadline expire. */
export function requestsJobs(deps: { requests: RequestsService }): FeatureJobs {
  return {
    timers: [
      { name: 'expire requests', everyMs: FIVE_MINUTES, onReady: true, run: () => deps.requests.expireRequests() },
    ],
  }
}
