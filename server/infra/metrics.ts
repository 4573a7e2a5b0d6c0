import { timingSafeEqual } from 'node:crypto'
import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { collectDefaultMetrics, Counter, Gauge, Histogram, Registry } from 'prom-client'
import type { Config } from '../config.js'
import { access } from './access.js'
import { defineProblem } from './problems.js'

/**
 * What an operator watches on the event day, in Prometheus' text format at
 * GET /metrics, for the holder of METRICS_TOKEN only (Authorization: Bearer):
 * request durations per route, the outbox's depth and oldest entry per topic,
 * open websockets, mail sent and failed, and (registered by their features)
 * schedule runs by status; plus the process's own (memory, event-loop lag,
 * garbage collection). Each app has its own registry: two apps in one process
 * (the tests) do not share figures.
 */
export interface Metrics {
  registry: Registry
  mailSent: Counter
  mailFailed: Counter
}

declare module 'fastify' {
  interface FastifyInstance {
    metrics: Metrics
  }
}

export const metricsProblems = {
  unauthorized: defineProblem({
    code: 'metrics.unauthorized',
    status: 401,
    title: 'The metrics need the operator’s token',
  }),
  off: defineProblem({ code: 'metrics.off', status: 404, title: 'No metrics are served: METRICS_TOKEN is not set' }),
}

function tokenMatches(header: string | undefined, token: string): boolean {
  const given = Buffer.from(header?.replace(/^Bearer\s+/i, '') ?? '')
  const wanted = Buffer.from(token)
  return given.length === wanted.length && timingSafeEqual(given, wanted)
}

async function metricsPlugin(app: FastifyInstance, options: { config: Config }) {
  const registry = new Registry()
  collectDefaultMetrics({ register: registry })
  const duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time from a request arriving to its answer being sent, per route and status',
    labelNames: ['method', 'route', 'status'],
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [registry],
  })
  app.addHook('onResponse', async (request, reply) => {
    // The route's pattern, not the address: ids would make a series per record.
    const route = request.routeOptions.url ?? 'unmatched'
    duration.observe({ method: request.method, route, status: String(reply.statusCode) }, reply.elapsedTime / 1000)
  })
  // One statement serves both outbox gauges at a scrape (the registry collects every metric at once).
  let reading: Promise<void> | undefined
  const readOutbox = () =>
    (reading ??= (async () => {
      const rows = await app.sql<{ topic: string; pending: number; oldest: number }[]>`
        select topic, count(*)::int as pending, extract(epoch from now() - min(created_at))::float8 as oldest
        from outbox where done_at is null and failed_at is null group by topic`
      pending.reset()
      oldest.reset()
      for (const row of rows) {
        pending.set({ topic: row.topic }, row.pending)
        oldest.set({ topic: row.topic }, row.oldest)
      }
    })().finally(() => {
      reading = undefined
    }))
  const pending = new Gauge({
    name: 'outbox_pending',
    help: 'Outbox entries not yet done nor given up, per topic',
    labelNames: ['topic'],
    registers: [registry],
    collect: readOutbox,
  })
  const oldest = new Gauge({
    name: 'outbox_oldest_pending_seconds',
    help: 'Age of the oldest outbox entry not yet done, per topic',
    labelNames: ['topic'],
    registers: [registry],
    collect: readOutbox,
  })
  new Gauge({
    name: 'websockets_open',
    help: 'WebSocket connections open on this instance (live boards and Today pages)',
    registers: [registry],
    collect() {
      this.set(app.websocketServer?.clients.size ?? 0)
    },
  })
  const metrics: Metrics = {
    registry,
    mailSent: new Counter({ name: 'mail_sent_total', help: 'Mail handed to the mail server', registers: [registry] }),
    mailFailed: new Counter({
      name: 'mail_failed_total',
      help: 'Attempts to send mail that failed (each is retried by the outbox)',
      registers: [registry],
    }),
  }
  app.decorate('metrics', metrics)

  app.get(
    '/metrics',
    {
      config: { access: access.public },
      schema: {
        tags: ['operations'],
        summary:
          'Prometheus metrics; public route that answers only the bearer of METRICS_TOKEN (401 without it, 404 when unset)',
        hide: true,
      },
    },
    async (request, reply) => {
      const token = options.config.metricsToken
      if (!token) throw metricsProblems.off()
      if (!tokenMatches(request.headers.authorization, token)) throw metricsProblems.unauthorized()
      reply.header('content-type', registry.contentType)
      return registry.metrics()
    },
  )
}

export default fp(metricsPlugin, { name: 'metrics', dependencies: ['db', 'access'] })
