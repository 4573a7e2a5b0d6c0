import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  EditionInputSchema,
  EditionPatchSchema,
  EditionSchema,
  EventInputSchema,
  EventPatchSchema,
  EventSchema,
  SlotSchema,
} from '../../../shared/schemas/events.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { EditionsService } from './editions.service.js'

const Org = Type.Object({ orgId: Type.String({ format: 'uuid' }) })
const EditionParams = Type.Object({ editionId: Type.String({ format: 'uuid' }) })
const EventParams = Type.Object({ eventId: Type.String({ format: 'uuid' }) })

/** Hubs set up editions and events; the authority reads them. */
export const editionsRoutes: FastifyPluginAsyncTypebox<{ editions: EditionsService }> = async (app, { editions }) => {
  const tags = ['editions']
  const editionReaders = { access: access.anyOf(access.editionOrganiser('editionId'), access.orgKind(['authority'])) }
  const eventReaders = {
    access: access.anyOf(
      access.eventOrganiser('eventId'),
      access.eventParticipant('eventId'),
      access.orgKind(['authority']),
    ),
  }

  app.get(
    '/organisers/:orgId/editions',
    {
      config: { access: access.orgKind(['organiser'], 'orgId') },
      schema: {
        tags,
        summary: 'Editions this hub runs',
        params: Org,
        response: { 200: Type.Array(EditionSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => editions.listEditions(request.params.orgId),
  )
  app.post(
    '/organisers/:orgId/editions',
    {
      config: { access: access.orgKind(['organiser'], 'orgId') },
      schema: {
        tags,
        summary: 'Open an edition (a call round), with its KPI targets',
        params: Org,
        body: EditionInputSchema,
        response: { 201: EditionSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await editions.createEdition(authOf(request), request.params.orgId, request.body)),
  )
  app.get(
    '/editions/:editionId',
    {
      config: editionReaders,
      schema: {
        tags,
        summary: 'An edition',
        params: EditionParams,
        response: { 200: EditionSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => editions.getEdition(request.params.editionId),
  )
  app.patch(
    '/editions/:editionId',
    {
      config: { access: access.editionOrganiser('editionId') },
      schema: {
        tags,
        summary: 'Edit an edition',
        params: EditionParams,
        body: EditionPatchSchema,
        response: { 200: EditionSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => editions.updateEdition(authOf(request), request.params.editionId, request.body),
  )
  app.get(
    '/editions/:editionId/events',
    {
      config: editionReaders,
      schema: {
        tags: ['events'],
        summary: 'The events of an edition',
        params: EditionParams,
        response: { 200: Type.Array(EventSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => editions.listEvents(request.params.editionId),
  )
  app.post(
    '/editions/:editionId/events',
    {
      config: { access: access.editionOrganiser('editionId') },
      schema: {
        tags: ['events'],
        summary: 'Set up an event',
        params: EditionParams,
        body: EventInputSchema,
        response: { 201: EventSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await editions.createEvent(authOf(request), request.params.editionId, request.body)),
  )
  app.get(
    '/events/:eventId',
    {
      config: eventReaders,
      schema: {
        tags: ['events'],
        summary: 'An event',
        params: EventParams,
        response: { 200: EventSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => editions.getEvent(request.params.eventId),
  )
  app.patch(
    '/events/:eventId',
    {
      config: { access: access.eventOrganiser('eventId') },
      schema: {
        tags: ['events'],
        summary: 'Edit an event',
        params: EventParams,
        body: EventPatchSchema,
        response: { 200: EventSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => editions.updateEvent(authOf(request), request.params.eventId, request.body),
  )
  app.get(
    '/events/:eventId/slots',
    {
      config: eventReaders,
      schema: {
        tags: ['events'],
        summary: 'The slot grid of an event, in UTC and local time',
        params: EventParams,
        response: { 200: Type.Array(SlotSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => editions.slotsOf(request.params.eventId),
  )
}
