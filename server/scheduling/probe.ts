import { Worker } from 'node:worker_threads'
import type { TablesEncoding } from './exact.js'
import type { Instance } from './instance.js'

/**
 * The core-guided probe (`probeByCores` in exact.ts) on a second thread,
 * beside the main search. The threads share a few integers: the probe's
 * state, the bound it has proven and, when it finds one, its schedule
 * (optimal, since it is at a proven lower bound).
 *
 * The answer does not depend on timing: the probe's stages have conflict
 * budgets, not deadlines, so what it finds is fixed by the instance; when it
 * finds a schedule, that schedule is the answer, and when the main search
 * ends first, it waits for the probe's verdict (within the time limit).
 */

/** A first stage with the compact tables encoding, which settles most events, fixed meetings included, in a few thousand conflicts; then the totalizer, for nearly full slots. */
export const PROBE_STAGES: readonly { conflicts: number; tables: TablesEncoding }[] = [
  { conflicts: 10_000, tables: 'native' },
  { conflicts: 40_000, tables: 'totalizer' },
]

export const STATE = { running: 0, found: 1, exhausted: 2 } as const
export const CELL = { state: 0, lowerBound: 1, stop: 2, slots: 3 } as const

export interface ProbeRequest {
  instance: Instance
  fairness: number
  lowerBound: number
  shared: SharedArrayBuffer
}

export interface ProbeOutcome {
  /** The probe's optimal schedule, or null. */
  slot: Int32Array | null
  /** The lower bound it has proven (for complete schedules within the fairness bound). */
  lowerBound: number
}

export interface ProbeThread {
  /** True once the probe has found its schedule: the main search may stop. */
  found(): boolean
  /** Waits (blocking) until the probe is done or `deadline` passes; stops it; its outcome. */
  finish(deadline: number, clock: () => number): ProbeOutcome
}

// Loader hooks are not inherited by workers: the worker registers tsx itself, then loads the TypeScript module.
// Loader hooks are not inherited by workers: the worker registers tsx itself, then loads the TypeScript module.
const BOOT = `import(${JSON.stringify(import.meta.resolve('tsx/esm/api'))}).then(({ register }) => { register(); return import(${JSON.stringify(new URL('./probe.worker.ts', import.meta.url).href)}) })`

/** The probe thread, started on first use and kept (it does not hold the process open). */
let thread: Worker | null = null

function probeThread(): Worker {
  if (thread) return thread
  const worker = new Worker(BOOT, { eval: true })
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
  const request: ProbeRequest = { instance, fairness, lowerBound, shared }
  probeThread().postMessage(request)
  return {
    found: () => Atomics.load(cells, CELL.state) === STATE.found,
    finish(deadline, clock) {
      for (;;) {
        const left = deadline - clock()
        if (Atomics.load(cells, CELL.state) !== STATE.running || left <= 0) break
        Atomics.wait(cells, CELL.state, STATE.running, Math.min(left, 100))
      }
      Atomics.store(cells, CELL.stop, 1)
      const state = Atomics.load(cells, CELL.state)
      return { slot: state === STATE.found ? cells.slice(CELL.slots) : null, lowerBound: Atomics.load(cells, CELL.lowerBound) }
    },
  }
}
