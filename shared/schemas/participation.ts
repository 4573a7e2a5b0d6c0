import { REQUEST_STATUSES } from '../lifecycles/requests.js'
import { Type, type Static } from '@sinclair/typebox'
import { nullable } from './patch.js'
import { PARTICIPATION_STATUSES } from '../lifecycles/participation.js'

const Uuid = Type.String({ format: 'uuid' })

export const ParticipationStatusSchema = Type.Union(PARTICIPATION_STATUSES.map((s) => Type.Literal(s)))

export const ParticipationSchema = Type.Object({
  id: Uuid,
  eventId: Uuid,
  organisation: Type.Optional(
    Type.Object({
      id: Uuid,
      legalName: Type.String(),
      kind: Type.String(),
      nuts2: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
  organisationId: Uuid,
  status: Type.String(),
  reason: Type.Union([Type.String(), Type.Null()]),
  coachingSessions: Type.Integer(),
  unavailableSlots: Type.Array(Type.Integer()),
  /** For buyers: headquarters outside the edition's home region (KPI iii). */
  outsideRegion: Type.Optional(Type.Boolean()),
})
export type Participation = Static<typeof ParticipationSchema>

export const ParticipationChangeSchema = Type.Object(
  {
    status: ParticipationStatusSchema,
    reason: Type.Optional(Type.String({ maxLength: 500 })),
    coachingSessions: Type.Optional(Type.Integer({ minimum: 0, maximum: 50 })),
  },
  { additionalProperties: false },
)

export const AvailabilitySchema = Type.Object(
  { unavailableSlots: Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 500 }) },
  { additionalProperties: false },
)

export const MeetingRequestInputSchema = Type.Object(
  {
    fromOrganisationId: Uuid,
    toOrganisationId: Uuid,
    message: Type.Optional(Type.String({ maxLength: 1000 })),
    priority: Type.Union([Type.Literal('must_meet'), Type.Literal('meet')], { default: 'meet' }),
  },
  { additionalProperties: false },
)

export const MeetingRequestSchema = Type.Object({
  id: Uuid,
  eventId: Uuid,
  fromOrganisationId: Uuid,
  toOrganisationId: Uuid,
  fromName: Type.Optional(Type.String()),
  toName: Type.Optional(Type.String()),
  origin: Type.String(),
  priority: Type.String(),
  message: Type.Union([Type.String(), Type.Null()]),
  status: Type.String(),
  declineReason: Type.Union([Type.String(), Type.Null()]),
  /** The buyer's representative who holds the meeting, when one is chosen. */
  representativeId: Type.Union([Uuid, Type.Null()]),
  createdAt: Type.String({ format: 'date-time' }),
  decidedAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
})
export type MeetingRequest = Static<typeof MeetingRequestSchema>

export const REQUEST_PAGE_SIZE = 50

/** The hub's view of an event's requests: a status and a name to filter by, a page at a time. */
export const RequestOverviewQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Union(REQUEST_STATUSES.map((s) => Type.Literal(s)))),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: REQUEST_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type RequestOverviewQuery = Static<typeof RequestOverviewQuerySchema>

/** Newest first; `counts` per status over the whole event (after the name filter), `total` what the filters keep. */
export const RequestOverviewSchema = Type.Object({
  items: Type.Array(MeetingRequestSchema),
  total: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type RequestOverview = Static<typeof RequestOverviewSchema>

export const RepresentativeSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  email: Type.Union([Type.String(), Type.Null()]),
  jobTitle: Type.Union([Type.String(), Type.Null()]),
  unavailableSlots: Type.Array(Type.Integer()),
})
export type Representative = Static<typeof RepresentativeSchema>

/** The whole list at once: entries with an id are kept (and updated), new ones are added, missing ones removed. */
export const RepresentativesInputSchema = Type.Object(
  {
    representatives: Type.Array(
      Type.Object(
        {
          id: Type.Optional(Uuid),
          name: Type.String({ minLength: 1, maxLength: 120, pattern: '\\S' }),
          email: Type.Optional(nullable(Type.String({ format: 'email', maxLength: 254 }))),
          jobTitle: Type.Optional(nullable(Type.String({ maxLength: 120 }))),
          unavailableSlots: Type.Optional(Type.Array(Type.Integer({ minimum: 0 }), { maxItems: 500 })),
        },
        { additionalProperties: false },
      ),
      { maxItems: 20 },
    ),
  },
  { additionalProperties: false },
)

export const RepresentativeChoiceSchema = Type.Object(
  { representativeId: nullable(Uuid) },
  { additionalProperties: false },
)

export const BOARD_PAGE_SIZE = 12

/** The hub's selection board: by name and kind; one step's column a page at a time, or the first cards of each. */
export const ParticipationBoardQuerySchema = Type.Object(
  {
    status: Type.Optional(ParticipationStatusSchema),
    kind: Type.Optional(Type.Union([Type.Literal('sme'), Type.Literal('buyer')])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: BOARD_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type ParticipationBoardQuery = Static<typeof ParticipationBoardQuerySchema>

/** A column per step (only the chosen step's with `status`), in lifecycle order; `total` what the filters keep in it. */
export const ParticipationBoardSchema = Type.Object({
  columns: Type.Array(
    Type.Object({ status: Type.String(), total: Type.Integer(), items: Type.Array(ParticipationSchema) }),
  ),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type ParticipationBoard = Static<typeof ParticipationBoardSchema>
