import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { MatchViewQuerySchema, MatchViewSchema } from '../../../shared/schemas/matching-views.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { ViewsService } from './views.service.js'

const Uuid = Type.String({ format: 'uuid' })

export const viewsRoutes: FastifyPluginAsyncTypebox<{ views: ViewsService }> = async (app, { views }) => {
  const tags = ['matching']

  app.get(
    '/offers/:offerId/matches',
    {
      config: { access: access.orgKind(['sme', 'organiser']) },
      schema: {
        tags,
        summary:
          'The buyers’ needs that match one offer, best first, with the parts of the score and the reason (for the offer’s SME and its hubs)',
        params: Type.Object({ offerId: Uuid }),
        querystring: MatchViewQuerySchema,
        response: { 200: MatchViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => views.needsForOffer(authOf(request), request.params.offerId, request.query),
  )

  app.get(
    '/needs/:needId/matches',
    {
      config: { access: access.orgKind(['buyer', 'organiser']) },
      schema: {
        tags,
        summary:
          'The SMEs’ offers that match one need, best first, with the parts of the score and the reason (for the need’s buyer and its hubs)',
        params: Type.Object({ needId: Uuid }),
        querystring: MatchViewQuerySchema,
        response: { 200: MatchViewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => views.offersForNeed(authOf(request), request.params.needId, request.query),
  )
}
