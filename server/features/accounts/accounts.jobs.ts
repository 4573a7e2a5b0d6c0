import type { FeatureJobs } from '../../infra/jobs.js'
import type { RateLimiter } from '../../infra/rate-limit.js'

const FIVE_MINUTES = 5 * 60_000

/** Sign-in attempt windows that have ended are dropped. */
export function accountsJobs(deps: { rateLimiter: RateLimiter }): FeatureJobs {
  return {
    timers: [{ name: 'prune rate limits', everyMs: FIVE_MINUTES, onReady: true, run: () => deps.rateLimiter.prune() }],
  }
}
