import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'

/** Time comes from here, never from `new Date()` in features, so tests can set it. */
export interface Clock {
  now(): Date
}

export const systemClock: Clock = { now: () => new Date() }

/** A clock that stands still until moved; for tests and simulations. */
export function fixedClock(start: Date | string): Clock & { set(to: Date | string): void; advance(ms: number): void } {
  let current = new Date(start)
  return {
    now: () => new Date(current),
    set: (to) => {
      current = new Date(to)
    },
    advance: (ms) => {
      current = new Date(current.getTime() + ms)
    },
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    clock: Clock
  }
}

async function clockPlugin(app: FastifyInstance, options: { clock?: Clock }) {
  app.decorate('clock', options.clock ?? systemClock)
}

export default fp(clockPlugin, { name: 'clock' })
