import type { FeatureJobs } from '../../infra/jobs.js'
import { SCHEDULE_TOPIC, type SchedulesService } from './schedules.service.js'

/** A queued schedule run is solved by the outbox worker. */
export function schedulesJobs(deps: { schedules: SchedulesService }): FeatureJobs {
  return {
    handlers: {
      [SCHEDULE_TOPIC]: (payload) => deps.schedules.run((payload as { scheduleId: string }).scheduleId),
    },
  }
}
