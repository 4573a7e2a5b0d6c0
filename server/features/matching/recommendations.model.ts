/**
 * Rules of organisation-level recommendations that need no I/O: how the
 * offer–need matches of one SME and one buyer fold into one recommendation,
 * and how the two sides' marks reorder and hide it.
 */

export const RECOMMENDATION_STATUSES = ['proposed', 'shortlisted', 'approved', 'rejected', 'suggested'] as const
export type RecommendationStatus = (typeof RECOMMENDATION_STATUSES)[number]

export const RECOMMENDATION_MARKS = ['must_meet', 'meet', 'no_thanks'] as const
export type RecommendationMark = (typeof RECOMMENDATION_MARKS)[number]

/**
 * What a mark adds to the match score when ranking. Buyers' marks weigh more:
 * buyers are the scarce side of the event, and a buyer asking for an SME is the
 * best predictor of a meeting that leads somewhere. The largest bonus (0.15 +
 * 0.10) stays below the score gap between two CPV levels of a typical match,
 * so marks reorder close candidates and lift clear favourites, but a pair with
 * no CPV agreement does not overtake a same-code pair on marks alone unless
 * both sides ask for it.
 */
export const MARK_BONUS: Readonly<Record<'sme' | 'buyer', Record<Exclude<RecommendationMark, 'no_thanks'>, number>>> = {
  buyer: { must_meet: 0.15, meet: 0.08 },
  sme: { must_meet: 0.1, meet: 0.05 },
}

/** Offer–need pairs kept per recommendation, best first. */
export const PAIRS_KEPT = 10

export interface Marks {
  sme: RecommendationMark | null
  buyer: RecommendationMark | null
}

const positive = (mark: RecommendationMark | null) => mark === 'must_meet' || mark === 'meet'

/** "No thanks" from either side removes the pair from both sides' lists. */
export const isHidden = (marks: Marks) => marks.sme === 'no_thanks' || marks.buyer === 'no_thanks'

/** Both sides want the meeting: the hub is offered to create the request. */
export const isMutual = (marks: Marks) => positive(marks.sme) && positive(marks.buyer)

/** The request a mutual pair becomes: "must meet" when either side said so. */
export const requestPriority = (marks: Marks): 'must_meet' | 'meet' =>
  marks.sme === 'must_meet' || marks.buyer === 'must_meet' ? 'must_meet' : 'meet'

export function rankOf(score: number, marks: Marks): number {
  const bonus = (side: 'sme' | 'buyer') => {
    const mark = marks[side]
    return mark === 'must_meet' || mark === 'meet' ? MARK_BONUS[side][mark] : 0
  }
  return Math.round((score + bonus('sme') + bonus('buyer')) * 1e6) / 1e6
}

export interface ScoredPair<Parts, Reason> {
  offerId: string
  needId: string
  smeId: string
  buyerId: string
  score: number
  parts: Parts
  reason: Reason
}

export interface Aggregate<Parts, Reason> {
  smeId: string
  buyerId: string
  score: number
  parts: Parts
  reason: Reason
  pairs: { offerId: string; needId: string; score: number }[]
}

/** One recommendation per SME and buyer: the best pair's score, parts and reason, plus the best pairs behind it. */
export function aggregateByOrganisation<P, R>(pairs: ScoredPair<P, R>[]): Aggregate<P, R>[] {
  const groups = new Map<string, ScoredPair<P, R>[]>()
  for (const pair of pairs) {
    const key = `${pair.smeId}:${pair.buyerId}`
    groups.set(key, [...(groups.get(key) ?? []), pair])
  }
  return [...groups.values()].map((group) => {
    const sorted = [...group].sort(
      (a, b) => b.score - a.score || a.offerId.localeCompare(b.offerId) || a.needId.localeCompare(b.needId),
    )
    const best = sorted[0]!
    return {
      smeId: best.smeId,
      buyerId: best.buyerId,
      score: best.score,
      parts: best.parts,
      reason: best.reason,
      pairs: sorted.slice(0, PAIRS_KEPT).map((p) => ({ offerId: p.offerId, needId: p.needId, score: p.score })),
    }
  })
}

/** A need for selected SMEs is matched only with their offers. */
export function needVisibleTo(
  need: { visibility: 'public' | 'selected'; visibleTo: string[] },
  smeId: string,
): boolean {
  return need.visibility === 'public' || need.visibleTo.includes(smeId)
}
