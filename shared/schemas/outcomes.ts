import { Type, type Static } from '@sinclair/typebox'
import { CONTRACT_STATUSES } from '../lifecycles/contracts.js'

/** Supply contracts, SME performance reports, vouchers and the KPI reports built on them. */

const Uuid = Type.String({ format: 'uuid' })
const Day = Type.String({ format: 'date' })
const Nullable = <T extends ReturnType<typeof Type.String>>(schema: T) => Type.Union([schema, Type.Null()])

export const ContractKindSchema = Type.Union([
  Type.Literal('purchase_order'),
  Type.Literal('framework'),
  Type.Literal('pilot'),
  Type.Literal('licence'),
  Type.Literal('other'),
])

export const ContractInputSchema = Type.Object(
  {
    /** The other side: the buyer when an SME reports, the SME when a buyer does. */
    counterpartId: Uuid,
    /** Needed when no event or meeting is named; otherwise taken from the event. */
    editionId: Type.Optional(Uuid),
    eventId: Type.Optional(Uuid),
    /** The accepted meeting request the contract came from, when known. */
    requestId: Type.Optional(Uuid),
    title: Type.String({ minLength: 3, maxLength: 200, pattern: '\\S' }),
    kind: ContractKindSchema,
    signedOn: Day,
    valueEur: Type.Integer({ minimum: 0, maximum: 10_000_000_000 }),
  },
  { additionalProperties: false },
)
export type ContractInput = Static<typeof ContractInputSchema>

export const ContractTrailEntrySchema = Type.Object({
  action: Type.String(),
  actorName: Nullable(Type.String()),
  organisationName: Nullable(Type.String()),
  note: Nullable(Type.String()),
  at: Type.String({ format: 'date-time' }),
})

export const ContractSchema = Type.Object({
  id: Uuid,
  editionId: Uuid,
  editionName: Type.String(),
  eventId: Nullable(Uuid),
  eventName: Nullable(Type.String()),
  requestId: Nullable(Uuid),
  meetingId: Nullable(Uuid),
  smeId: Uuid,
  smeName: Type.String(),
  buyerId: Uuid,
  buyerName: Type.String(),
  reportedByOrganisationId: Uuid,
  title: Type.String(),
  kind: Type.String(),
  signedOn: Day,
  valueEur: Type.Number(),
  status: Type.String(),
  evidence: Type.Union([
    Type.Object({ fileName: Type.String(), type: Type.String(), size: Type.Integer(), sha256: Type.String() }),
    Type.Null(),
  ]),
  reportedAt: Type.String({ format: 'date-time' }),
  confirmedAt: Nullable(Type.String({ format: 'date-time' })),
  decidedAt: Nullable(Type.String({ format: 'date-time' })),
  decisionNote: Nullable(Type.String()),
  trail: Type.Optional(Type.Array(ContractTrailEntrySchema)),
})
export type Contract = Static<typeof ContractSchema>

export const CONTRACT_PAGE_SIZE = 25

/** The hub's contracts of an edition: by status and by either side's name or the title, a page at a time. */
export const ContractOverviewQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Union(CONTRACT_STATUSES.map((s) => Type.Literal(s)))),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: CONTRACT_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type ContractOverviewQuery = Static<typeof ContractOverviewQuerySchema>

/** Newest signed first; `counts` per status after the text filter, `total` what all the filters keep. */
export const ContractOverviewSchema = Type.Object({
  items: Type.Array(ContractSchema),
  total: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type ContractOverview = Static<typeof ContractOverviewSchema>

export const ContractDecisionSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('verified'), Type.Literal('rejected')]),
    note: Type.Optional(Type.String({ maxLength: 1000 })),
  },
  { additionalProperties: false },
)

export const PerformanceInputSchema = Type.Object(
  {
    turnoverEur: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
    exportEur: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000 }),
    source: Type.Union([Type.Literal('self_declared'), Type.Literal('financial_statements')]),
  },
  { additionalProperties: false },
)
export type PerformanceInput = Static<typeof PerformanceInputSchema>

export const PerformanceSchema = Type.Object({
  /** The year before the SME's first edition: the baseline of KPI v (null before it joins one). */
  baselineYear: Type.Union([Type.Integer(), Type.Null()]),
  followUpYears: Type.Array(Type.Integer()),
  reports: Type.Array(
    Type.Object({
      year: Type.Integer(),
      turnoverEur: Type.Number(),
      exportEur: Type.Number(),
      source: Type.String(),
      updatedAt: Type.String({ format: 'date-time' }),
    }),
  ),
})
export type Performance = Static<typeof PerformanceSchema>

export const VoucherCategorySchema = Type.Union([Type.Literal('event_outside_region'), Type.Literal('coaching')])
export const VoucherBudgetInputSchema = Type.Object(
  { budgetEur: Type.Integer({ minimum: 0, maximum: 1_000_000 }) },
  { additionalProperties: false },
)
export const VoucherClaimInputSchema = Type.Object(
  {
    editionId: Uuid,
    category: VoucherCategorySchema,
    amountEur: Type.Integer({ minimum: 1, maximum: 1_000_000 }),
    description: Type.String({ minLength: 3, maxLength: 500, pattern: '\\S' }),
  },
  { additionalProperties: false },
)
export const VoucherDecisionSchema = Type.Object(
  {
    decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]),
    reason: Type.Optional(Type.String({ maxLength: 500 })),
  },
  { additionalProperties: false },
)
export const VoucherClaimSchema = Type.Object({
  id: Uuid,
  editionId: Uuid,
  smeId: Uuid,
  smeName: Type.String(),
  category: Type.String(),
  amountEur: Type.Number(),
  description: Type.String(),
  status: Type.String(),
  reason: Nullable(Type.String()),
  hasReceipt: Type.Boolean(),
  claimedAt: Type.String({ format: 'date-time' }),
})
export type VoucherClaim = Static<typeof VoucherClaimSchema>
export const VoucherAccountSchema = Type.Object({
  editionId: Uuid,
  editionName: Type.String(),
  smeId: Uuid,
  smeName: Type.String(),
  budgetEur: Type.Number(),
  pendingEur: Type.Number(),
  approvedEur: Type.Number(),
  remainingEur: Type.Number(),
  claims: Type.Array(VoucherClaimSchema),
})
export type VoucherAccount = Static<typeof VoucherAccountSchema>
export const VOUCHER_PAGE_SIZE = 20

/** The hub's voucher accounts of an edition: by SME name, those with claims to decide, a page at a time. */
export const VoucherEditionQuerySchema = Type.Object(
  {
    q: Type.Optional(Type.String({ maxLength: 100 })),
    pending: Type.Optional(Type.Boolean()),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: VOUCHER_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type VoucherEditionQuery = Static<typeof VoucherEditionQuerySchema>

/** `accounts` is one page (by SME name) of what the filters keep, `total` their number; `totals` cover the whole edition. */
export const VoucherEditionSchema = Type.Object({
  accounts: Type.Array(VoucherAccountSchema),
  total: Type.Integer(),
  /** Accounts with a claim waiting for the hub, after the name filter. */
  withPending: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
  /** The SMEs taking part in the edition, by name: those a hub can give a budget. */
  smes: Type.Array(Type.Object({ id: Uuid, legalName: Type.String() })),
  totals: Type.Object({
    budgetEur: Type.Number(),
    pendingEur: Type.Number(),
    approvedEur: Type.Number(),
    remainingEur: Type.Number(),
    byCategory: Type.Record(Type.String(), Type.Number()),
  }),
})
export type VoucherEdition = Static<typeof VoucherEditionSchema>

export const KpiTableKeySchema = Type.Union(
  [
    'events',
    'smes',
    'buyersOutsideTargeted',
    'buyersOutsideInvolved',
    'contracts',
    'contractsUnverified',
    'turnover',
    'exports',
    'eligibility',
    'pipeline',
  ].map((k) => Type.Literal(k)),
)
export type KpiTableKey = Static<typeof KpiTableKeySchema>

const Target = Type.Union([Type.Number(), Type.Null()])
const CountKpi = Type.Object({ figure: Type.Integer(), target: Target })
const ChangeKpi = Type.Object({
  involved: Type.Integer(),
  covered: Type.Integer(),
  coveragePct: Type.Union([Type.Number(), Type.Null()]),
  baselineEur: Type.Number(),
  followUpEur: Type.Number(),
  changePctOfSums: Type.Union([Type.Number(), Type.Null()]),
  medianPct: Type.Union([Type.Number(), Type.Null()]),
  distribution: Type.Record(Type.String(), Type.Integer()),
  target: Target,
})
const Breakdown = Type.Object({
  id: Uuid,
  name: Type.String(),
  periodStart: Type.Union([Type.String(), Type.Null()]),
  events: Type.Integer(),
  smes: Type.Integer(),
  buyersOutsideTargeted: Type.Integer(),
  buyersOutsideInvolved: Type.Integer(),
  contracts: Type.Integer(),
  targets: Type.Union([Type.Record(Type.String(), Type.Number()), Type.Null()]),
})

export const KpiReportSchema = Type.Object({
  scope: Type.Object({ kind: Type.String(), id: Type.Union([Uuid, Type.Null()]), name: Type.String() }),
  computedAt: Type.String({ format: 'date-time' }),
  events: CountKpi,
  smes: CountKpi,
  buyersOutsideTargeted: CountKpi,
  buyersOutsideInvolved: CountKpi,
  contracts: Type.Object({
    figure: Type.Integer(),
    target: Target,
    valueEur: Type.Number(),
    unverified: Type.Integer(),
    unverifiedValueEur: Type.Number(),
  }),
  turnover: ChangeKpi,
  exports: ChangeKpi,
  eligibleSmes: Type.Integer(),
  funnel: Type.Object({
    accepted: Type.Integer(),
    scheduled: Type.Integer(),
    followedUp: Type.Integer(),
    reported: Type.Integer(),
    verified: Type.Integer(),
  }),
  trend: Type.Array(Breakdown),
  byOrganiser: Type.Optional(Type.Array(Breakdown)),
  /** For a hub's own page: members served, events, contracts per event. */
  cluster: Type.Optional(
    Type.Object({
      membersServed: Type.Integer(),
      events: Type.Integer(),
      contracts: Type.Integer(),
      contractsPerEvent: Type.Union([Type.Number(), Type.Null()]),
    }),
  ),
})
export type KpiReport = Static<typeof KpiReportSchema>
