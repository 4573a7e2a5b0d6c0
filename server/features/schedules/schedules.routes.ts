import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { AgendaSchema, MoveSchema, ScheduleRunSchema, ScheduleSchema } from '../../../shared/schemas/schedules.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { SchedulesService } from './schedules.service.js'

const EventParams = Type.Object({ eventId: Type.String({ format: 'uuid' }) })
const ScheduleParams = Type.Object({
  eventId: Type.String({ format: 'uuid' }),
  scheduleId: Type.String({ format: 'uuid' }),
})
const OrgParams = Type.Object({ orgId: Type.String({ format: 'uuid' }) })

export const schedulesRoutes: FastifyPluginAsyncTypebox<{ schedules: SchedulesService }> = async (
  app,
  { schedules },
) => {
  const tags = ['schedules']
  const hub = { access: access.eventOrganiser('eventId') }

  app.post(
    '/events/:eventId/schedules',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Compute a schedule in the background (a re-plan keeps published meetings in place when it can)',
        params: EventParams,
        body: ScheduleRunSchema,
        response: { 202: ScheduleSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(202).send(await schedules.queue(authOf(request), request.params.eventId, request.body)),
  )

  app.get(
    '/events/:eventId/schedules',
    {
      config: hub,
      schema: {
        tags,
        summary: 'The runs of the event, newest first, with progress and statistics',
        params: EventParams,
        response: { 200: Type.Array(ScheduleSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => schedules.list(request.params.eventId),
  )

  app.get(
    '/events/:eventId/schedules/:scheduleId',
    {
      config: hub,
      schema: {
        tags,
        summary: 'One run with its meetings, unscheduled requests (with reasons) and breaks per participant',
        params: ScheduleParams,
        response: { 200: ScheduleSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => schedules.get(request.params.eventId, request.params.scheduleId),
  )

  app.put(
    '/events/:eventId/schedules/:scheduleId/assignments/:requestId',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Move a meeting of a draft to another slot and table; a clash is refused',
        params: Type.Object({
          eventId: Type.String({ format: 'uuid' }),
          scheduleId: Type.String({ format: 'uuid' }),
          requestId: Type.String({ format: 'uuid' }),
        }),
        body: MoveSchema,
        response: { 200: ScheduleSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      schedules.move(authOf(request), {
        eventId: request.params.eventId,
        scheduleId: request.params.scheduleId,
        requestId: request.params.requestId,
        target: request.body,
      }),
  )

  app.post(
    '/events/:eventId/schedules/:scheduleId/publish',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Publish a draft: agendas and calendar feeds change, the people whose agenda changed are told',
        params: ScheduleParams,
        response: { 200: ScheduleSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => schedules.publish(authOf(request), request.params.eventId, request.params.scheduleId),
  )

  app.post(
    '/events/:eventId/schedules/:scheduleId/cancel',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Cancel a queued or running schedule run; the solver stops within seconds',
        params: ScheduleParams,
        response: { 200: ScheduleSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => schedules.cancel(authOf(request), request.params.eventId, request.params.scheduleId),
  )

  app.get(
    '/events/:eventId/agenda/:orgId',
    {
      config: { access: access.anyOf(access.member('orgId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary: 'A participant’s published meetings: times, counterpart, table or video link',
        params: Type.Object({ eventId: Type.String({ format: 'uuid' }), orgId: Type.String({ format: 'uuid' }) }),
        response: { 200: AgendaSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => schedules.agenda(request.params.eventId, request.params.orgId),
  )

  app.get(
    '/organisations/:orgId/calendar-feed',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'The secret address of the organisation’s calendar feed (iCalendar)',
        params: OrgParams,
        response: { 200: Type.Object({ url: Type.String() }), ...problemResponses(401, 403) },
      },
    },
    async (request) => schedules.feedUrl(request.params.orgId),
  )

  app.post(
    '/organisations/:orgId/calendar-feed',
    {
      config: { access: access.member('orgId', ['admin']) },
      schema: {
        tags,
        summary: 'Replace the feed address (the old one stops working)',
        params: OrgParams,
        response: { 200: Type.Object({ url: Type.String() }), ...problemResponses(401, 403) },
      },
    },
    async (request) => schedules.feedUrl(request.params.orgId, true),
  )

  app.get(
    '/calendar/:token',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'An organisation’s meetings as iCalendar (RFC 5545); the address is the secret',
        params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 100 }) }),
        querystring: Type.Object(
          { lang: Type.Optional(Type.Union([Type.Literal('it'), Type.Literal('en')])) },
          { additionalProperties: false },
        ),
        response: problemResponses(400, 404),
      },
    },
    async (request, reply) => {
      const token = request.params.token.replace(/\.ics$/, '')
      const body = await schedules.feed(token, request.query.lang ?? 'en')
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'private, max-age=300').send(body)
    },
  )
}
