import type { FeatureJobs } from '../../infra/jobs.js'
import type { PerformanceService } from './performance.service.js'

const FIVE_MINUTES = 5 * 60_000

/** SMEs are reminded of the turnover and export reports they owe. */
export function outcomesJobs(deps: { performance: PerformanceService }): FeatureJobs {
  return {
    timers: [
      {
        name: 'performance follow-ups',
        everyMs: FIVE_MINUTES,
        onReady: true,
        run: () => deps.performance.requestFollowUps(),
      },
    ],
  }
}
