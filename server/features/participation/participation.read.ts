import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { organisations } from '../organisations/organisations.table.js'
import { participations, representatives } from './participation.table.js'

/** What other features read of the participation feature. */

/** An organisation's participation in an event, if any (locked for the transaction when asked). */
export async function participationOf(
  tx: DbOrTx,
  { eventId, organisationId, forUpdate = false }: { eventId: string; organisationId: string; forUpdate?: boolean },
) {
  const query = tx
    .select()
    .from(participations)
    .where(and(eq(participations.eventId, eventId), eq(participations.organisationId, organisationId)))
  const [row] = forUpdate ? await query.for('update') : await query
  return row
}

/** Locks these organisations' participation rows, always in the same order, so simultaneous writers queue. */
export async function lockParticipations(
  tx: DbOrTx,
  { eventId, organisationIds }: { eventId: string; organisationIds: string[] },
): Promise<void> {
  await tx
    .select({ id: participations.id })
    .from(participations)
    .where(and(eq(participations.eventId, eventId), inArray(participations.organisationId, organisationIds)))
    .orderBy(participations.organisationId)
    .for('update')
}

/** Meetings an organisation may hold: the event's maximum per person, times a buyer's representatives. */
export async function meetingQuota(
  tx: DbOrTx,
  { maxPerPerson, eventId, organisationId }: { maxPerPerson: number; eventId: string; organisationId: string },
): Promise<number> {
  const [row] = await tx.execute<{ kind: string; people: number }>(sql`
    select o.kind, (select count(*)::int from ${representatives} r where r.participation_id = p.id) as people
    from ${organisations} o left join ${participations} p on p.organisation_id = o.id and p.event_id = ${eventId}
    where o.id = ${organisationId}`)
  return maxPerPerson * (row?.kind === 'buyer' ? Math.max(1, row.people) : 1)
}

/** Whether the representative is one of the buyer's people at the event. */
export async function isRepresentativeOf(
  tx: DbOrTx,
  { representativeId, eventId, organisationId }: { representativeId: string; eventId: string; organisationId: string },
): Promise<boolean> {
  const [found] = await tx
    .select({ id: representatives.id })
    .from(representatives)
    .innerJoin(participations, eq(participations.id, representatives.participationId))
    .where(
      and(
        eq(representatives.id, representativeId),
        eq(participations.eventId, eventId),
        eq(participations.organisationId, organisationId),
      ),
    )
  return found !== undefined
}
