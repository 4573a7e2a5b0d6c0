import { Type, type Static } from '@sinclair/typebox'

const Uuid = Type.String({ format: 'uuid' })
const LanguageSchema = Type.Union([Type.Literal('it'), Type.Literal('en')])

/** How many matches a view returns: 20 unless given, at most 50. */
export const MATCH_VIEW_LIMIT = { default: 20, maximum: 50 } as const

export const MatchViewQuerySchema = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: MATCH_VIEW_LIMIT.maximum, default: MATCH_VIEW_LIMIT.default }),
    /** The language of the reasons; the caller's own language when absent. */
    lang: Type.Optional(LanguageSchema),
  },
  { additionalProperties: false },
)
export type MatchViewQuery = Static<typeof MatchViewQuerySchema>

/** One record matching the one the view is about: a need for an offer, or an offer for a need. */
export const MatchViewItemSchema = Type.Object({
  id: Uuid,
  title: Type.String(),
  language: Type.String(),
  organisation: Type.Object({ id: Uuid, name: Type.String() }),
  score: Type.Number(),
  /** Each part of the score in [-1, 1], before its weight (matching.model.ts, WEIGHTS). */
  parts: Type.Record(Type.String(), Type.Number()),
  /** Why it matches, in the view's language. */
  reason: Type.String(),
  /** Needs: of a public buyer (a TED tender) or a private one. */
  buyerType: Type.Optional(Type.Union([Type.Literal('public'), Type.Literal('private')])),
  /** Needs: when answers are due; the exact instant for a public tender (date-time), the day otherwise (date). */
  deadline: Type.Optional(Type.String()),
  /** Needs that are public tenders: the notice on TED, once published there. */
  tedUrl: Type.Optional(Type.String()),
})
export type MatchViewItem = Static<typeof MatchViewItemSchema>

export const MatchViewSchema = Type.Object({
  /** The language of the reasons. */
  language: LanguageSchema,
  items: Type.Array(MatchViewItemSchema),
})
export type MatchView = Static<typeof MatchViewSchema>
