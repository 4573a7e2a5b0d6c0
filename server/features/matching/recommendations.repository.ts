import { inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { needs, offers } from '../catalogue/catalogue.table.js'
import type { RecommendationMark, RecommendationStatus } from './recommendations.model.js'
import { MEETING_STATUSES } from './recommendations.triggers.js'

export type RecommendationRow = {
  id: string
  sme_id: string
  buyer_id: string
  sme_name: string
  buyer_name: string
  score: number
  parts: Record<string, number>
  reason: { it: string; en: string }
  pairs: { offerId: string; needId: string; score: number }[]
  status: RecommendationStatus
  computed_at: Date | string
  sme_mark: RecommendationMark | null
  buyer_mark: RecommendationMark | null
  request_status: string | null
}

const MEETING = sql.raw(`(${MEETING_STATUSES.map((s) => `'${s}'`).join(', ')})`)

/**
 * The event's recommendations whose two sides still take part in meetings,
 * with both marks and the pair's latest request (an open one first); only
 * those of one organisation when given.
 */
export async function recommendationRows(
  db: DbOrTx,
  eventId: string,
  organisationId?: string,
): Promise<RecommendationRow[]> {
  return db.execute<RecommendationRow>(sql`
    select r.id, r.sme_id, r.buyer_id, s.legal_name as sme_name, b.legal_name as buyer_name, r.score, r.parts, r.reason, r.pairs, r.status, r.computed_at,
      ms.mark as sme_mark, mb.mark as buyer_mark,
      (select q.status from meeting_requests q
        where q.event_id = r.event_id and ((q.from_organisation_id = r.sme_id and q.to_organisation_id = r.buyer_id) or (q.from_organisation_id = r.buyer_id and q.to_organisation_id = r.sme_id))
        order by (q.status in ('pending', 'accepted')) desc, q.created_at desc limit 1) as request_status
    from recommendations r
    join organisations s on s.id = r.sme_id
    join organisations b on b.id = r.buyer_id
    join participations ps on ps.event_id = r.event_id and ps.organisation_id = r.sme_id and ps.status in ${MEETING}
    join participations pb on pb.event_id = r.event_id and pb.organisation_id = r.buyer_id and pb.status in ${MEETING}
    left join recommendation_marks ms on ms.event_id = r.event_id and ms.sme_id = r.sme_id and ms.buyer_id = r.buyer_id and ms.organisation_id = r.sme_id
    left join recommendation_marks mb on mb.event_id = r.event_id and mb.sme_id = r.sme_id and mb.buyer_id = r.buyer_id and mb.organisation_id = r.buyer_id
    where r.event_id = ${eventId} ${organisationId ? sql`and (r.sme_id = ${organisationId} or r.buyer_id = ${organisationId})` : sql``}`)
}

/** Titles of the offers and needs behind recommendations, by id. */
export async function listingTitles(
  db: DbOrTx,
  rows: Pick<RecommendationRow, 'pairs'>[],
): Promise<Map<string, string>> {
  const offerIds = [...new Set(rows.flatMap((r) => r.pairs.map((p) => p.offerId)))]
  const needIds = [...new Set(rows.flatMap((r) => r.pairs.map((p) => p.needId)))]
  const found = [
    ...(offerIds.length
      ? await db.select({ id: offers.id, title: offers.title }).from(offers).where(inArray(offers.id, offerIds))
      : []),
    ...(needIds.length
      ? await db.select({ id: needs.id, title: needs.title }).from(needs).where(inArray(needs.id, needIds))
      : []),
  ]
  return new Map(found.map((row) => [row.id, row.title]))
}
