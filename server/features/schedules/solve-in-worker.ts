import { Worker } from 'node:worker_threads'
import { workerBoot } from '../../infra/worker-boot.js'
import type { Instance } from '../../scheduling/instance.js'
import type { SolveOptions, SolveResult } from '../../scheduling/solve.js'

const BOOT = workerBoot(import.meta.url, 'solve.worker')

export type WorkerSolveOptions = Pick<SolveOptions, 'timeLimitMs' | 'fairness' | 'seed'>

/**
 * Runs the solver in a worker thread, so a search of several seconds never
 * stalls the server's event loop; progress arrives as the search goes.
 */
export function solveInWorker(
  instance: Instance,
  options: WorkerSolveOptions,
  onProgress: (elapsedMs: number) => void,
): Promise<SolveResult> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(BOOT.script, { eval: BOOT.eval, workerData: { instance, options } })
    let settled = false
    worker.on('message', (message: { type: 'progress'; elapsedMs: number } | { type: 'done'; result: SolveResult }) => {
      if (message.type === 'progress') onProgress(message.elapsedMs)
      else {
        settled = true
        resolve(message.result)
        void worker.terminate()
      }
    })
    worker.on('error', (error) => {
      settled = true
      reject(error)
    })
    worker.on('exit', (code) => {
      if (!settled) reject(new Error(`the scheduler stopped with code ${code}`))
    })
  })
}
