import { Type, type Static } from '@sinclair/typebox'
import { nullable } from './patch.js'

const Uuid = Type.String({ format: 'uuid' })

export const ScheduleRunSchema = Type.Object(
  {
    timeLimitSeconds: Type.Integer({ minimum: 1, maximum: 120, default: 10 }),
    /** Max breaks per participant; null: no limit. */
    fairness: Type.Union([Type.Integer({ minimum: 0, maximum: 20 }), Type.Null()], { default: 2 }),
    seed: Type.Integer({ minimum: 0, maximum: 2 ** 31 - 1, default: 1 }),
    /** A re-plan keeps published meetings where they are whenever it can. */
    keepPublished: Type.Boolean({ default: true }),
  },
  { additionalProperties: false },
)
export type ScheduleRun = Static<typeof ScheduleRunSchema>

export const AssignmentSchema = Type.Object({
  requestId: Uuid,
  smeId: Uuid,
  smeName: Type.String(),
  buyerId: Uuid,
  buyerName: Type.String(),
  representativeId: nullable(Uuid),
  representativeName: nullable(Type.String()),
  slot: Type.Integer(),
  tableIndex: Type.Integer(),
  tableName: Type.String(),
  priority: Type.String(),
  /** Published in the same place before this run (a re-plan keeps these). */
  kept: Type.Optional(Type.Boolean()),
})
export type Assignment = Static<typeof AssignmentSchema>

export const UnscheduledSchema = Type.Object({
  requestId: Uuid,
  smeName: Type.String(),
  buyerName: Type.String(),
  /** no_common_slot: the two sides are never free at the same time; no_room: every shared slot is taken. */
  reason: Type.Union([Type.Literal('no_common_slot'), Type.Literal('no_room')]),
})

export const ParticipantBreaksSchema = Type.Object({
  key: Type.String(),
  organisationId: Uuid,
  representativeId: nullable(Uuid),
  name: Type.String(),
  meetings: Type.Integer(),
  breaks: Type.Integer(),
})

export const ScheduleStatsSchema = Type.Object({
  requests: Type.Integer(),
  scheduled: Type.Integer(),
  breaks: Type.Integer(),
  lowerBound: nullable(Type.Integer()),
  fairness: nullable(Type.Integer()),
  maxBreaksPerParticipant: Type.Integer(),
  overFairness: Type.Integer(),
  /** Published meetings this draft moves or cancels. */
  moved: Type.Integer(),
  elapsedMs: Type.Integer(),
  stoppedBy: Type.String(),
  participants: Type.Array(ParticipantBreaksSchema),
})
export type ScheduleStats = Static<typeof ScheduleStatsSchema>

export const ScheduleSchema = Type.Object({
  id: Uuid,
  eventId: Uuid,
  status: Type.Union([
    Type.Literal('queued'),
    Type.Literal('running'),
    Type.Literal('draft'),
    Type.Literal('published'),
    Type.Literal('superseded'),
    Type.Literal('failed'),
    Type.Literal('cancelled'),
  ]),
  options: ScheduleRunSchema,
  progress: Type.Integer(),
  error: nullable(Type.String()),
  createdAt: Type.String({ format: 'date-time' }),
  finishedAt: nullable(Type.String({ format: 'date-time' })),
  publishedAt: nullable(Type.String({ format: 'date-time' })),
  stats: nullable(ScheduleStatsSchema),
  assignments: Type.Optional(Type.Array(AssignmentSchema)),
  unscheduled: Type.Optional(Type.Array(UnscheduledSchema)),
  tables: Type.Optional(Type.Array(Type.String())),
})
export type Schedule = Static<typeof ScheduleSchema>

export const MoveSchema = Type.Object(
  { slot: Type.Integer({ minimum: 0 }), tableIndex: Type.Integer({ minimum: 0 }) },
  { additionalProperties: false },
)

export const AgendaItemSchema = Type.Object({
  meetingId: Uuid,
  eventId: Uuid,
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  sequence: Type.Integer(),
  slot: Type.Integer(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  localStart: Type.String(),
  localEnd: Type.String(),
  counterpartId: Uuid,
  counterpartName: Type.String(),
  representativeName: nullable(Type.String()),
  tableName: nullable(Type.String()),
  videoLink: nullable(Type.String()),
})
export type AgendaItem = Static<typeof AgendaItemSchema>

export const AgendaSchema = Type.Object({
  eventId: Uuid,
  eventName: Type.String(),
  timeZone: Type.String(),
  venue: nullable(Type.String()),
  published: Type.Boolean(),
  items: Type.Array(AgendaItemSchema),
})
export type Agenda = Static<typeof AgendaSchema>
