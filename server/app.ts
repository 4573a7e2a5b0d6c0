import { randomUUID } from 'node:crypto'
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify'
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox'
import type { Config } from './config.js'
import clockPlugin, { type Clock } from './infra/clock.js'
import dbPlugin from './infra/db.js'
import docsPlugin from './infra/docs.js'
import mailerPlugin from './infra/mailer.js'
import problemsPlugin, { sendProblem, toProblem } from './infra/problems.js'
import searchPlugin from './infra/search/index.js'
import webPlugin from './infra/web.js'
import accessPlugin from './infra/access.js'
import outboxPlugin, { type OutboxOptions } from './infra/outbox.js'
import type { TimerOptions } from './infra/jobs.js'
import livePlugin from './infra/live.js'
import metricsPlugin from './infra/metrics.js'
import securityPlugin from './infra/security.js'
import writeLimitsPlugin from './infra/security-limits.js'
import healthFeature from './features/health/index.js'
import { createServices, registerFeatures } from './features/index.js'

export interface AppOptions {
  /** Replaces the system clock (tests, simulations). */
  clock?: Clock
  /** Pino logger options, or false for none. Defaults to the configured level. */
  logger?: FastifyServerOptions['logger']
  /** Folder of the built web app; defaults to web/dist. */
  webDistDir?: string
  /** Outbox worker timing (tests poll faster). */
  outbox?: OutboxOptions
  /** Background timers (reminders, request expiry, housekeeping); tests that prove nothing changes turn them off. */
  timers?: TimerOptions
}

const REQUEST_ID = /^[\w.:-]{1,128}$/

/** Builds the whole application: infra plugins in order, then one register() per feature. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? { level: config.logLevel, redact: ['req.headers.cookie', 'req.headers.authorization'] },
    bodyLimit: 1024 * 1024,
    trustProxy: config.trustProxy,
    requestIdHeader: false,
    genReqId: (request) => {
      const given = request.headers['x-request-id']
      return typeof given === 'string' && REQUEST_ID.test(given) ? given : randomUUID()
    },
    ajv: { customOptions: { allErrors: true, removeAdditional: false, coerceTypes: 'array', useDefaults: true } },
    forceCloseConnections: 'idle',
    // Starting the embedded PostgreSQL (stopping one a killed process left behind, then migrating) can take
    // longer than Fastify's default 10 s on a busy machine; a plugin that truly hangs is still stopped.
    pluginTimeout: 60_000,
    // What the router refuses before any route runs (an over-long path parameter, a bad content type) is a problem too.
    frameworkErrors: (error, request, reply) => void sendProblem(reply, request, toProblem(error)),
  }).withTypeProvider<TypeBoxTypeProvider>()

  app.addHook('onRequest', async (request, reply) => {
    reply.header('x-request-id', request.id)
  })

  await app.register(problemsPlugin)
  await app.register(securityPlugin, { config })
  await app.register(clockPlugin, options.clock ? { clock: options.clock } : {})
  await app.register(dbPlugin, { config })
  await app.register(outboxPlugin, options.outbox ?? {})
  await app.register(livePlugin)
  await app.register(searchPlugin, { config })
  await app.register(mailerPlugin, { config })
  const services = createServices(app, config)
  // A record's hubs are those of its event or edition, asked of the events feature alone.
  const hubsOfEvent = async (eventId: string | undefined) =>
    eventId ? services.editions.organisersOfEvent(eventId) : []
  const hubsOfEdition = async (editionId: string | undefined) =>
    editionId ? services.editions.organisersOfEdition(editionId) : []
  await app.register(accessPlugin, {
    config,
    resolveSession: (token) => services.accounts.resolveSession(token),
    owners: {
      participant: (id) => services.organisations.organisersOf(id),
      edition: (id) => hubsOfEdition(id),
      event: (id) => hubsOfEvent(id),
      eventParticipant: (id) => services.participation.participantsOfEvent(id),
      requestParty: (id) => services.requests.partiesOfRequest(id),
      requestEvent: async (id) => hubsOfEvent(await services.requests.eventOfRequest(id)),
      contractParty: (id) => services.outcomes.contracts.partiesOfContract(id),
      contractEdition: async (id) => hubsOfEdition(await services.outcomes.contracts.editionOfContract(id)),
      claimSme: (id) => services.outcomes.vouchers.smeOfClaim(id),
      claimEdition: async (id) => hubsOfEdition(await services.outcomes.vouchers.editionOfClaim(id)),
      meetingParty: (id) => services.live.partiesOfMeeting(id),
      meetingEvent: async (id) => hubsOfEvent(await services.live.eventOfMeeting(id)),
    },
  })
  await app.register(metricsPlugin, { config })
  await app.register(writeLimitsPlugin, { config })
  await app.register(docsPlugin, { config })

  await app.register(healthFeature)
  await registerFeatures(app, config, services, { timers: options.timers })

  if (config.serveWeb) await app.register(webPlugin, options.webDistDir ? { distDir: options.webDistDir } : {})
  return app
}
