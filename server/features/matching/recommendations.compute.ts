import { and, eq, gte, inArray, isNull, or, sql } from 'drizzle-orm'
import type { Clock } from '../../infra/clock.js'
import type { Database } from '../../infra/db.js'
import { needs, offers } from '../catalogue/catalogue.table.js'
import { events } from '../events/editions.table.js'
import type { MatchingService } from './matching.service.js'
import { aggregateByOrganisation, needVisibleTo, type ScoredPair } from './recommendations.model.js'
import { matchingSettings, recommendations } from './recommendations.table.js'
import { MEETING_STATUSES } from './recommendations.triggers.js'

/** Offers scored per need; the search engine's candidate queries bound the set before this cut. */
const MATCHES_PER_NEED = 500

export interface ComputeDeps {
  db: Database
  clock: Clock
  matching: Pick<MatchingService, 'matchOffersForNeed'>
}

type Participant = {
  id: string
  kind: string
  nuts2: string | null
  nace_code: string | null
}

/**
 * Pairs that met at an earlier event of the same edition: a published meeting
 * (not cancelled) that was held or has no outcome recorded. A no-show is not a
 * meeting, so that pair may be proposed again.
 */
async function metBefore(db: Database, event: { id: string; editionId: string; days: unknown }): Promise<Set<string>> {
  const firstDay = (event.days as { date: string }[])[0]?.date ?? ''
  const rows = await db.execute<{ sme_id: string; buyer_id: string }>(sql`
    select distinct m.sme_id, m.buyer_id from meetings m join ${events} e on e.id = m.event_id
    where e.edition_id = ${event.editionId} and e.id <> ${event.id} and (e.days->0->>'date') < ${firstDay}
      and m.status = 'scheduled' and (m.outcome is null or m.outcome = 'held')`)
  return new Set(rows.map((row) => `${row.sme_id}:${row.buyer_id}`))
}

/** Matches every published need of the event's buyers with the offers of its SMEs, then rewrites the event's recommendations. */
export async function recomputeEvent(deps: ComputeDeps, eventId: string): Promise<number> {
  const { db } = deps
  const [event] = await db
    .select({ id: events.id, editionId: events.editionId, days: events.days })
    .from(events)
    .where(eq(events.id, eventId))
  if (!event) return 0
  const people = await db.execute<Participant>(sql`
    select o.id, o.kind, o.nuts2, o.nace_code from participations p join organisations o on o.id = p.organisation_id
    where p.event_id = ${eventId} and p.status in ${sql.raw(`(${MEETING_STATUSES.map((s) => `'${s}'`).join(', ')})`)}`)
  const smes = new Set(people.filter((p) => p.kind === 'sme').map((p) => p.id))
  const buyers = new Map(people.filter((p) => p.kind === 'buyer').map((p) => [p.id, p]))
  const needRows =
    buyers.size === 0 || smes.size === 0
      ? []
      : await db
          .select()
          .from(needs)
          .where(
            and(
              inArray(needs.organisationId, [...buyers.keys()]),
              eq(needs.status, 'published'),
              // A need whose deadline has passed (an expired tender) is no longer sourcing.
              or(isNull(needs.deadline), gte(needs.deadline, deps.clock.now().toISOString().slice(0, 10))),
            ),
          )
  const offerDetails = async (ids: string[]) => {
    const rows =
      ids.length === 0
        ? []
        : await db
            .select({ id: offers.id, certifications: offers.certifications })
            .from(offers)
            .where(inArray(offers.id, ids))
    return new Map(rows.map((row) => [row.id, { certifications: row.certifications }]))
  }
  const scored: ScoredPair<Record<string, number>, { it: string; en: string }>[] = []
  for (const need of needRows) {
    const buyer = buyers.get(need.organisationId)!
    const matches = await deps.matching.matchOffersForNeed(
      {
        title: need.title,
        description: need.description,
        language: need.language,
        cpvCodes: need.cpvCodes,
        minTrl: need.minTrl ?? undefined,
        requiredCertifications: need.requiredCertifications,
        region: buyer.nuts2 ?? undefined,
        nace: buyer.nace_code ?? undefined,
      },
      { limit: MATCHES_PER_NEED, offerDetails },
    )
    for (const match of matches) {
      if (!smes.has(match.organisationId) || !needVisibleTo(need, match.organisationId) || match.score <= 0) continue
      scored.push({
        offerId: match.offerId,
        needId: need.id,
        smeId: match.organisationId,
        buyerId: need.organisationId,
        score: match.score,
        parts: match.parts,
        reason: match.reason,
      })
    }
  }
  const [settings] = await db.select().from(matchingSettings).where(eq(matchingSettings.eventId, eventId))
  const met = settings?.allowRepeatMeetings ? new Set<string>() : await metBefore(db, event)
  const kept = aggregateByOrganisation(scored).filter((r) => !met.has(`${r.smeId}:${r.buyerId}`))
  await db.transaction(async (tx) => {
    const existing = await tx
      .select({ id: recommendations.id, smeId: recommendations.smeId, buyerId: recommendations.buyerId })
      .from(recommendations)
      .where(eq(recommendations.eventId, eventId))
      .for('update')
    const keys = new Set(kept.map((r) => `${r.smeId}:${r.buyerId}`))
    const stale = existing.filter((row) => !keys.has(`${row.smeId}:${row.buyerId}`)).map((row) => row.id)
    if (stale.length > 0) await tx.delete(recommendations).where(inArray(recommendations.id, stale))
    if (kept.length === 0) return
    const computedAt = deps.clock.now()
    await tx
      .insert(recommendations)
      .values(
        kept.map((r) => ({
          eventId,
          smeId: r.smeId,
          buyerId: r.buyerId,
          score: r.score,
          parts: r.parts,
          reason: r.reason,
          pairs: r.pairs,
          computedAt,
        })),
      )
      .onConflictDoUpdate({
        target: [recommendations.eventId, recommendations.smeId, recommendations.buyerId],
        set: {
          score: sql`excluded.score`,
          parts: sql`excluded.parts`,
          reason: sql`excluded.reason`,
          pairs: sql`excluded.pairs`,
          computedAt: sql`excluded.computed_at`,
        },
      })
  })
  return kept.length
}
