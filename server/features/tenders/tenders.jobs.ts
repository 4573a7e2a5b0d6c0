import type { FastifyInstance } from 'fastify'
import type { Config } from '../../config.js'
import type { FeatureJobs } from '../../infra/jobs.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import { createTedPoller } from './ted-poller.js'
import type { TendersService } from './tenders.service.js'

/** The TED poller, when TED_POLL_QUERY and TED_POLL_HUB turn it on: once at start, then every TED_POLL_MINUTES. */
export function tendersJobs(
  app: FastifyInstance,
  config: Config,
  deps: { tenders: TendersService; organisations: OrganisationsService },
): FeatureJobs {
  if (!config.tedPoll) return {}
  const poller = createTedPoller({
    db: app.db,
    clock: app.clock,
    config: config.tedPoll,
    tenders: deps.tenders,
    organisations: deps.organisations,
    log: app.log,
  })
  return {
    timers: [
      {
        name: 'TED poller',
        everyMs: config.tedPoll.everyMinutes * 60_000,
        onReady: true,
        run: async () => {
          const summary = await poller.poll()
          app.log.info({ ...summary }, 'TED poller: notices looked at')
        },
      },
    ],
  }
}
