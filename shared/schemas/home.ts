import { Type, type Static } from '@sinclair/typebox'

/** What an organisation should do next, gathered from every feature for its home page after sign-in. */

const Uuid = Type.String({ format: 'uuid' })
const Instant = Type.String({ format: 'date-time' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

/** Profile fields the matching and the hub's checks read; each missing one is named so the page can say which. */
export const PROFILE_FIELDS = ['vatId', 'country', 'nuts2', 'address', 'website', 'sizeClass', 'naceCode'] as const
export type ProfileField = (typeof PROFILE_FIELDS)[number]

export const HomeOpenEventSchema = Type.Object({
  eventId: Uuid,
  eventName: Type.String(),
  editionName: Type.String(),
  firstDay: Nullable(Type.String({ format: 'date' })),
  registrationDeadline: Nullable(Instant),
  /** The organisation's step in the event: null when it has not applied, `invited` when the hub asked it to. */
  status: Nullable(Type.String()),
})

export const HomeRequestSchema = Type.Object({
  requestId: Uuid,
  eventId: Uuid,
  eventName: Type.String(),
  fromName: Type.String(),
  createdAt: Instant,
})

export const HomeQuotaSchema = Type.Object({
  eventId: Uuid,
  eventName: Type.String(),
  accepted: Type.Integer(),
  quota: Type.Integer(),
})

export const HomeMeetingSchema = Type.Object({
  eventId: Uuid,
  eventName: Type.String(),
  startsAt: Instant,
  timeZone: Type.String(),
  counterpartName: Type.String(),
  tableName: Nullable(Type.String()),
  videoLink: Nullable(Type.String()),
})

export const HomeContractSchema = Type.Object({
  contractId: Uuid,
  title: Type.String(),
  counterpartName: Type.String(),
  valueEur: Type.Number(),
})

export const HomeSchema = Type.Object({
  organisation: Type.Object({ id: Uuid, name: Type.String(), kind: Type.String() }),
  /** Profile fields still empty; none when the profile is complete. */
  missingProfileFields: Type.Array(Type.String()),
  /** Offers of an SME, needs of a buyer; 0 for hubs and the authority. */
  listings: Type.Integer(),
  /** Events open for registration that the organisation has not entered yet (or was invited to). */
  openEvents: Type.Array(HomeOpenEventSchema),
  /** The events it takes part in, newest first. */
  myEvents: Type.Array(Type.Object({ eventId: Uuid, eventName: Type.String(), status: Type.String() })),
  /** Pending requests sent to the organisation, oldest first (they expire at the request deadline). */
  requestsToAnswer: Type.Array(HomeRequestSchema),
  /** A buyer's meetings accepted against its quota, per event with open requests. */
  quotas: Type.Array(HomeQuotaSchema),
  nextMeeting: Type.Union([HomeMeetingSchema, Type.Null()]),
  /** Contracts the other side reported, waiting for this organisation to confirm them. */
  contractsToConfirm: Type.Array(HomeContractSchema),
  /** Past years an SME has not reported its turnover for (baseline and follow-up years of KPI v). */
  reportsDue: Type.Array(Type.Integer()),
  /** What is left of an SME's voucher budgets, null when it has none. */
  voucherRemainingEur: Type.Union([Type.Number(), Type.Null()]),
  /** A hub's registrations waiting for validation. */
  registrationsToValidate: Type.Integer(),
})
export type Home = Static<typeof HomeSchema>
