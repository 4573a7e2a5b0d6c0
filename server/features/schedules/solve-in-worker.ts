import { Worker } from 'node:worker_threads'
import { workerBoot } from '../../infra/worker-boot.js'
import type { Instance } from '../../scheduling/instance.js'
import type { SolveOptions, SolveResult } from '../../scheduling/solve.js'

const BOOT = workerBoot(import.meta.url, 'solve.worker')

export type WorkerSolveOptions = Pick<SolveOptions, 'timeLimitMs' | 'fairness' | 'seed'>

/**
 * Runs the solver in a worker thread, so a search of several seconds never
 * stalls the server's event loop; progress arrives as the search goes. An
 * aborted `signal` stops the thread at once and rejects with its reason.
 */
export function solveInWorker(
  instance: Instance,
  options: WorkerSolveOptions,
  onProgress: (elapsedMs: number) => void,
  signal?: AbortSignal,
): Promise<SolveResult> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason)
    const worker = new Worker(BOOT.script, { eval: BOOT.eval, workerData: { instance, options } })
    let settled = false
    const settle = (outcome: () => void) => {
      if (settled) return
      settled = true
      signal?.removeEventListener('abort', abort)
      outcome()
    }
    const abort = () => {
      settle(() => reject(signal!.reason))
      void worker.terminate()
    }
    signal?.addEventListener('abort', abort, { once: true })
    worker.on('message', (message: { type: 'progress'; elapsedMs: number } | { type: 'done'; result: SolveResult }) => {
      if (message.type === 'progress') onProgress(message.elapsedMs)
      else {
        settle(() => resolve(message.result))
        void worker.terminate()
      }
    })
    worker.on('error', (error) => settle(() => reject(error)))
    worker.on('exit', (code) => settle(() => reject(new Error(`the scheduler stopped with code ${code}`))))
  })
}
