import { Type, type Static } from '@sinclair/typebox'

const Uuid = Type.String({ format: 'uuid' })
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(schema: T) => Type.Union([schema, Type.Null()])

export const RecommendationMarkSchema = Type.Union([
  Type.Literal('must_meet'),
  Type.Literal('meet'),
  Type.Literal('no_thanks'),
])
export type RecommendationMarkValue = Static<typeof RecommendationMarkSchema>
export const RecommendationStatusSchema = Type.Union([
  Type.Literal('proposed'),
  Type.Literal('shortlisted'),
  Type.Literal('approved'),
  Type.Literal('rejected'),
  Type.Literal('suggested'),
])
export type RecommendationStatusValue = Static<typeof RecommendationStatusSchema>

const ReasonSchema = Type.Object({ it: Type.String(), en: Type.String() })
const PartsSchema = Type.Record(Type.String(), Type.Number())
const PairSchema = Type.Object({
  offerId: Uuid,
  offerTitle: Type.String(),
  needId: Uuid,
  needTitle: Type.String(),
  score: Type.Number(),
})
const OrganisationRef = Type.Object({ id: Uuid, legalName: Type.String() })

/** A recommended counterpart as one side of the pair sees it: its own mark only. */
/**
 * Below this score (0–1) a pair is not recommended to its sides: "no CPV code in common" pairs score
 * 0 to 0.05. The hub still sees every pair; a pair either side marked, the hub suggested or a request
 * joins stays whatever its score.
 */
export const RECOMMENDATION_FLOOR = 0.1

export const RecommendationSchema = Type.Object({
  counterpart: OrganisationRef,
  score: Type.Number(),
  /** Score plus the bonus of the marks; the list is sorted by it. */
  rank: Type.Number(),
  parts: PartsSchema,
  reason: ReasonSchema,
  pairs: Type.Array(PairSchema),
  myMark: Nullable(RecommendationMarkSchema),
  /** The hub suggested this meeting to both sides. */
  suggested: Type.Boolean(),
  /** This side said "no thanks": shown apart, so it can be taken back. */
  declinedByMe: Type.Boolean(),
  /** The pair's open or last meeting request in the event, if any. */
  requestStatus: Nullable(Type.String()),
})
export type Recommendation = Static<typeof RecommendationSchema>

export const MarkInputSchema = Type.Object(
  { mark: Nullable(RecommendationMarkSchema) },
  { additionalProperties: false },
)

/** A pair as the event's hub curates it. */
export const CurationItemSchema = Type.Object({
  sme: OrganisationRef,
  buyer: OrganisationRef,
  score: Type.Number(),
  rank: Type.Number(),
  parts: PartsSchema,
  reason: ReasonSchema,
  pairs: Type.Array(PairSchema),
  status: RecommendationStatusSchema,
  marks: Type.Object({ sme: Nullable(RecommendationMarkSchema), buyer: Nullable(RecommendationMarkSchema) }),
  /** Both sides marked "must meet" or "meet": a meeting request candidate. */
  mutual: Type.Boolean(),
  hidden: Type.Boolean(),
  /** The priority a request created from this pair carries. */
  priority: Type.Union([Type.Literal('must_meet'), Type.Literal('meet')]),
  /** The pair's open or last request in the event, if any. */
  requestStatus: Nullable(Type.String()),
  computedAt: Type.String({ format: 'date-time' }),
})
export type CurationItem = Static<typeof CurationItemSchema>

/** Best first (rank, then names), by score, or by the SME's or the buyer's name. */
export const CURATION_SORTS = ['rank', 'score', 'sme', 'buyer'] as const
export const CurationSortSchema = Type.Union(CURATION_SORTS.map((s) => Type.Literal(s)))
export type CurationSort = (typeof CURATION_SORTS)[number]
export const CURATION_PAGE_SIZE = 50

export const CurationQuerySchema = Type.Object(
  {
    status: Type.Optional(RecommendationStatusSchema),
    minScore: Type.Optional(Type.Number({ minimum: -1, maximum: 2 })),
    mutual: Type.Optional(Type.Boolean()),
    /** Also pairs one side marked "no thanks". */
    hidden: Type.Optional(Type.Boolean()),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    sort: Type.Optional(CurationSortSchema),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000, default: 1 })),
    pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: 5_000, default: CURATION_PAGE_SIZE })),
  },
  { additionalProperties: false },
)
export type CurationQuery = Static<typeof CurationQuerySchema>

/** One page of the event's pairs, with how many match the filters in all. */
export const CurationPageSchema = Type.Object({
  items: Type.Array(CurationItemSchema),
  total: Type.Integer(),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type CurationPage = Static<typeof CurationPageSchema>

export const PairRefSchema = Type.Object({ smeId: Uuid, buyerId: Uuid }, { additionalProperties: false })
export type PairRef = Static<typeof PairRefSchema>
const Pairs = Type.Array(PairRefSchema, { minItems: 1, maxItems: 500 })

export const CurationDecisionSchema = Type.Object(
  {
    pairs: Pairs,
    status: Type.Union([
      Type.Literal('proposed'),
      Type.Literal('shortlisted'),
      Type.Literal('approved'),
      Type.Literal('rejected'),
    ]),
  },
  { additionalProperties: false },
)
export const SuggestInputSchema = Type.Object({ pairs: Pairs }, { additionalProperties: false })
export const CurationResultSchema = Type.Object({ updated: Type.Integer(), notified: Type.Integer() })

export const MatchingSettingsSchema = Type.Object(
  { allowRepeatMeetings: Type.Boolean() },
  { additionalProperties: false },
)
export type MatchingSettings = Static<typeof MatchingSettingsSchema>
