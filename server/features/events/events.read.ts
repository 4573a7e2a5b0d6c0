import { eq, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { editionOrganisers, editions, events } from './editions.table.js'
import { eventProblems } from './events.errors.js'
import { buildSlotGrid, type DaySpec, type Slot } from './slot-grid.model.js'

/** What other features read of the events feature. */

export type EventRow = typeof events.$inferSelect

/** The event, or the problem `events.not_found`. */
export async function eventOf(db: DbOrTx, eventId: string): Promise<EventRow> {
  const [row] = await db.select().from(events).where(eq(events.id, eventId))
  if (!row) throw eventProblems.eventNotFound()
  return row
}

/** The event's slots, from its row (no statement; the grid is built once per spec). */
export function slotsOfEvent(row: EventRow): Slot[] {
  return buildSlotGrid({
    timeZone: row.timeZone,
    days: row.days as DaySpec[],
    slotMinutes: row.slotMinutes,
    gapMinutes: row.gapMinutes,
  })
}

/** The event with its edition's home region (a buyer outside it counts for KPI iii), or `events.not_found`. */
export async function eventWithHomeRegion(
  db: DbOrTx,
  eventId: string,
): Promise<{ event: EventRow; homeNuts2: string }> {
  const [row] = await db
    .select({ event: events, homeNuts2: editions.homeNuts2 })
    .from(events)
    .innerJoin(editions, eq(editions.id, events.editionId))
    .where(eq(events.id, eventId))
  if (!row) throw eventProblems.eventNotFound()
  return row
}

/** The events whose deadline for meeting requests has passed. */
export async function eventsPastRequestDeadline(db: DbOrTx, now: Date): Promise<string[]> {
  const rows = await db
    .select({ id: events.id })
    .from(events)
    .where(sql`${events.requestDeadline} < ${now.toISOString()}::timestamptz`)
  return rows.map((row) => row.id)
}

/**
 * The hub a member acts for on an event: the first of their organiser
 * memberships that runs the event's edition (null when none does). Audit
 * entries carry it, so the hub reads them in its trail.
 */
export async function actingHub(
  db: DbOrTx,
  { eventId, memberOf }: { eventId: string; memberOf: string[] },
): Promise<string | null> {
  const rows = await db
    .select({ organiserId: editionOrganisers.organiserId })
    .from(events)
    .innerJoin(editionOrganisers, eq(editionOrganisers.editionId, events.editionId))
    .where(eq(events.id, eventId))
  return memberOf.find((id) => rows.some((row) => row.organiserId === id)) ?? null
}
