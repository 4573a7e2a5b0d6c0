import type { FeatureJobs } from '../../infra/jobs.js'
import type { ParticipationService } from './participation.service.js'

const FIVE_MINUTES = 5 * 60_000

/** Pending meeting requests past their event's deadline expire. */
export function participationJobs(deps: { participation: ParticipationService }): FeatureJobs {
  return {
    timers: [
      { name: 'expire requests', everyMs: FIVE_MINUTES, onReady: true, run: () => deps.participation.expireRequests() },
    ],
  }
}
