import { parentPort } from 'node:worker_threads'
import { breaksLowerBound } from './bound.js'
import { probeByCores } from './exact.js'
import { buildModel } from './model.js'
import { CELL, PROBE, STATE, type ProbeRequest } from './probe.js'

/** One probe: `PROBE`'s search; the answer and each bound as it is proven go to shared memory. */
function run({ instance, fairness, lowerBound, shared }: ProbeRequest): void {
  const cells = new Int32Array(shared)
  // Work in the main search's units: each reading adds `PROBE.weight`. Once the probe has done more than the main search needed for its optimal schedule, it stops.
  let work = 0
  const clock = () => {
    work += PROBE.weight
    Atomics.store(cells, CELL.probeWork, work)
    const mainStamp = Atomics.load(cells, CELL.mainStamp)
    return Atomics.load(cells, CELL.stop) === 1 || (mainStamp >= 0 && work > mainStamp) ? Infinity : performance.now()
  }
  let state: number = STATE.exhausted
  try {
    const model = buildModel(instance)
    const { perParticipant } = breaksLowerBound(model)
    let bound = lowerBound
    const raise = (proven: number) => {
      bound = Math.max(bound, proven)
      Atomics.store(cells, CELL.lowerBound, bound)
    }
    const result = probeByCores(model, {
      fairness,
      perParticipant,
      maxConflicts: PROBE.conflicts,
      deadline: Infinity,
      clock,
      tables: PROBE.tables,
      intervals: PROBE.intervals,
      onLowerBound: raise,
    })
    raise(result.lowerBound)
    if (result.slot) {
      cells.set(result.slot, CELL.slots)
      Atomics.store(cells, CELL.probeStamp, work)
      state = STATE.found
    }
  } finally {
    Atomics.store(cells, CELL.state, state)
    Atomics.notify(cells, CELL.state)
  }
}

// Requests come one at a time; the thread stays up between them, so a run does not pay for its start.
parentPort!.on('message', (request: ProbeRequest) => run(request))
parentPort!.postMessage('ready')
