import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../server/infra/db.js'
import { auditEvents } from '../../server/features/audit/audit.table.js'
import type { ParticipationStatus } from '../../server/features/participation/participation.model.js'
import { participations } from '../../server/features/participation/participation.table.js'

/**
 * The high-volume parts of the demo history (hundreds of lifecycle steps,
 * requests, check-ins and answers) are written in a few statements: the same
 * rows, and the same audit entries, as the services write one call at a time.
 */

export interface AuditEntry {
  at: Date
  actorUserId: string
  organisationId: string | null
  action: string
  subjectType: string
  subjectId: string
  before?: unknown
  after?: unknown
}

export async function recordAudit(db: DbOrTx, entries: AuditEntry[]): Promise<void> {
  for (let i = 0; i < entries.length; i += 1000) {
    await db
      .insert(auditEvents)
      .values(entries.slice(i, i + 1000).map((e) => ({ ...e, before: e.before ?? null, after: e.after ?? null })))
  }
}

export interface LifecycleStep {
  status: ParticipationStatus
  at: Date
  /** Who took the step: the hub, or the organisation itself (applying). */
  actorUserId: string
  reason?: string
  coachingSessions?: number
}

/** Each organisation's steps through an event's lifecycle: its participation row as the last step left it, and one audit entry per step. */
export async function writeLifecycles(
  db: DbOrTx,
  eventId: string,
  lifecycles: { organisationId: string; steps: LifecycleStep[] }[],
): Promise<Map<string, string>> {
  const rows = await db
    .insert(participations)
    .values(
      lifecycles.map(({ organisationId, steps }) => {
        const last = steps[steps.length - 1]!
        const coaching = steps.find((s) => s.coachingSessions !== undefined)?.coachingSessions ?? 0
        return {
          eventId,
          organisationId,
          status: last.status,
          reason: last.reason ?? null,
          coachingSessions: coaching,
          createdAt: steps[0]!.at,
          updatedAt: last.at,
        }
      }),
    )
    .returning({ id: participations.id, organisationId: participations.organisationId })
  const ids = new Map(rows.map((row) => [row.organisationId, row.id]))
  await recordAudit(
    db,
    lifecycles.flatMap(({ organisationId, steps }) =>
      steps.map((step, i) => ({
        at: step.at,
        actorUserId: step.actorUserId,
        organisationId,
        action: `participation.${step.status}`,
        subjectType: 'participation',
        subjectId: ids.get(organisationId)!,
        before: i === 0 ? null : { status: steps[i - 1]!.status },
        after: { status: step.status, reason: step.reason ?? null, eventId },
      })),
    ),
  )
  return ids
}

/** Later steps for organisations already in the event (attended, followed up), taken by the hub at one moment. */
export async function advanceLifecycles(
  db: DbOrTx,
  input: { eventId: string; organisationIds: string[]; status: ParticipationStatus; at: Date; actorUserId: string },
): Promise<void> {
  if (input.organisationIds.length === 0) return
  const rows = await db.execute<{ id: string; organisation_id: string; before: string }>(sql`
    update ${participations} p set status = ${input.status}, reason = null, updated_at = ${input.at.toISOString()}::timestamptz
    from (select id, status from ${participations} where event_id = ${input.eventId} and organisation_id in ${sql.raw(`('${input.organisationIds.join("','")}')`)}) old
    where p.id = old.id returning p.id, p.organisation_id, old.status as before`)
  await recordAudit(
    db,
    rows.map((row) => ({
      at: input.at,
      actorUserId: input.actorUserId,
      organisationId: row.organisation_id,
      action: `participation.${input.status}`,
      subjectType: 'participation',
      subjectId: row.id,
      before: { status: row.before },
      after: { status: input.status, reason: null, eventId: input.eventId },
    })),
  )
}

/** The participation ids of an event's organisations. */
export async function participationIds(
  db: DbOrTx,
  eventId: string,
  organisationIds: string[],
): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: participations.id, organisationId: participations.organisationId })
    .from(participations)
    .where(and(eq(participations.eventId, eventId), inArray(participations.organisationId, organisationIds)))
  return new Map(rows.map((row) => [row.organisationId, row.id]))
}
