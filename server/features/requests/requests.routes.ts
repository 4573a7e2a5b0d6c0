import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  MeetingRequestInputSchema,
  MeetingRequestSchema,
  RepresentativeChoiceSchema,
  RequestOverviewQuerySchema,
  RequestOverviewSchema,
} from '../../../shared/schemas/participation.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { EditionsService } from '../events/editions.service.js'
import { requestProblems as problems } from './requests.errors.js'
import type { RequestsService } from './requests.service.js'

const EventParams = Type.Object({ eventId: Type.String({ format: 'uuid' }) })
const RequestParams = Type.Object({ requestId: Type.String({ format: 'uuid' }) })

export const requestsRoutes: FastifyPluginAsyncTypebox<{
  requests: RequestsService
  editions: EditionsService
}> = async (app, { requests, editions }) => {
  app.put(
    '/requests/:requestId/representative',
    {
      config: {
        access: access.hidden(
          access.anyOf(access.requestParty('requestId'), access.requestEventOrganiser('requestId')),
          problems.requestNotFound,
        ),
      },
      schema: {
        tags: ['requests'],
        summary: 'Choose which of the buyer’s representatives holds the meeting (null: let the scheduler choose)',
        params: RequestParams,
        body: RepresentativeChoiceSchema,
        response: { 200: MeetingRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      requests.chooseRepresentative(authOf(request), {
        requestId: request.params.requestId,
        representativeId: request.body.representativeId,
        hubOf: (eventId) => editions.organisersOfEvent(eventId),
      }),
  )

  app.post(
    '/events/:eventId/requests',
    {
      config: {
        access: access.anyOf(access.memberOfBodyField('fromOrganisationId'), access.eventOrganiser('eventId')),
      },
      schema: {
        tags: ['requests'],
        summary: 'Ask to meet (a member of the asking organisation), or impose a meeting (the event’s hub)',
        params: EventParams,
        body: MeetingRequestInputSchema,
        response: { 201: MeetingRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request)
      // The access rule let in members of the asking organisation and the event's hubs: a hub not of it imposes.
      const imposed = !auth.memberships.some((m) => m.organisationId === request.body.fromOrganisationId)
      const { fromOrganisationId: from, toOrganisationId: to, message, priority } = request.body
      return reply.code(201).send(
        await requests.requestMeeting(auth, {
          eventId: request.params.eventId,
          from,
          to,
          message,
          priority,
          imposed,
        }),
      )
    },
  )

  app.get(
    '/events/:eventId/requests',
    {
      config: { access: access.anyOf(access.memberOfQueryField('organisationId'), access.eventOrganiser('eventId')) },
      schema: {
        tags: ['requests'],
        summary: 'Requests of one organisation (its members) or of the whole event (its hubs)',
        params: EventParams,
        querystring: Type.Object(
          { organisationId: Type.Optional(Type.String({ format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(MeetingRequestSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => requests.listRequests(request.params.eventId, request.query.organisationId),
  )

  app.get(
    '/events/:eventId/requests/overview',
    {
      config: { access: access.eventOrganiser('eventId') },
      schema: {
        tags: ['requests'],
        summary: 'The event’s requests for its hubs: newest first, by status and name, a page at a time, with counts',
        params: EventParams,
        querystring: RequestOverviewQuerySchema,
        response: { 200: RequestOverviewSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => requests.requestOverview(request.params.eventId, request.query),
  )

  for (const [verb, status] of [
    ['accept', 'accepted'],
    ['decline', 'declined'],
    ['withdraw', 'withdrawn'],
  ] as const) {
    app.post(
      `/requests/:requestId/${verb}`,
      {
        config: { access: access.hidden(access.requestParty('requestId'), problems.requestNotFound) },
        schema: {
          tags: ['requests'],
          summary: `${verb[0]!.toUpperCase()}${verb.slice(1)} a meeting request`,
          params: RequestParams,
          body: Type.Optional(
            Type.Object({ reason: Type.Optional(Type.String({ maxLength: 500 })) }, { additionalProperties: false }),
          ),
          response: { 200: MeetingRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
        },
      },
      async (request) =>
        requests.decide(authOf(request), {
          requestId: request.params.requestId,
          to: status,
          reason: request.body?.reason,
        }),
    )
  }
}
