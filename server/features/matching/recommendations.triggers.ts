import { and, eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import type { Outbox } from '../../infra/outbox.js'
import { participations } from '../participation/participation.table.js'

/**
 * Recommendations are recomputed by the outbox worker, never inside a request:
 * callers enqueue in their own transaction. A recompute enqueued after a
 * `search.sync` row runs after it (the worker takes rows in order), so it sees
 * the listing as indexed.
 */
export const RECOMPUTE_TOPIC = 'matching.recompute'

/** Statuses whose holders take part in meetings, and so in recommendations. */
export const MEETING_STATUSES = ['selected', 'prepared', 'attended'] as const

export async function enqueueRecompute(outbox: Pick<Outbox, 'enqueue'>, tx: DbOrTx, eventId: string): Promise<void> {
  await outbox.enqueue(tx, RECOMPUTE_TOPIC, { eventId })
}

/** After an offer or need changes: each event where its organisation is selected. */
export async function enqueueRecomputeForOrganisation(
  outbox: Pick<Outbox, 'enqueue'>,
  tx: DbOrTx,
  organisationId: string,
): Promise<void> {
  const rows = await tx
    .select({ eventId: participations.eventId })
    .from(participations)
    .where(
      and(eq(participations.organisationId, organisationId), inArray(participations.status, [...MEETING_STATUSES])),
    )
  for (const row of rows) await enqueueRecompute(outbox, tx, row.eventId)
}
