import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { sql } from 'drizzle-orm'
import type { Database, DbOrTx } from './db.js'
import { outbox } from './outbox.table.js'

/**
 * Transactional outbox. `enqueue(tx, …)` writes a row in the caller's
 * transaction; the worker claims due rows with FOR UPDATE SKIP LOCKED (so
 * several instances share the work), runs the topic's handler, and on failure
 * retries with exponential backoff. A server that is down delays work, never loses it.
 * A done row's payload is cleared: it may have carried a one-time link.
 */

export type OutboxHandler = (payload: unknown) => Promise<void>

export interface OutboxOptions {
  /** How often to look for due rows when nothing wakes the worker. */
  pollMs?: number
  /** First retry delay; doubles each attempt up to `maxDelayMs`. */
  baseDelayMs?: number
  maxDelayMs?: number
  /** After this many failed attempts a row is marked failed and kept for inspection. */
  maxAttempts?: number
  /** False: no timer and no LISTEN; rows are processed only by `drain()`. */
  start?: boolean
}

export interface Outbox {
  enqueue(db: DbOrTx, topic: string, payload: Record<string, unknown>): Promise<void>
  /** Many rows of one topic in one statement (e.g. a mail to everyone whose agenda changed). */
  enqueueMany(db: DbOrTx, topic: string, payloads: Record<string, unknown>[]): Promise<void>
  /** One handler per topic: a second one for the same topic throws. */
  register(topic: string, handler: OutboxHandler): void
  /** Processes every due row now; resolves with how many were handled (done or retried). */
  drain(): Promise<number>
  /** False when built with `start: false`: rows wait for `drain()`, and handlers should finish their work inside it. */
  readonly started: boolean
}

declare module 'fastify' {
  interface FastifyInstance {
    outbox: Outbox
  }
}

const CHANNEL = 'outbox'

export function createOutbox(db: Database, options: OutboxOptions = {}): Outbox & { stop(): void; wake(): void } {
  const handlers = new Map<string, OutboxHandler>()
  const baseDelayMs = options.baseDelayMs ?? 1000
  const maxDelayMs = options.maxDelayMs ?? 15 * 60_000
  const maxAttempts = options.maxAttempts ?? 25
  let running: Promise<number> | undefined
  let again = false

  /** Claims the next due row after `afterId`; each drain visits a row at most once. */
  async function processOne(afterId: number): Promise<number | undefined> {
    return db.transaction(async (tx) => {
      const rows = await tx.execute<{ id: number; topic: string; payload: unknown; attempts: number }>(sql`
        select id, topic, payload, attempts from ${outbox}
        where done_at is null and failed_at is null and available_at <= now() and id > ${afterId}
        order by id limit 1 for update skip locked`)
      const row = rows[0]
      if (!row) return undefined
      const handler = handlers.get(row.topic)
      try {
        if (!handler) throw new Error(`no handler for topic "${row.topic}"`)
        await handler(row.payload)
        await tx.execute(
          sql`update ${outbox} set done_at = now(), attempts = attempts + 1, last_error = null, payload = '{}'::jsonb where id = ${row.id}`,
        )
      } catch (error) {
        const attempts = row.attempts + 1
        const delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempts - 1))
        const message = error instanceof Error ? error.message : String(error)
        await tx.execute(sql`
          update ${outbox} set attempts = ${attempts}, last_error = ${message.slice(0, 1000)},
            available_at = now() + ${`${delay} milliseconds`}::interval,
            failed_at = case when ${attempts}::int >= ${maxAttempts}::int then now() else null end
          where id = ${row.id}`)
      }
      return Number(row.id)
    })
  }

  async function drainOnce(): Promise<number> {
    let handled = 0
    for (let last = await processOne(0); last !== undefined; last = await processOne(last)) handled++
    return handled
  }

  const drain = async (): Promise<number> => {
    if (running) {
      again = true
      return running
    }
    running = (async () => {
      let total = 0
      do {
        again = false
        total += await drainOnce()
      } while (again)
      return total
    })().finally(() => {
      running = undefined
    })
    return running
  }

  let timer: NodeJS.Timeout | undefined
  if (options.start !== false) {
    timer = setInterval(() => void drain().catch(() => {}), options.pollMs ?? 1000)
    timer.unref()
  }

  return {
    enqueue: async (target, topic, payload) => {
      await target.insert(outbox).values({ topic, payload })
      await target.execute(sql`select pg_notify(${CHANNEL}, ${topic})`)
    },
    enqueueMany: async (target, topic, payloads) => {
      for (let i = 0; i < payloads.length; i += 1000)
        await target.insert(outbox).values(payloads.slice(i, i + 1000).map((payload) => ({ topic, payload })))
      if (payloads.length > 0) await target.execute(sql`select pg_notify(${CHANNEL}, ${topic})`)
    },
    register: (topic, handler) => {
      if (handlers.has(topic)) throw new Error(`two handlers for the outbox topic "${topic}"`)
      handlers.set(topic, handler)
    },
    drain,
    started: options.start !== false,
    wake: () => void drain().catch(() => {}),
    stop: () => clearInterval(timer),
  }
}

async function outboxPlugin(app: FastifyInstance, options: OutboxOptions) {
  const box = createOutbox(app.db, options)
  app.decorate('outbox', box)
  // NOTIFY is delivered at commit, so the worker wakes as soon as the row is visible.
  const listener = options.start === false ? undefined : await app.sql.listen(CHANNEL, () => box.wake())
  app.addHook('onClose', async () => {
    box.stop()
    await listener?.unlisten()
  })
}

export default fp(outboxPlugin, { name: 'outbox', dependencies: ['db'] })
