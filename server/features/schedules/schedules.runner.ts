import { randomUUID } from 'node:crypto'
import type { SchedulesService } from './schedules.service.js'

export interface ScheduleRunner {
  /** This instance's name on the runs it holds. */
  readonly owner: string
  /** Starts solving what is claimable, in the background, unless already at it. */
  wake(): void
  /** Claims and solves runs one after another until none is left; resolves with how many. */
  drainRuns(): Promise<number>
}

/**
 * Each server instance solves schedule runs on a lane of its own, one at a
 * time (a solve takes the CPU it is given), apart from the outbox: mail and
 * indexing never wait behind a solve. A run is claimed under a lease the
 * instance renews while it solves; a run whose instance died is claimed
 * again once its lease lapses.
 */
export function createScheduleRunner(
  schedules: Pick<SchedulesService, 'claimRun' | 'solveRun'>,
  onError: (error: unknown) => void,
): ScheduleRunner {
  const owner = randomUUID()
  let running: Promise<number> | undefined

  async function drainRuns(): Promise<number> {
    let solved = 0
    for (let row = await schedules.claimRun(owner); row; row = await schedules.claimRun(owner)) {
      await schedules.solveRun(row, owner)
      solved++
    }
    return solved
  }

  return {
    owner,
    wake: () => {
      running ??= drainRuns()
        .catch((error: unknown) => {
          onError(error)
          return 0
        })
        .finally(() => {
          running = undefined
        })
    },
    drainRuns: async () => {
      await running
      return drainRuns()
    },
  }
}
