import type { FastifyInstance } from 'fastify'
import type { FeatureJobs } from '../../infra/jobs.js'
import { createScheduleRunner } from './schedules.runner.js'
import { SCHEDULE_TOPIC, type SchedulesService } from './schedules.service.js'

/** How often an instance looks for runs to solve: queued ones whose wake-up it missed, and lapsed leases. */
const LOOK_FOR_RUNS_MS = 5_000

/**
 * A queued run's outbox job only wakes this instance's schedule runner, which
 * solves on its own lane; the job is done at once. With an outbox that is not
 * started (`drain()` only), the job solves the runs itself, so `drain()`
 * returns with the draft stored.
 */
export function schedulesJobs(app: FastifyInstance, deps: { schedules: SchedulesService }): FeatureJobs {
  const runner = createScheduleRunner(deps.schedules, (error) => app.log.error({ err: error }, 'schedule run failed'))
  return {
    handlers: {
      [SCHEDULE_TOPIC]: async () => {
        if (app.outbox.started) runner.wake()
        else await runner.drainRuns()
      },
    },
    // Only beside a started outbox: with `drain()` alone, runs are solved in the drain and nowhere else.
    timers: [
      {
        name: 'schedule runs',
        everyMs: LOOK_FOR_RUNS_MS,
        onReady: true,
        run: async () => app.outbox.started && runner.wake(),
      },
    ],
  }
}
