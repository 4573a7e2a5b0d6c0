import type { FastifyInstance } from 'fastify'
import type { OutboxHandler } from './outbox.js'

/** Work repeated in the background: every `everyMs`, and once when the app is ready if `onReady`. */
export interface Timer {
  name: string
  everyMs: number
  onReady?: boolean
  run: () => Promise<unknown>
}

/** What one feature hands to the background: outbox handlers by topic, and timers. */
export interface FeatureJobs {
  handlers?: Record<string, OutboxHandler>
  timers?: Timer[]
}

export interface TimerOptions {
  /** False: no timer runs (tests that prove nothing changes call the work themselves). */
  start?: boolean
}

/**
 * Registers every feature's outbox handlers (the outbox refuses a second one for a topic) and
 * starts their timers; a timer's failure is logged, never thrown, and timers
 * stop when the app closes.
 */
export function registerJobs(app: FastifyInstance, all: FeatureJobs[], options: TimerOptions = {}): void {
  for (const [topic, handler] of all.flatMap((jobs) => Object.entries(jobs.handlers ?? {})))
    app.outbox.register(topic, handler)
  if (options.start === false) return
  for (const timer of all.flatMap((jobs) => jobs.timers ?? [])) {
    const run = () =>
      void timer.run().catch((error: unknown) => app.log.warn({ err: error, timer: timer.name }, 'timer failed'))
    const interval = setInterval(run, timer.everyMs)
    interval.unref()
    if (timer.onReady) app.addHook('onReady', async () => run())
    app.addHook('onClose', async () => clearInterval(interval))
  }
}
