import { parentPort, workerData } from 'node:worker_threads'
import type { Instance } from '../../scheduling/instance.js'
import { solve } from '../../scheduling/solve.js'
import type { WorkerSolveOptions } from './solve-in-worker.js'

const { instance, options } = workerData as { instance: Instance; options: WorkerSolveOptions }
let last = -Infinity
const result = solve(instance, {
  ...options,
  onProgress: ({ elapsedMs }) => {
    if (elapsedMs - last < 250) return
    last = elapsedMs
    parentPort!.postMessage({ type: 'progress', elapsedMs })
  },
})
parentPort!.postMessage({ type: 'done', result })
