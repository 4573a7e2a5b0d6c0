import { parentPort } from 'node:worker_threads'
import { breaksLowerBound } from './bound.js'
import { probeByCores } from './exact.js'
import { buildModel } from './model.js'
import { CELL, PROBE_STAGES, STATE, type ProbeRequest } from './probe.js'

/** One probe: the stages of `PROBE_STAGES` in turn; the answer and the best bound proven go to shared memory. */
function run({ instance, fairness, lowerBound, shared }: ProbeRequest): void {
  const cells = new Int32Array(shared)
  const clock = () => (Atomics.load(cells, CELL.stop) === 1 ? Infinity : performance.now())
  let state: number = STATE.exhausted
  try {
    const model = buildModel(instance)
    const { perParticipant } = breaksLowerBound(model)
    let bound = lowerBound
    for (const stage of PROBE_STAGES) {
      const result = probeByCores(model, { fairness, perParticipant, maxConflicts: stage.conflicts, deadline: Infinity, clock, tables: stage.tables })
      bound = Math.max(bound, result.lowerBound)
      Atomics.store(cells, CELL.lowerBound, bound)
      if (result.slot) {
        cells.set(result.slot, CELL.slots)
        state = STATE.found
        break
      }
      if (clock() === Infinity || result.impossible) break
    }
  } finally {
    Atomics.store(cells, CELL.state, state)
    Atomics.notify(cells, CELL.state)
  }
}

// Requests come one at a time; the thread stays up between them, so a run does not pay for its start.
parentPort!.on('message', (request: ProbeRequest) => run(request))
parentPort!.postMessage('ready')
