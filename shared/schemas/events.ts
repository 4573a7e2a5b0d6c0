import { Type, type Static } from '@sinclair/typebox'
import { patchOf } from './patch.js'

/** Programme editions (call rounds) and their Meet the Buyer events. */

const Uuid = Type.String({ format: 'uuid' })
const Day = Type.String({ format: 'date' })

export const KpiTargetsSchema = Type.Object(
  {
    events: Type.Integer({ minimum: 0, description: 'KPI i: events organised' }),
    smesInvolved: Type.Integer({ minimum: 0, description: 'KPI ii: SMEs involved' }),
    buyersOutsideTargeted: Type.Integer({ minimum: 0, description: 'KPI iii: corporates outside the region targeted' }),
    buyersOutsideInvolved: Type.Integer({ minimum: 0, description: 'KPI iii: corporates outside the region involved' }),
    contracts: Type.Integer({ minimum: 0, description: 'KPI iv: supply contracts signed' }),
    turnoverChangePct: Type.Number({ description: 'KPI v: median change in turnover of participating SMEs, %' }),
    exportChangePct: Type.Number({ description: 'KPI v: median change in export volume of participating SMEs, %' }),
  },
  { additionalProperties: false },
)
export type KpiTargets = Static<typeof KpiTargetsSchema>

export const EditionInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 160 }),
    periodStart: Day,
    periodEnd: Day,
    homeNuts2: Type.String({
      pattern: '^[A-Z]{2}[0-9A-Z]{2}$',
      description: 'The region running the measure; buyers elsewhere are "outside the region"',
    }),
    targetS3: Type.Array(Type.String({ maxLength: 60 }), { maxItems: 20, uniqueItems: true, default: [] }),
    budgetEur: Type.Optional(Type.Integer({ minimum: 0 })),
    kpiTargets: KpiTargetsSchema,
    /** Further hubs that co-run the edition, as cluster partnerships across regions do. */
    coOrganiserIds: Type.Array(Uuid, { maxItems: 20, uniqueItems: true, default: [] }),
  },
  { additionalProperties: false },
)
export type EditionInput = Static<typeof EditionInputSchema>
export const EditionPatchSchema = patchOf(EditionInputSchema, { clearable: true })
export type EditionPatch = Static<typeof EditionPatchSchema>

export const EditionSchema = Type.Object({
  id: Uuid,
  name: Type.String(),
  periodStart: Day,
  periodEnd: Day,
  homeNuts2: Type.String(),
  targetS3: Type.Array(Type.String()),
  budgetEur: Type.Optional(Type.Integer()),
  kpiTargets: KpiTargetsSchema,
  organisers: Type.Array(Type.Object({ id: Uuid, legalName: Type.String() })),
  createdAt: Type.String({ format: 'date-time' }),
})
export type Edition = Static<typeof EditionSchema>

export const SessionSchema = Type.Object(
  {
    name: Type.String({ minLength: 1, maxLength: 40 }),
    start: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
    end: Type.String({ pattern: '^\\d{2}:\\d{2}$' }),
  },
  { additionalProperties: false },
)
export const EventDaySchema = Type.Object(
  { date: Day, sessions: Type.Array(SessionSchema, { minItems: 1, maxItems: 6 }) },
  { additionalProperties: false },
)
export const EventTableSchema = Type.Object(
  { name: Type.String({ minLength: 1, maxLength: 40 }), buyerId: Type.Optional(Uuid) },
  { additionalProperties: false },
)

export const EventInputSchema = Type.Object(
  {
    name: Type.String({ minLength: 3, maxLength: 160 }),
    /** `own` events are scheduled here; `external` ones (run by another cluster or a corporate) are only tracked. */
    kind: Type.Union([Type.Literal('own'), Type.Literal('external')]),
    externalOrganiser: Type.Optional(Type.String({ maxLength: 200 })),
    format: Type.Union([Type.Literal('venue'), Type.Literal('online'), Type.Literal('hybrid')]),
    venue: Type.Optional(Type.String({ maxLength: 300 })),
    timeZone: Type.String({ maxLength: 64 }),
    days: Type.Array(EventDaySchema, { minItems: 1, maxItems: 14 }),
    slotMinutes: Type.Integer({ minimum: 5, maximum: 240 }),
    gapMinutes: Type.Integer({ minimum: 0, maximum: 120 }),
    tables: Type.Array(EventTableSchema, { maxItems: 500, default: [] }),
    registrationDeadline: Type.Optional(Type.String({ format: 'date-time' })),
    requestDeadline: Type.Optional(Type.String({ format: 'date-time' })),
    schedulingDeadline: Type.Optional(Type.String({ format: 'date-time' })),
    maxMeetingsPerParticipant: Type.Integer({ minimum: 1, maximum: 100, default: 12 }),
    virtualLinkBase: Type.Optional(Type.String({ format: 'uri', maxLength: 300, pattern: '^https://' })),
  },
  { additionalProperties: false },
)
export type EventInput = Static<typeof EventInputSchema>
export const EventPatchSchema = patchOf(EventInputSchema, { clearable: true })
export type EventPatch = Static<typeof EventPatchSchema>

export const EventSchema = Type.Intersect([
  Type.Omit(EventInputSchema, ['registrationDeadline', 'requestDeadline', 'schedulingDeadline']),
  Type.Object({
    id: Uuid,
    editionId: Uuid,
    registrationDeadline: Type.Optional(Type.String({ format: 'date-time' })),
    requestDeadline: Type.Optional(Type.String({ format: 'date-time' })),
    schedulingDeadline: Type.Optional(Type.String({ format: 'date-time' })),
    slotCount: Type.Integer(),
    createdAt: Type.String({ format: 'date-time' }),
  }),
])
export type MtbEvent = Static<typeof EventSchema>

export const SlotSchema = Type.Object({
  index: Type.Integer(),
  day: Type.Integer(),
  session: Type.Integer(),
  sessionName: Type.String(),
  startsAt: Type.String({ format: 'date-time' }),
  endsAt: Type.String({ format: 'date-time' }),
  localStart: Type.String(),
  localEnd: Type.String(),
})
