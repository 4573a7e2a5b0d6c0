import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { access, authOf } from '../../infra/access.js'
import { liveChannel } from '../../infra/live.js'
import {
  AbsencePreviewSchema,
  AbsenceUndoneSchema,
  BoardSchema,
  FeedbackInputSchema,
  FeedbackSchema,
  TodaySchema,
} from '../../../shared/schemas/live.js'
import { problemResponses } from '../../infra/problems.js'
import type { EditionsService } from '../events/editions.service.js'
import { liveProblems } from './live.errors.js'
import type { LiveService } from './live.service.js'

const Uuid = Type.String({ format: 'uuid' })
const EventOrg = Type.Object({ eventId: Uuid, orgId: Uuid })
const EventParams = Type.Object({ eventId: Uuid })
const MeetingParams = Type.Object({ meetingId: Uuid })

export const liveRoutes: FastifyPluginAsyncTypebox<{
  live: LiveService
  editions: EditionsService
  publicUrl: string
}> = async (app, { live, editions, publicUrl }) => {
  const tags = ['event day']
  const hub = { access: access.eventOrganiser('eventId') }
  const isHub = async (eventId: string, memberOf: string[]) =>
    (await editions.organisersOfEvent(eventId)).some((id) => memberOf.includes(id))
  const origin = new URL(publicUrl).origin

  /**
   * Live messages over a websocket: `organisation` (a member's own channel) and/or
   * `event` (the event's hubs). `since` resumes after the last id received.
   */
  app.get(
    '/live',
    {
      websocket: true,
      config: { access: access.signedIn },
      schema: {
        tags,
        summary:
          'Live messages (websocket): ?organisation=… for a participant, ?event=… for the event’s hubs, &since=<last id> to resume',
        querystring: Type.Object(
          {
            organisation: Type.Optional(Uuid),
            event: Type.Optional(Uuid),
            since: Type.Optional(Type.Integer({ minimum: 0 })),
          },
          { additionalProperties: false },
        ),
      },
      preHandler: async (request) => {
        const requestOrigin = request.headers.origin
        if (requestOrigin && requestOrigin !== origin && requestOrigin !== `${request.protocol}://${request.host}`)
          throw liveProblems.channel('Connect from the platform’s own pages.')
        const { organisation, event } = request.query as { organisation?: string; event?: string }
        const memberOf = authOf(request).memberships.map((m) => m.organisationId)
        if (!organisation && !event)
          throw liveProblems.channel('Name an organisation or an event to follow.', [
            { field: 'querystring.organisation', code: 'required', message: 'or querystring.event' },
          ])
        if (organisation && !memberOf.includes(organisation))
          throw liveProblems.channel('Follow your own organisation only.', [
            { field: 'querystring.organisation', code: 'forbidden', message: 'not your organisation' },
          ])
        if (event && !(await isHub(event, memberOf)))
          throw liveProblems.channel('Only the event’s hubs follow the event.', [
            { field: 'querystring.event', code: 'forbidden', message: 'not your event' },
          ])
      },
    },
    async (socket, request) => {
      const { organisation, event, since } = request.query as { organisation?: string; event?: string; since?: number }
      const channels = [
        ...(organisation ? [liveChannel.organisation(organisation)] : []),
        ...(event ? [liveChannel.event(event)] : []),
      ]
      const sent = new Set<number>()
      const queued: { id: number }[] = []
      let replaying = since !== undefined
      // A message may arrive both live and in the replay; each id is sent once.
      const send = (message: { id: number }) => {
        if (sent.has(message.id)) return
        sent.add(message.id)
        if (sent.size > 5000) sent.delete(sent.values().next().value!)
        socket.send(JSON.stringify(message))
      }
      const unsubscribe = app.live.subscribe(channels, (message) => {
        if (replaying) queued.push(message)
        else send(message)
      })
      socket.on('close', unsubscribe)
      const ping = setInterval(() => socket.ping(), 25_000)
      socket.on('close', () => clearInterval(ping))
      if (since !== undefined) {
        for (const message of await app.live.since(channels, since)) send(message)
        replaying = false
        for (const message of queued.splice(0)) send(message)
      }
      socket.send(JSON.stringify({ type: 'ready', channels }))
    },
  )

  app.post(
    '/events/:eventId/check-ins/:orgId',
    {
      config: { access: access.anyOf(access.member('orgId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary: 'Check an organisation in (a hub scanning its QR code, or the participant itself)',
        params: EventOrg,
        response: {
          200: Type.Object({
            organisationId: Uuid,
            at: Type.String(),
            absent: Type.Boolean(),
            already: Type.Boolean(),
          }),
          ...problemResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) => {
      const auth = authOf(request)
      const memberOf = auth.memberships.map((m) => m.organisationId)
      const method = memberOf.includes(request.params.orgId) ? 'self' : 'organiser'
      return live.checkIn(auth, { eventId: request.params.eventId, organisationId: request.params.orgId, method })
    },
  )

  app.post(
    '/events/:eventId/absences/:orgId',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Mark an organisation absent: its meetings to come become no-shows and counterparts are told',
        params: EventOrg,
        response: {
          200: Type.Object({ organisationId: Uuid, meetings: Type.Array(Uuid) }),
          ...problemResponses(401, 403, 404, 409),
        },
      },
    },
    async (request) => live.markAbsent(authOf(request), request.params.eventId, request.params.orgId),
  )

  app.get(
    '/events/:eventId/absences/:orgId',
    {
      config: hub,
      schema: {
        tags,
        summary: 'What marking an organisation absent would do: the meetings it cancels and the people it tells',
        params: EventOrg,
        response: { 200: AbsencePreviewSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => live.absencePreview(request.params.eventId, request.params.orgId),
  )

  app.delete(
    '/events/:eventId/absences/:orgId',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Undo an absence the same day: its meetings come back and the counterparts are told',
        params: EventOrg,
        response: { 200: AbsenceUndoneSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => live.undoAbsence(authOf(request), request.params.eventId, request.params.orgId),
  )

  app.get(
    '/events/:eventId/board',
    {
      config: hub,
      schema: {
        tags,
        summary: 'The live board: slot clock, meetings with their state, check-ins, no-show queue with standby pairs',
        params: EventParams,
        response: { 200: BoardSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => live.board(request.params.eventId),
  )

  app.post(
    '/events/:eventId/repairs',
    {
      config: hub,
      schema: {
        tags,
        summary: 'Re-pair a stranded participant with someone on the standby list, same slot and table',
        params: EventParams,
        body: Type.Object({ meetingId: Uuid, organisationId: Uuid }, { additionalProperties: false }),
        response: {
          200: Type.Object({ smeId: Uuid, buyerId: Uuid, slot: Type.Integer() }),
          ...problemResponses(400, 401, 403, 404, 409),
        },
      },
    },
    async (request) =>
      live.repair(authOf(request), {
        eventId: request.params.eventId,
        meetingId: request.body.meetingId,
        candidateId: request.body.organisationId,
      }),
  )

  app.get(
    '/events/:eventId/today/:orgId',
    {
      config: { access: access.anyOf(access.member('orgId'), access.eventOrganiser('eventId')) },
      schema: {
        tags,
        summary: 'A participant’s day: meetings with live state, check-in, own feedback',
        params: EventOrg,
        response: { 200: TodaySchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => live.today(request.params.eventId, request.params.orgId),
  )

  app.put(
    '/meetings/:meetingId/feedback',
    {
      config: { access: access.hidden(access.meetingParty('meetingId'), liveProblems.meetingNotFound) },
      schema: {
        tags,
        summary: 'Say how the meeting went (either side): held or not, interest, a comment only the hub reads',
        params: MeetingParams,
        body: FeedbackInputSchema,
        response: { 200: FeedbackSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => live.feedback(authOf(request), request.params.meetingId, request.body),
  )

  app.get(
    '/meetings/:meetingId/feedback',
    {
      config: {
        access: access.hidden(
          access.anyOf(access.meetingParty('meetingId'), access.meetingEventOrganiser('meetingId')),
          liveProblems.meetingNotFound,
        ),
      },
      schema: {
        tags,
        summary: 'Feedback on a meeting: both sides with comments for the hub, one’s own for a side',
        params: MeetingParams,
        response: { 200: Type.Array(FeedbackSchema), ...problemResponses(401, 404) },
      },
    },
    async (request) => {
      const memberOf = authOf(request).memberships.map((m) => m.organisationId)
      return live.feedbackOf(authOf(request), request.params.meetingId, (eventId) => isHub(eventId, memberOf))
    },
  )
}
