import type { FastifyInstance } from 'fastify'
import type { Config } from '../config.js'
import { registerJobs, type FeatureJobs, type TimerOptions } from '../infra/jobs.js'
import { mailJobs } from '../infra/mailer.js'
import { createRateLimiter } from '../infra/rate-limit.js'
import { accountsJobs } from './accounts/accounts.jobs.js'
import { catalogueJobs } from './catalogue/catalogue.jobs.js'
import { liveJobs } from './live/live.jobs.js'
import { createMatchingService } from './matching/matching.service.js'
import { matchingJobs } from './matching/matching.jobs.js'
import { outcomesJobs } from './outcomes/outcomes.jobs.js'
import { requestsJobs } from './requests/requests.jobs.js'
import requestsFeature from './requests/index.js'
import { createRequestsService } from './requests/requests.service.js'
import { schedulesJobs } from './schedules/schedules.jobs.js'
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
import editionsFeature from './events/index.js'
import { createEditionsService } from './events/editions.service.js'
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
import homeFeature from './home/index.js'
import tendersFeature from './tenders/index.js'
import { tendersJobs } from './tenders/tenders.jobs.js'
import { createTendersService } from './tenders/tenders.service.js'
import { createHomeService } from './home/home.service.js'

/** Builds each feature's services from the infra decorators and registers the API under /api. */
export function createServices(app: FastifyInstance, config: Config) {
  const audit = createAuditService(app.db)
  const base = { db: app.db, clock: app.clock, outbox: app.outbox, audit, publicUrl: config.publicUrl }
  const organisations = createOrganisationsService(base)
  const rateLimiter = createRateLimiter(app.db, app.clock)
  const accounts = createAccountsService({ ...base, organisations, rateLimiter })
  const me = createMeService({ ...base, accounts, organisations })
  const join = createJoinService({ ...base, accounts, organisations })
  const catalogue = createCatalogueService({ ...base, organisations, search: () => app.searchEngine })
  const editions = createEditionsService(base)
  const tenders = createTendersService({ db: app.db, clock: app.clock, organisations, catalogue })
  const participation = createParticipationService(base)
  const requests = createRequestsService(base)
  const targeting = createTargetingService(base)
  const schedules = createSchedulesService({ ...base, editions, live: () => app.live })
  const live = createLiveService({ ...base, editions, live: () => app.live })
  const outcomes = createOutcomesServices(base)
  const recommendations = createRecommendationsService(base)
  const matching = createMatchingService({ search: () => app.searchEngine })
  const home = createHomeService({
    ...base,
    organisations,
    catalogue,
    participation,
    requests,
    schedules,
    outcomes,
  })
  return {
    audit,
    rateLimiter,
    organisations,
    accounts,
    me,
    join,
    catalogue,
    editions,
    participation,
    requests,
    targeting,
    schedules,
    live,
    outcomes,
    recommendations,
    matching,
    home,
    tenders,
  }
}
export type Services = ReturnType<typeof createServices>

/** Every feature's background work, registered in one place: outbox handlers by topic, and timers. */
function featureJobs(app: FastifyInstance, config: Config, services: Services): FeatureJobs[] {
  return [
    mailJobs(app.mailer, { sent: app.metrics.mailSent, failed: app.metrics.mailFailed }),
    accountsJobs(services),
    catalogueJobs({ db: app.db, catalogue: services.catalogue }),
    requestsJobs(services),
    schedulesJobs(app, services),
    liveJobs(services),
    outcomesJobs(services.outcomes),
    matchingJobs({ db: app.db, clock: app.clock, matching: services.matching }),
    tendersJobs(app, config, services),
  ]
}

export async function registerFeatures(
  app: FastifyInstance,
  config: Config,
  services: Services,
  options: { timers?: TimerOptions } = {},
): Promise<void> {
  registerJobs(app, featureJobs(app, config, services), options.timers)
  await app.register(
    async (api) => {
      await api.register(accountsFeature, { ...services, secureCookies: config.publicUrl.startsWith('https:') })
      await api.register(organisationsFeature, services)
      await api.register(catalogueFeature, services)
      await api.register(taxonomiesFeature)
      await api.register(editionsFeature, services)
      await api.register(participationFeature, services)
      await api.register(requestsFeature, services)
      await api.register(schedulesFeature, services)
      await api.register(liveFeature, { ...services, publicUrl: config.publicUrl })
      await api.register(outcomesFeature, services)
      await api.register(matchingFeature, services)
      await api.register(auditFeature, { audit: services.audit, participantsOf: services.organisations.participantsOf })
      await api.register(homeFeature, services)
      await api.register(tendersFeature, services)
      await api.register(mailboxFeature)
    },
    { prefix: '/api' },
  )
}
