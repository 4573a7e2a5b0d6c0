import { and, eq } from 'drizzle-orm'
import type {
  CurationPage,
  CurationQuery,
  CurationSort,
  MatchingSettings,
  PairRef,
  Recommendation,
} from '../../../shared/schemas/recommendations.js'
import { CURATION_PAGE_SIZE, RECOMMENDATION_FLOOR } from '../../../shared/schemas/recommendations.js'
import type { FieldError } from '../../../shared/schemas/problem.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import type { Outbox } from '../../infra/outbox.js'
import { commonProblems } from '../../infra/problems.js'
import type { AuditService } from '../audit/audit.service.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { recommendationProblems as problems } from './recommendations.errors.js'
import { suggestionMail } from './recommendations.mails.js'
import {
  isHidden,
  isMutual,
  rankOf,
  requestPriority,
  type RecommendationMark,
  type RecommendationStatus,
} from './recommendations.model.js'
import { listingTitles, recommendationRows, type RecommendationRow } from './recommendations.repository.js'
import { matchingSettings, recommendationMarks, recommendations } from './recommendations.table.js'
import { enqueueRecompute } from './recommendations.triggers.js'
import { membersToNotify } from '../organisations/organisations.read.js'

export interface RecommendationsDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  publicUrl: string
}

const marksOf = (row: RecommendationRow) => ({ sme: row.sme_mark, buyer: row.buyer_mark })
const iso = (value: Date | string) => new Date(value).toISOString()

function pairsOf(row: RecommendationRow, titles: Map<string, string>) {
  return row.pairs.map((p) => ({
    ...p,
    offerTitle: titles.get(p.offerId) ?? '',
    needTitle: titles.get(p.needId) ?? '',
  }))
}

export function createRecommendationsService(deps: RecommendationsDeps) {
  const { db } = deps

  async function sideOf(tx: DbOrTx, organisationId: string): Promise<'sme' | 'buyer'> {
    const [row] = await tx
      .select({ kind: organisations.kind })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
    if (row?.kind !== 'sme' && row?.kind !== 'buyer') throw problems.notParticipantKind()
    return row.kind
  }

  /** The rows of the named pairs; a pair with no recommendation is a 400 naming it, before anything changes. */
  async function pairRows(tx: DbOrTx, eventId: string, pairs: PairRef[]): Promise<RecommendationRow[]> {
    const rows = await recommendationRows(tx, eventId)
    const byKey = new Map(rows.map((row) => [`${row.sme_id}:${row.buyer_id}`, row]))
    const errors: FieldError[] = []
    const found = pairs.flatMap((pair, i) => {
      const row = byKey.get(`${pair.smeId}:${pair.buyerId}`)
      if (!row)
        errors.push({ field: `body.pairs.${i}`, code: 'not_found', message: 'is not a recommended pair of this event' })
      return row ? [row] : []
    })
    if (errors.length > 0) throw commonProblems.validation(`Check ${errors.map((e) => e.field).join(', ')}`, errors)
    return found
  }

  return {
    /**
     * What one SME (its buyers) or one buyer (its SMEs) is recommended. Pairs the
     * other side declined or the hub rejected are left out; pairs this side
     * declined come last, flagged, so "no thanks" can be taken back.
     */
    async listFor(eventId: string, organisationId: string): Promise<Recommendation[]> {
      const side = await sideOf(db, organisationId)
      const rows = (await recommendationRows(db, eventId, organisationId)).filter(
        (row) =>
          (side === 'sme' ? row.buyer_mark : row.sme_mark) !== 'no_thanks' &&
          row.status !== 'rejected' &&
          (row.score >= RECOMMENDATION_FLOOR ||
            row.status === 'suggested' ||
            row.sme_mark !== null ||
            row.buyer_mark !== null ||
            row.request_status !== null),
      )
      const titles = await listingTitles(db, rows)
      return rows
        .map((row) => ({
          counterpart:
            side === 'sme'
              ? { id: row.buyer_id, legalName: row.buyer_name }
              : { id: row.sme_id, legalName: row.sme_name },
          score: row.score,
          rank: rankOf(row.score, marksOf(row)),
          parts: row.parts,
          reason: row.reason,
          pairs: pairsOf(row, titles),
          myMark: side === 'sme' ? row.sme_mark : row.buyer_mark,
          suggested: row.status === 'suggested',
          declinedByMe: isHidden(marksOf(row)),
          requestStatus: row.request_status,
        }))
        .sort(
          (a, b) =>
            Number(a.declinedByMe) - Number(b.declinedByMe) ||
            b.rank - a.rank ||
            a.counterpart.legalName.localeCompare(b.counterpart.legalName),
        )
    },

    /** One side marks a recommended counterpart; null clears the mark. Marks apply when lists are read. */
    async mark(
      actor: AuthContext,
      input: { eventId: string; organisationId: string; otherId: string; mark: RecommendationMark | null },
    ): Promise<{ mark: RecommendationMark | null }> {
      return db.transaction(async (tx) => {
        const side = await sideOf(tx, input.organisationId)
        const [smeId, buyerId] =
          side === 'sme' ? [input.organisationId, input.otherId] : [input.otherId, input.organisationId]
        const row = (await recommendationRows(tx, input.eventId, input.organisationId)).find(
          (r) => r.sme_id === smeId && r.buyer_id === buyerId,
        )
        // A pair the other side declined is no longer shown, so it cannot be marked either.
        const other = row && (side === 'sme' ? row.buyer_mark : row.sme_mark)
        if (!row || other === 'no_thanks' || row.status === 'rejected') throw problems.notFound()
        const key = and(
          eq(recommendationMarks.eventId, input.eventId),
          eq(recommendationMarks.smeId, smeId),
          eq(recommendationMarks.buyerId, buyerId),
          eq(recommendationMarks.organisationId, input.organisationId),
        )
        if (input.mark === null) await tx.delete(recommendationMarks).where(key)
        else {
          const values = { mark: input.mark, markedBy: actor.userId, updatedAt: deps.clock.now() }
          await tx
            .insert(recommendationMarks)
            .values({ eventId: input.eventId, smeId, buyerId, organisationId: input.organisationId, ...values })
            .onConflictDoUpdate({
              target: [
                recommendationMarks.eventId,
                recommendationMarks.smeId,
                recommendationMarks.buyerId,
                recommendationMarks.organisationId,
              ],
              set: values,
            })
        }
        await deps.audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: input.organisationId,
          action: 'recommendation.marked',
          subjectType: 'recommendation',
          subjectId: row.id,
          before: { mark: side === 'sme' ? row.sme_mark : row.buyer_mark },
          after: { mark: input.mark },
        })
        return { mark: input.mark }
      })
    },

    /** The hub's ranked list, filtered; pairs declined by a side only with `hidden`. */
    /** One page of the event's pairs that pass the filters, sorted; titles are read for that page only. */
    async curation(eventId: string, query: CurationQuery): Promise<CurationPage> {
      const q = query.q?.trim().toLowerCase()
      const page = query.page ?? 1
      const pageSize = query.pageSize ?? CURATION_PAGE_SIZE
      const rows = (await recommendationRows(db, eventId))
        .filter((row) => {
          const marks = marksOf(row)
          if (!query.hidden && isHidden(marks)) return false
          if (query.status && row.status !== query.status) return false
          if (query.minScore !== undefined && row.score < query.minScore) return false
          if (query.mutual !== undefined && isMutual(marks) !== query.mutual) return false
          return !q || row.sme_name.toLowerCase().includes(q) || row.buyer_name.toLowerCase().includes(q)
        })
        .map((row) => ({ row, rank: rankOf(row.score, marksOf(row)) }))
      const byNames = (a: RecommendationRow, b: RecommendationRow) =>
        a.sme_name.localeCompare(b.sme_name) || a.buyer_name.localeCompare(b.buyer_name)
      const order: Record<CurationSort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
        rank: (a, b) => b.rank - a.rank || byNames(a.row, b.row),
        score: (a, b) => b.row.score - a.row.score || byNames(a.row, b.row),
        sme: (a, b) => byNames(a.row, b.row),
        buyer: (a, b) =>
          a.row.buyer_name.localeCompare(b.row.buyer_name) || a.row.sme_name.localeCompare(b.row.sme_name),
      }
      rows.sort(order[query.sort ?? 'rank'])
      const slice = rows.slice((page - 1) * pageSize, page * pageSize)
      const titles = await listingTitles(
        db,
        slice.map((r) => r.row),
      )
      const items = slice.map(({ row, rank }) => {
        const marks = marksOf(row)
        return {
          sme: { id: row.sme_id, legalName: row.sme_name },
          buyer: { id: row.buyer_id, legalName: row.buyer_name },
          score: row.score,
          rank,
          parts: row.parts,
          reason: row.reason,
          pairs: pairsOf(row, titles),
          status: row.status,
          marks,
          mutual: isMutual(marks),
          hidden: isHidden(marks),
          priority: requestPriority(marks),
          requestStatus: row.request_status,
          computedAt: iso(row.computed_at),
        }
      })
      return { items, total: rows.length, page, pageSize }
    },

    /** Shortlist, approve, reject (or back to proposed) several pairs at once; all or nothing. */
    async decide(
      actor: AuthContext,
      eventId: string,
      input: { pairs: PairRef[]; status: Exclude<RecommendationStatus, 'suggested'> },
    ) {
      return db.transaction(async (tx) => {
        const rows = await pairRows(tx, eventId, input.pairs)
        for (const row of rows) {
          await tx.update(recommendations).set({ status: input.status }).where(eq(recommendations.id, row.id))
          await deps.audit.record(tx, {
            actorUserId: actor.userId,
            action: `recommendation.${input.status}`,
            subjectType: 'recommendation',
            subjectId: row.id,
            before: { status: row.status },
            after: { status: input.status, eventId },
          })
        }
        return { updated: rows.length, notified: 0 }
      })
    },

    /** Suggests each pair to both sides: every member is mailed, in their language, through the outbox. */
    async suggest(actor: AuthContext, eventId: string, pairs: PairRef[]) {
      return db.transaction(async (tx) => {
        const rows = await pairRows(tx, eventId, pairs)
        const declined = rows.flatMap((row, i) =>
          isHidden(marksOf(row))
            ? [{ field: `body.pairs.${i}`, code: 'no_thanks', message: 'one side said "no thanks" to this pair' }]
            : [],
        )
        if (declined.length > 0)
          throw commonProblems.validation(`Check ${declined.map((e) => e.field).join(', ')}`, declined)
        const [event] = await tx.select({ name: events.name }).from(events).where(eq(events.id, eventId))
        let notified = 0
        for (const row of rows) {
          await tx
            .update(recommendations)
            .set({ status: 'suggested', suggestedAt: deps.clock.now() })
            .where(eq(recommendations.id, row.id))
          await deps.audit.record(tx, {
            actorUserId: actor.userId,
            action: 'recommendation.suggested',
            subjectType: 'recommendation',
            subjectId: row.id,
            before: { status: row.status },
            after: { status: 'suggested', eventId },
          })
          for (const [to, other] of [
            [row.sme_id, row.buyer_name],
            [row.buyer_id, row.sme_name],
          ] as const) {
            for (const person of await membersToNotify(tx, [to])) {
              const url = `${deps.publicUrl}/events/${eventId}/recommendations/${to}`
              await deps.outbox.enqueue(tx, MAIL_TOPIC, {
                ...suggestionMail({
                  to: person.email,
                  name: person.name,
                  language: person.language,
                  other,
                  event: event?.name ?? '',
                  reason: row.reason,
                  url,
                }),
              })
              notified++
            }
          }
        }
        return { updated: rows.length, notified }
      })
    },

    async settings(eventId: string): Promise<MatchingSettings> {
      const [row] = await db.select().from(matchingSettings).where(eq(matchingSettings.eventId, eventId))
      return { allowRepeatMeetings: row?.allowRepeatMeetings ?? false }
    },

    /** Changing the settings recomputes the event's recommendations. */
    async updateSettings(actor: AuthContext, eventId: string, input: MatchingSettings): Promise<MatchingSettings> {
      return db.transaction(async (tx) => {
        const values = { allowRepeatMeetings: input.allowRepeatMeetings, updatedAt: deps.clock.now() }
        await tx
          .insert(matchingSettings)
          .values({ eventId, ...values })
          .onConflictDoUpdate({ target: matchingSettings.eventId, set: values })
        await deps.audit.record(tx, {
          actorUserId: actor.userId,
          action: 'matching.settings_changed',
          subjectType: 'event',
          subjectId: eventId,
          after: input,
        })
        await enqueueRecompute(deps.outbox, tx, eventId)
        return { allowRepeatMeetings: input.allowRepeatMeetings }
      })
    },

    async requestRecompute(eventId: string): Promise<void> {
      await db.transaction((tx) => enqueueRecompute(deps.outbox, tx, eventId))
    },
  }
}
export type RecommendationsService = ReturnType<typeof createRecommendationsService>
