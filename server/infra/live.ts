import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import websocket from '@fastify/websocket'
import { and, asc, gt, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from './db.js'
import { liveMessages } from '../features/live/live.table.js'

/**
 * Live messages: a row in `live_messages` (written in the caller's
 * transaction), then NOTIFY with its id, delivered at commit to every
 * instance that LISTENs. Each instance pushes the row to its own sockets
 * subscribed to the row's channel. A client that reconnects sends the last id
 * it saw and receives what it missed, in order.
 *
 * One commit may notify thousands of ids at once (a published schedule tells
 * every participant): the ids that arrive while a read is in flight are read
 * together in the next one, so a burst costs a few queries, not one per id,
 * and rows are delivered in id order.
 *
 * A NOTIFY sent while this instance's LISTEN connection is down (the
 * database restarting) reaches nobody: when LISTEN is re-established the
 * instance reads the rows it did not see and delivers them, once.
 */

export interface LiveMessage {
  id: number
  channel: string
  type: string
  payload: unknown
  createdAt: string
}

type Listener = (message: LiveMessage) => void

export interface LiveHub {
  publish(tx: DbOrTx, channel: string, type: string, payload: Record<string, unknown>): Promise<void>
  /** Many messages in two statements (a publish that changes thousands of agendas). */
  publishMany(
    tx: DbOrTx,
    messages: { channel: string; type: string; payload: Record<string, unknown> }[],
  ): Promise<void>
  /** Missed messages since `afterId` (exclusive), oldest first. */
  since(channels: string[], afterId: number): Promise<LiveMessage[]>
  subscribe(channels: string[], listener: Listener): () => void
  /** Sockets open on this instance. */
  readonly connections: number
}

declare module 'fastify' {
  interface FastifyInstance {
    live: LiveHub
  }
}

const CHANNEL = 'live'
const REPLAY_LIMIT = 500
/** Ids read in one query when a burst of notifications arrives. */
const DELIVERY_BATCH = 1000
/** Ids remembered as delivered, so a row read again after a reconnection is not pushed twice. */
const RECENT_IDS = 10_000

export const liveChannel = {
  organisation: (organisationId: string) => `org:${organisationId}`,
  event: (eventId: string) => `event:${eventId}`,
}

const toMessage = (row: typeof liveMessages.$inferSelect): LiveMessage => ({
  id: row.id,
  channel: row.channel,
  type: row.type,
  payload: row.payload,
  createdAt: row.createdAt.toISOString(),
})

async function livePlugin(app: FastifyInstance) {
  const listeners = new Map<string, Set<Listener>>()
  let connections = 0

  const pending: number[] = []
  let draining = false
  const [newest] = await app.db
    .select({ id: sql<number>`coalesce(max(${liveMessages.id}), 0)::int8` })
    .from(liveMessages)
  let lastSeen = Number(newest?.id ?? 0)
  const recent = new Set<number>()

  const deliver = async (ids: number[]) => {
    const rows = await app.db
      .select()
      .from(liveMessages)
      .where(inArray(liveMessages.id, ids))
      .orderBy(asc(liveMessages.id))
    for (const row of rows) {
      if (recent.has(row.id)) continue
      recent.add(row.id)
      if (recent.size > RECENT_IDS) recent.delete(recent.values().next().value!)
      lastSeen = Math.max(lastSeen, row.id)
      const message = toMessage(row)
      for (const listener of listeners.get(row.channel) ?? []) {
        // One failing socket must not cost the rest of the burst its messages.
        try {
          listener(message)
        } catch (error) {
          app.log.warn({ err: error, channel: row.channel }, 'live listener failed')
        }
      }
    }
  }

  const drain = async () => {
    try {
      while (pending.length > 0) {
        const ids = pending.splice(0, DELIVERY_BATCH)
        await deliver(ids).catch((error: unknown) =>
          app.log.warn({ err: error, ids: ids.length }, 'live delivery failed'),
        )
      }
    } finally {
      draining = false
    }
  }

  const hub: LiveHub = {
    async publish(tx, channel, type, payload) {
      const [row] = await tx.insert(liveMessages).values({ channel, type, payload }).returning({ id: liveMessages.id })
      await tx.execute(sql`select pg_notify(${CHANNEL}, ${String(row!.id)})`)
    },
    async publishMany(tx, messages) {
      for (let i = 0; i < messages.length; i += 1000) {
        const rows = await tx
          .insert(liveMessages)
          .values(messages.slice(i, i + 1000))
          .returning({ id: liveMessages.id })
        if (rows.length > 0)
          await tx.execute(
            sql`select pg_notify(${CHANNEL}, id::text) from unnest(${sql.raw(`array[${rows.map((r) => Number(r.id)).join(',')}]::bigint[]`)}) as id order by id`,
          )
      }
    },
    async since(channels, afterId) {
      if (channels.length === 0) return []
      const rows = await app.db
        .select()
        .from(liveMessages)
        .where(and(inArray(liveMessages.channel, channels), gt(liveMessages.id, afterId)))
        .orderBy(asc(liveMessages.id))
        .limit(REPLAY_LIMIT)
      return rows.map(toMessage)
    },
    subscribe(channels, listener) {
      connections += 1
      for (const channel of channels) {
        if (!listeners.has(channel)) listeners.set(channel, new Set())
        listeners.get(channel)!.add(listener)
      }
      return () => {
        connections -= 1
        for (const channel of channels) {
          const set = listeners.get(channel)
          set?.delete(listener)
          if (set?.size === 0) listeners.delete(channel)
        }
      }
    },
    get connections() {
      return connections
    },
  }
  app.decorate('live', hub)
  await app.register(websocket, { options: { maxPayload: 4096 } })
  const enqueue = (ids: number[]) => {
    pending.push(...ids)
    if (draining) return
    draining = true
    // After the rest of this read from the socket: its notifications join the same query.
    setImmediate(() => void drain())
  }
  /** After LISTEN is re-established: the rows written while it was down. */
  const catchUp = async () => {
    const channels = [...listeners.keys()]
    if (channels.length === 0) return
    const missed = await app.db
      .select({ id: liveMessages.id })
      .from(liveMessages)
      .where(and(inArray(liveMessages.channel, channels), gt(liveMessages.id, lastSeen)))
      .orderBy(asc(liveMessages.id))
    enqueue(missed.map((row) => row.id))
  }
  let listened = false
  const listener = await app.sql.listen(
    CHANNEL,
    (payload) => {
      const id = Number(payload)
      if (Number.isSafeInteger(id)) enqueue([id])
    },
    () => {
      if (listened) void catchUp().catch((error: unknown) => app.log.warn({ err: error }, 'live catch-up failed'))
      listened = true
    },
  )
  app.addHook('preClose', async () => {
    for (const client of app.websocketServer.clients) client.close(1001, 'server closing')
  })
  app.addHook('onClose', async () => {
    await listener.unlisten()
  })
}

export default fp(livePlugin, { name: 'live', dependencies: ['db'] })
