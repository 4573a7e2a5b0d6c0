import type { Clock } from '../../infra/clock.js'
import type { Database } from '../../infra/db.js'
import type { FeatureJobs } from '../../infra/jobs.js'
import type { MatchingService } from './matching.service.js'
import { recomputeEvent } from './recommendations.compute.js'
import { RECOMPUTE_TOPIC } from './recommendations.triggers.js'

/** An event's recommendations are recomputed when what they rest on changes. */
export function matchingJobs(deps: { db: Database; clock: Clock; matching: MatchingService }): FeatureJobs {
  return {
    handlers: {
      [RECOMPUTE_TOPIC]: async (payload) => {
        await recomputeEvent(deps, (payload as { eventId: string }).eventId)
      },
    },
  }
}
