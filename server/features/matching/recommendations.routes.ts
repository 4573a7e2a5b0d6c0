import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  CurationDecisionSchema,
  CurationPageSchema,
  CurationQuerySchema,
  CurationResultSchema,
  MarkInputSchema,
  MatchingSettingsSchema,
  RecommendationSchema,
  SuggestInputSchema,
} from '../../../shared/schemas/recommendations.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { RecommendationsService } from './recommendations.service.js'

const Uuid = Type.String({ format: 'uuid' })
const EventParams = Type.Object({ eventId: Uuid })
const EventOrg = Type.Object({ eventId: Uuid, orgId: Uuid })
const MarkParams = Type.Object({ eventId: Uuid, orgId: Uuid, otherOrgId: Uuid })

export const recommendationsRoutes: FastifyPluginAsyncTypebox<{ recommendations: RecommendationsService }> = async (
  app,
  { recommendations },
) => {
  const tags = ['matching']
  const hub = { access: access.eventOrganiser('eventId') }

  app.get(
    '/events/:eventId/recommendations/:orgId',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary:
          'The counterparts recommended to an SME (buyers) or a buyer (SMEs), best first, with the reason in Italian and English',
        params: EventOrg,
        response: { 200: Type.Array(RecommendationSchema), ...problemResponses(401, 403, 409) },
      },
    },
    async (request) => recommendations.listFor(request.params.eventId, request.params.orgId),
  )

  app.put(
    '/events/:eventId/recommendations/:orgId/marks/:otherOrgId',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'Mark a recommended counterpart "must meet", "meet" or "no thanks" (null clears the mark)',
        params: MarkParams,
        body: MarkInputSchema,
        response: { 200: MarkInputSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      recommendations.mark(authOf(request), {
        eventId: request.params.eventId,
        organisationId: request.params.orgId,
        otherId: request.params.otherOrgId,
        mark: request.body.mark,
      }),
  )

  app.post(
    '/events/:eventId/recommendations/recompute',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Recompute the event’s recommendations (queued; the worker runs it)',
        params: EventParams,
        response: { 202: Type.Object({ queued: Type.Boolean() }), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await recommendations.requestRecompute(request.params.eventId)
      return reply.code(202).send({ queued: true })
    },
  )

  app.get(
    '/events/:eventId/curation',
    {
      config: hub,
      schema: {
        tags,
        summary:
          'One page of the event’s recommended pairs, filtered and sorted (best first by default), with the total',
        params: EventParams,
        querystring: CurationQuerySchema,
        response: { 200: CurationPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => recommendations.curation(request.params.eventId, request.query),
  )

  app.post(
    '/events/:eventId/curation/decisions',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Shortlist, approve or reject pairs',
        params: EventParams,
        body: CurationDecisionSchema,
        response: { 200: CurationResultSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => recommendations.decide(authOf(request), request.params.eventId, request.body),
  )

  app.post(
    '/events/:eventId/curation/suggest',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Suggest pairs to both sides (each person is mailed in their language)',
        params: EventParams,
        body: SuggestInputSchema,
        response: { 200: CurationResultSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => recommendations.suggest(authOf(request), request.params.eventId, request.body.pairs),
  )

  app.get(
    '/events/:eventId/curation/settings',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Matching settings of the event',
        params: EventParams,
        response: { 200: MatchingSettingsSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => recommendations.settings(request.params.eventId),
  )

  app.put(
    '/events/:eventId/curation/settings',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Change the matching settings (recomputes the recommendations)',
        params: EventParams,
        body: MatchingSettingsSchema,
        response: { 200: MatchingSettingsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => recommendations.updateSettings(authOf(request), request.params.eventId, request.body),
  )
}
