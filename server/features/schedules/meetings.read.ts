import { and, eq, inArray, ne, or, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { meetings } from './schedules.table.js'

/** What other features read of published meetings, and the one change the event day makes to them: the outcome. */

export type MeetingRow = typeof meetings.$inferSelect

/** The published meetings among `ids` that are no-shows blamed on `organisationId`, locked for the caller's transaction. */
export async function noShowsOf(tx: DbOrTx, ids: string[], organisationId: string): Promise<MeetingRow[]> {
  if (ids.length === 0) return []
  return tx
    .select()
    .from(meetings)
    .where(
      and(
        inArray(meetings.id, ids),
        eq(meetings.status, 'scheduled'),
        eq(meetings.outcome, 'no_show'),
        eq(meetings.absentOrganisationId, organisationId),
      ),
    )
    .for('update')
}

/** Whether the organisation has another live meeting (not a no-show) in the slot. */
export async function busyInSlot(
  tx: DbOrTx,
  { eventId, slot, organisationId, except }: { eventId: string; slot: number; organisationId: string; except: string },
): Promise<boolean> {
  const [row] = await tx
    .select({ id: meetings.id })
    .from(meetings)
    .where(
      and(
        eq(meetings.eventId, eventId),
        eq(meetings.slot, slot),
        eq(meetings.status, 'scheduled'),
        ne(meetings.id, except),
        or(sql`${meetings.outcome} is null`, ne(meetings.outcome, 'no_show')),
        or(eq(meetings.smeId, organisationId), eq(meetings.buyerId, organisationId)),
      ),
    )
    .limit(1)
  return row !== undefined
}

/** Records a meeting's outcome: a no-show blamed on the absent side, or none (still to happen). */
export async function setOutcome(
  tx: DbOrTx,
  meetingId: string,
  outcome: { outcome: 'no_show'; absentOrganisationId: string } | { outcome: null; absentOrganisationId: null },
  now: Date,
): Promise<void> {
  await tx
    .update(meetings)
    .set({ ...outcome, updatedAt: now })
    .where(eq(meetings.id, meetingId))
}
