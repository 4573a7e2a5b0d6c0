import { Worker } from 'node:worker_threads'
import { workerBoot } from '../infra/worker-boot.js'
import type { TablesEncoding } from './exact.js'
import type { Instance } from './instance.js'

/**
 * The core-guided probe (`probeByCores` in exact.ts) on a second thread,
 * beside the main search. The threads share a few integers: the probe's
 * state, the bound it has proven, how far each thread has got and, when it
 * finds one, its schedule (optimal, since it is at a proven lower bound).
 *
 * The answer does not depend on timing. Both threads count their work in
 * clock readings, which each makes at fixed points of its search (the SAT
 * solver every 64 conflicts, the annealing every 4,096 moves), so a
 * thread's count at any point of its search is fixed by the instance and
 * the seed. When both threads reach an optimal schedule, the one that got
 * there with less work (the probe's readings weighted by `PROBE.weight`)
 * gives the answer, whichever was first on the wall clock: a thread that
 * finishes waits only until the other has done as much work, not for its
 * whole budget. When the main search ends without a proof of optimality,
 * it waits for the probe's verdict (within the time limit); the probe has
 * a conflict budget, not a deadline.
 */

/**
 * The probe's search: the tables rule as a totalizer, with days without a
 * break chosen by their start (where places are not nearly all taken; see
 * `encode` in exact.ts). Since the encoding bounds the busy participants
 * per slot, a first run with the compact encoding (10,000 conflicts, which
 * this one used to follow) finds no schedule on the benchmark's events
 * that this one does not also find, so its budget went here. `weight`: the
 * main search's clock readings worth one of the probe's, about what each
 * thread makes in the same time (measured: 2.4 to 5.8 on the benchmark's
 * events).
 */
export const PROBE: { conflicts: number; tables: TablesEncoding; intervals: boolean; weight: number } = {
  conflicts: 50_000,
  tables: 'totalizer',
  intervals: true,
  weight: 4,
}

export const STATE = { running: 0, found: 1, exhausted: 2 } as const
export const CELL = { state: 0, lowerBound: 1, stop: 2, probeWork: 3, probeStamp: 4, mainStamp: 5, slots: 6 } as const

export interface ProbeRequest {
  instance: Instance
  fairness: number
  lowerBound: number
  shared: SharedArrayBuffer
}

export interface ProbeOutcome {
  /** The probe's optimal schedule, when it is the answer; else null. */
  slot: Int32Array | null
  /** The lower bound it has proven (for complete schedules within the fairness bound). */
  lowerBound: number
}

export interface ProbeThread {
  /** The main search's clock: counts its readings, and reads Infinity (stop) once the probe has found its schedule with less work. */
  searchClock(clock: () => number): () => number
  /**
   * Waits (blocking) for what decides the answer, at most until `deadline`; stops the probe; its outcome.
   * `optimal`: the main search's schedule is proven optimal, so the probe's counts only if it got there with less work.
   */
  finish(deadline: number, clock: () => number, optimal: boolean): ProbeOutcome
}

const BOOT = workerBoot(import.meta.url, 'probe.worker')

/** The probe thread, started on first use and kept (it does not hold the process open). */
let thread: Worker | null = null

function probeThread(): Worker {
  if (thread) return thread
  const worker = new Worker(BOOT.script, { eval: BOOT.eval })
  worker.unref()
  // A thread that dies is replaced at the next run; the run it had is over (its state never leaves "running", and the wait ends at the deadline).
  worker.on('error', () => {
    if (thread === worker) thread = null
  })
  worker.on('exit', () => {
    if (thread === worker) thread = null
  })
  thread = worker
  return worker
}

export function startProbe(instance: Instance, fairness: number, lowerBound: number): ProbeThread {
  const shared = new SharedArrayBuffer(4 * (CELL.slots + instance.meetings.length))
  const cells = new Int32Array(shared)
  cells[CELL.lowerBound] = lowerBound
  cells[CELL.mainStamp] = -1
  const request: ProbeRequest = { instance, fairness, lowerBound, shared }
  probeThread().postMessage(request)
  let work = 0
  const probeFirst = () =>
    Atomics.load(cells, CELL.state) === STATE.found && Atomics.load(cells, CELL.probeStamp) <= work
  return {
    searchClock: (clock) => () => {
      work++
      return probeFirst() ? Infinity : clock()
    },
    finish(deadline, clock, optimal) {
      if (optimal) Atomics.store(cells, CELL.mainStamp, work)
      const decided = () => {
        const state = Atomics.load(cells, CELL.state)
        return state !== STATE.running || (optimal && Atomics.load(cells, CELL.probeWork) > work)
      }
      for (;;) {
        const left = deadline - clock()
        if (decided() || left <= 0) break
        Atomics.wait(cells, CELL.state, STATE.running, Math.min(left, 20))
      }
      Atomics.store(cells, CELL.stop, 1)
      const found = Atomics.load(cells, CELL.state) === STATE.found
      const answer = found && (!optimal || probeFirst())
      return { slot: answer ? cells.slice(CELL.slots) : null, lowerBound: Atomics.load(cells, CELL.lowerBound) }
    },
  }
}
