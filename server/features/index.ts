import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { createRateLimiter } from '../infra/rate-limit.js'
import accountsFeature from './accounts/index.js'
import { createAccountsService } from './accounts/accounts.service.js'
import { createJoinService } from './accounts/join.service.js'
import { createMeService } from './accounts/me.service.js'
import auditFeature from './audit/index.js'
import { createAuditService } from './audit/audit.service.js'
import mailboxFeature from './mailbox/index.js'
import organisationsFeature from './organisations/index.js'
import { createOrganisationsService } from './organisations/organisations.service.js'
import catalogueFeature from './catalogue/index.js'
import taxonomiesFeature from './taxonomies/index.js'
import editionsFeature from './editions/index.js'
import { createEditionsService } from './editions/editions.service.js'
import participationFeature from './participation/index.js'
import { createParticipationService } from './participation/participation.service.js'
import { createTargetingService } from './participation/targeting.service.js'
import { createCatalogueService } from './catalogue/catalogue.service.js'
import schedulesFeature from './schedules/index.js'
import liveFeature from './live/index.js'
import { createLiveService } from './live/live.service.js'
import { createSchedulesService } from './schedules/schedules.service.js'
import outcomesFeature, { createOutcomesServices } from './outcomes/index.js'
import matchingFeature from './matching/index.js'
import { createRecommendationsService } from './matching/recommendations.service.js'

/** Builds each feature's services from the infra decorators and registers the API under /api. */
export function createServices(app: FastifyInstance, config: Config) {
  const audit = createAuditService(app.db)
  const base = { db: app.db, clock: app.clock, outbox: app.outbox, audit, publicUrl: config.publicUrl }
  const organisations = createOrganisationsService(base)
  const accounts = createAccountsService({ ...base, organisations, rateLimiter: createRateLimiter(app.db, app.clock) })
  const me = createMeService({ ...base, accounts, organisations })
  const join = createJoinService({ ...base, accounts, organisations })
  const catalogue = createCatalogueService({ ...base, organisations, search: () => app.searchEngine })
  const editions = createEditionsService(base)
  const participation = createParticipationService(base)
  const targeting = createTargetingService(base)
  const schedules = createSchedulesService({ ...base, editions, live: () => app.live })
  const live = createLiveService({ ...base, editions, live: () => app.live })
  const outcomes = createOutcomesServices(base)
  const recommendations = createRecommendationsService(base)
  return {
    audit,
    organisations,
    accounts,
    me,
    join,
    catalogue,
    editions,
    participation,
    targeting,
    schedules,
    live,
    outcomes,
    recommendations,
  }
}
export type Services = ReturnType<typeof createServices>

/** Housekeeping every few minutes: expire pending requests past their deadline, drop old rate-limit windows. */
function startHousekeeping(
  app: FastifyInstance,
  services: Services,
  rateLimiter: ReturnType<typeof createRateLimiter>,
): void {
  const run = () =>
    Promise.all([
      services.participation.expireRequests(),
      rateLimiter.prune(),
      services.outcomes.performance.requestFollowUps(),
    ]).catch((error: unknown) => app.log.warn({ err: error }, 'housekeeping failed'))
  const timer = setInterval(() => void run(), 5 * 60_000)
  timer.unref()
  app.addHook('onReady', async () => void run())
  app.addHook('onClose', async () => clearInterval(timer))
}

export async function registerFeatures(app: FastifyInstance, config: Config, services: Services): Promise<void> {
  startHousekeeping(app, services, createRateLimiter(app.db, app.clock))
  await app.register(
    async (api) => {
      await api.register(accountsFeature, { ...services, secureCookies: config.publicUrl.startsWith('https:') })
      await api.register(organisationsFeature, services)
      await api.register(catalogueFeature, services)
      await api.register(taxonomiesFeature)
      await api.register(editionsFeature, services)
      await api.register(participationFeature, services)
      await api.register(schedulesFeature, services)
      await api.register(liveFeature, { ...services, publicUrl: config.publicUrl })
      await api.register(outcomesFeature, services)
      await api.register(matchingFeature, services)
      await api.register(auditFeature, { audit: services.audit, participantsOf: services.organisations.participantsOf })
      await api.register(mailboxFeature)
    },
    { prefix: '/api' },
  )
}
