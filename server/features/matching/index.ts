import type { FastifyInstance } from 'fastify'
import { cpvSuggestRoutes } from './cpv-suggest.routes.js'
import { createMatchingService } from './matching.service.js'
import { recomputeEvent } from './recommendations.compute.js'
import { recommendationsRoutes } from './recommendations.routes.js'
import type { RecommendationsService } from './recommendations.service.js'
import { RECOMPUTE_TOPIC } from './recommendations.triggers.js'
import { viewsRoutes } from './views.routes.js'
import { createViewsService } from './views.service.js'

/** CPV suggestions for the editors, recommendation routes, the offer→needs and need→offers views, and the outbox handler that recomputes an event's recommendations. */
export default async function matchingFeature(
  app: FastifyInstance,
  options: { recommendations: RecommendationsService },
) {
  const matching = createMatchingService({ search: () => app.searchEngine })
  app.outbox.register(RECOMPUTE_TOPIC, async (payload) => {
    await recomputeEvent({ db: app.db, clock: app.clock, matching }, (payload as { eventId: string }).eventId)
  })
  await app.register(cpvSuggestRoutes)
  await app.register(recommendationsRoutes, options)
  await app.register(viewsRoutes, {
    views: createViewsService({ db: app.db, search: () => app.searchEngine, matching }),
  })
}
