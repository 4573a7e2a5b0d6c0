import { Type, type Static } from '@sinclair/typebox'
import { nullable } from './patch.js'

/** The event day as the API gives it: a participant's day, the hub's live board, feedback. */

const Uuid = Type.String({ format: 'uuid' })
const Presence = Type.Union([Type.Literal('present'), Type.Literal('absent'), Type.Literal('unknown')])
export type Presence = Static<typeof Presence>
export const MEETING_STATES = ['upcoming', 'ready', 'running', 'late', 'held', 'no_show', 'done', 'cancelled'] as const
export type MeetingState = (typeof MEETING_STATES)[number]
export const INTERESTS = [
  'none',
  'informative',
  'follow_up_planned',
  'quote_requested',
  'pilot',
  'contract_expected',
] as const
export type Interest = (typeof INTERESTS)[number]
const InterestSchema = Type.Union([
  Type.Literal('none'),
  Type.Literal('informative'),
  Type.Literal('follow_up_planned'),
  Type.Literal('quote_requested'),
  Type.Literal('pilot'),
  Type.Literal('contract_expected'),
])

export const DayMeetingSchema = Type.Object({
  id: Uuid,
  requestId: Uuid,
  smeId: Uuid,
  smeName: Type.String(),
  buyerId: Uuid,
  buyerName: Type.String(),
  representativeName: nullable(Type.String()),
  slot: Type.Integer(),
  tableIndex: Type.Integer(),
  tableName: nullable(Type.String()),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  status: Type.Union([Type.Literal('scheduled'), Type.Literal('cancelled')]),
  outcome: nullable(Type.Union([Type.Literal('held'), Type.Literal('no_show')])),
  state: Type.Union([
    Type.Literal('upcoming'),
    Type.Literal('ready'),
    Type.Literal('running'),
    Type.Literal('late'),
    Type.Literal('held'),
    Type.Literal('no_show'),
    Type.Literal('done'),
    Type.Literal('cancelled'),
  ]),
  presence: Type.Object({ sme: Presence, buyer: Presence }),
})
export type DayMeeting = Static<typeof DayMeetingSchema>

export const TodaySchema = Type.Object({
  eventId: Uuid,
  eventName: Type.String(),
  timeZone: Type.String(),
  now: Type.String({ format: 'date-time' }),
  /** Whether the event runs today: check-in is open only then. */
  eventDay: Type.Boolean(),
  presence: Presence,
  meetings: Type.Array(
    Type.Intersect([
      DayMeetingSchema,
      Type.Object({
        mine: Type.Union([Type.Literal('sme'), Type.Literal('buyer')]),
        feedback: nullable(Type.Object({ held: Type.Boolean(), interest: nullable(InterestSchema) })),
      }),
    ]),
  ),
})
export type Today = Static<typeof TodaySchema>

export const StandbySchema = Type.Object({
  meetingId: Uuid,
  slot: Type.Integer(),
  startsAt: Type.String({ format: 'date-time' }),
  tableName: nullable(Type.String()),
  counterpartId: Uuid,
  counterpartName: Type.String(),
  candidates: Type.Array(Type.Object({ organisationId: Uuid, name: Type.String(), requestId: Uuid })),
})
export type Standby = Static<typeof StandbySchema>

export const BoardSchema = Type.Object({
  eventId: Uuid,
  eventName: Type.String(),
  timeZone: Type.String(),
  now: Type.String({ format: 'date-time' }),
  currentSlot: nullable(Type.Integer()),
  nextSlot: nullable(Type.Object({ index: Type.Integer(), startsAt: Type.String(), localStart: Type.String() })),
  slots: Type.Array(
    Type.Object({
      index: Type.Integer(),
      localStart: Type.String(),
      localEnd: Type.String(),
      startsAt: Type.String(),
      endsAt: Type.String(),
    }),
  ),
  tables: Type.Array(Type.String()),
  meetings: Type.Array(DayMeetingSchema),
  participants: Type.Array(
    Type.Object({
      organisationId: Uuid,
      name: Type.String(),
      kind: Type.String(),
      presence: Presence,
      /** Marked absent today: "Undo" gives the meetings back. */
      undoable: Type.Boolean(),
    }),
  ),
  standby: Type.Array(StandbySchema),
})
export type Board = Static<typeof BoardSchema>

/** What "Mark absent" would cancel, and whom it would tell, before the hub confirms. */
export const AbsencePreviewSchema = Type.Object({
  organisationId: Uuid,
  name: Type.String(),
  meetings: Type.Array(
    Type.Object({
      meetingId: Uuid,
      time: Type.String({ description: 'local start, HH:mm' }),
      tableName: nullable(Type.String()),
      counterpartName: Type.String(),
      told: Type.Array(Type.String(), { description: 'the counterpart’s people, told live and by e-mail' }),
    }),
  ),
})
export type AbsencePreview = Static<typeof AbsencePreviewSchema>

export const AbsenceUndoneSchema = Type.Object({
  organisationId: Uuid,
  restored: Type.Array(Uuid),
  kept: Type.Array(Type.Object({ meetingId: Uuid, time: Type.String(), counterpartName: Type.String() })),
})
export type AbsenceUndone = Static<typeof AbsenceUndoneSchema>

export const FeedbackInputSchema = Type.Object(
  {
    held: Type.Boolean(),
    interest: Type.Optional(nullable(InterestSchema)),
    comment: Type.Optional(nullable(Type.String({ maxLength: 2000 }))),
  },
  { additionalProperties: false },
)

export const FeedbackSchema = Type.Object({
  meetingId: Uuid,
  organisationId: Uuid,
  held: Type.Boolean(),
  interest: nullable(InterestSchema),
  comment: nullable(Type.String()),
  followUp: Type.Boolean(),
})
export type Feedback = Static<typeof FeedbackSchema>
