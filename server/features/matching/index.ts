import type { FastifyInstance } from 'fastify'
import { cpvSuggestRoutes } from './cpv-suggest.routes.js'
import type { MatchingService } from './matching.service.js'
import { recommendationsRoutes } from './recommendations.routes.js'
import type { RecommendationsService } from './recommendations.service.js'
import { viewsRoutes } from './views.routes.js'
import { createViewsService } from './views.service.js'
import type { TendersService } from '../tenders/tenders.service.js'

/**
 * CPV suggestions for the editors, recommendation routes, and the offer→needs
 * and need→offers views. Recommendations are recomputed through matching.jobs.ts.
 */
export default async function matchingFeature(
  app: FastifyInstance,
  options: { recommendations: RecommendationsService; matching: MatchingService; tenders: TendersService },
) {
  await app.register(cpvSuggestRoutes)
  await app.register(recommendationsRoutes, options)
  await app.register(viewsRoutes, {
    views: createViewsService({
      db: app.db,
      clock: app.clock,
      search: () => app.searchEngine,
      matching: options.matching,
      tenders: options.tenders,
    }),
  })
}
