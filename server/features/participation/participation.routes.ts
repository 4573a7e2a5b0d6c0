import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  AvailabilitySchema,
  ParticipationBoardQuerySchema,
  ParticipationBoardSchema,
  ParticipationChangeSchema,
  ParticipationSchema,
  ParticipationStatusSchema,
  RepresentativeSchema,
  RepresentativesInputSchema,
} from '../../../shared/schemas/participation.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { EditionsService } from '../events/editions.service.js'
import type { ParticipationService } from './participation.service.js'

const EventParams = Type.Object({ eventId: Type.String({ format: 'uuid' }) })
const EventOrg = Type.Object({ eventId: Type.String({ format: 'uuid' }), orgId: Type.String({ format: 'uuid' }) })

export const participationRoutes: FastifyPluginAsyncTypebox<{
  participation: ParticipationService
  editions: EditionsService
}> = async (app, { participation, editions }) => {
  const tags = ['participation']

  app.get(
    '/events/:eventId/participations',
    {
      config: { access: access.anyOf(access.eventOrganiser('eventId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary: 'Who takes part, at which step',
        params: EventParams,
        querystring: Type.Object({ status: Type.Optional(ParticipationStatusSchema) }, { additionalProperties: false }),
        response: { 200: Type.Array(ParticipationSchema), ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => participation.listParticipations(request.params.eventId, request.query.status),
  )

  app.get(
    '/events/:eventId/meeting-partners',
    {
      config: { access: access.anyOf(access.memberOfQueryField('organisationId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary:
          'Who an organisation may ask to meet in the event (the other kind, at a meeting step), by name; both kinds for the hub',
        params: EventParams,
        querystring: Type.Object(
          { organisationId: Type.Optional(Type.String({ format: 'uuid' })) },
          { additionalProperties: false },
        ),
        response: {
          200: Type.Array(Type.Object({ id: Type.String(), legalName: Type.String(), kind: Type.String() })),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) => participation.meetingPartners(request.params.eventId, request.query.organisationId),
  )

  app.put(
    '/events/:eventId/participations/:orgId',
    {
      config: { access: access.eventOrganiser('eventId') },
      schema: {
        tags,
        summary: 'Move an organisation to the next step (target, invite, select, reject with reason, …)',
        params: EventOrg,
        body: ParticipationChangeSchema,
        response: { 200: ParticipationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      participation.setStatus(authOf(request), {
        eventId: request.params.eventId,
        organisationId: request.params.orgId,
        input: request.body,
      }),
  )

  app.post(
    '/events/:eventId/applications/:orgId',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'Apply to take part (organisations validated by a hub of the edition)',
        params: EventOrg,
        response: { 200: ParticipationSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => participation.apply(authOf(request), request.params.eventId, request.params.orgId),
  )

  app.get(
    '/organisations/:orgId/participations',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'The events the organisation takes part in',
        params: Type.Object({ orgId: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Array(
            Type.Object({
              eventId: Type.String(),
              eventName: Type.String(),
              timeZone: Type.String(),
              days: Type.Array(Type.Object({ date: Type.String() })),
              requestDeadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
              status: Type.String(),
              unavailableSlots: Type.Array(Type.Integer()),
            }),
          ),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => participation.eventsOf(request.params.orgId),
  )

  app.get(
    '/organisations/:orgId/open-events',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary:
          'Events the organisation may apply to: own events of editions run by a hub that validated it, registration still open',
        params: Type.Object({ orgId: Type.String({ format: 'uuid' }) }),
        response: {
          200: Type.Array(
            Type.Object({
              eventId: Type.String(),
              eventName: Type.String(),
              editionName: Type.String(),
              timeZone: Type.String(),
              days: Type.Array(Type.Object({ date: Type.String() })),
              registrationDeadline: Type.Union([Type.String(), Type.Null()]),
              status: Type.Union([Type.String(), Type.Null()]),
            }),
          ),
          ...problemResponses(401, 403),
        },
      },
    },
    async (request) => participation.openEvents(request.params.orgId),
  )

  app.get(
    '/events/:eventId/participations/board',
    {
      config: { access: access.anyOf(access.eventOrganiser('eventId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary: 'The selection board: each step’s first cards, or one step a page at a time, by name and kind',
        params: EventParams,
        querystring: ParticipationBoardQuerySchema,
        response: { 200: ParticipationBoardSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => participation.board(request.params.eventId, request.query),
  )

  app.get(
    '/events/:eventId/participations/counts',
    {
      config: { access: access.anyOf(access.eventOrganiser('eventId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary: 'How many organisations are at each step',
        params: EventParams,
        response: { 200: Type.Record(Type.String(), Type.Integer()), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => participation.countsByStatus(request.params.eventId),
  )

  app.put(
    '/events/:eventId/participations/:orgId/availability',
    {
      config: { access: access.anyOf(access.member('orgId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary: 'The slots the organisation cannot attend',
        params: EventOrg,
        body: AvailabilitySchema,
        response: { 200: ParticipationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const slots = await editions.slotsOf(request.params.eventId)
      return participation.setAvailability(authOf(request), {
        eventId: request.params.eventId,
        organisationId: request.params.orgId,
        unavailableSlots: request.body.unavailableSlots,
        slotCount: slots.length,
      })
    },
  )

  app.get(
    '/events/:eventId/participations/:orgId/representatives',
    {
      config: { access: access.anyOf(access.member('orgId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary: 'The people the organisation sends (a buyer’s representatives each hold meetings)',
        params: EventOrg,
        response: { 200: Type.Array(RepresentativeSchema), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => participation.listRepresentatives(request.params.eventId, request.params.orgId),
  )

  app.put(
    '/events/:eventId/participations/:orgId/representatives',
    {
      config: { access: access.anyOf(access.member('orgId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary: 'Replace the list of people the organisation sends, with the slots each cannot attend',
        params: EventOrg,
        body: RepresentativesInputSchema,
        response: { 200: Type.Array(RepresentativeSchema), ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => {
      const slots = await editions.slotsOf(request.params.eventId)
      return participation.setRepresentatives(authOf(request), {
        eventId: request.params.eventId,
        organisationId: request.params.orgId,
        list: request.body.representatives,
        slotCount: slots.length,
      })
    },
  )
}
