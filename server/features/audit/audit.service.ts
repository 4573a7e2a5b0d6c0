import { and, desc, eq, inArray, like, lt, or, sql } from 'drizzle-orm'
import type { AuditEvent } from '../../../shared/schemas/accounts.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { users } from '../accounts/accounts.table.js'
import { auditEvents } from './audit.table.js'

/** `text` matched literally inside a LIKE pattern: its % and _ are not wildcards. */
const escapeLike = (text: string) => text.replace(/[\\%_]/g, (c) => `\\${c}`)

export interface AuditEntry {
  actorUserId?: string | null
  organisationId?: string | null
  action: string
  subjectType: string
  subjectId: string
  before?: unknown
  after?: unknown
  requestId?: string
}

/** Who may read which events: everything (authority) or the events of some organisations. */
export type AuditScope = { all: true } | { organisationIds: string[] }

export function createAuditService(db: Database) {
  return {
    /** Written in the caller's transaction, so the trail and the change commit together. */
    async record(tx: DbOrTx, entry: AuditEntry): Promise<void> {
      await tx.insert(auditEvents).values({
        actorUserId: entry.actorUserId ?? null,
        organisationId: entry.organisationId ?? null,
        action: entry.action,
        subjectType: entry.subjectType,
        subjectId: entry.subjectId,
        before: entry.before ?? null,
        after: entry.after ?? null,
        requestId: entry.requestId ?? null,
      })
    },

    async listEvents(
      scope: AuditScope,
      options: { limit: number; before?: number; area?: string; actor?: string },
    ): Promise<AuditEvent[]> {
      const inScope =
        'all' in scope
          ? sql`true`
          : scope.organisationIds.length === 0
            ? sql`false`
            : or(inArray(auditEvents.organisationId, scope.organisationIds))
      const rows = await db
        .select({ event: auditEvents, actorName: users.name })
        .from(auditEvents)
        .leftJoin(users, eq(users.id, auditEvents.actorUserId))
        .where(
          and(
            inScope,
            options.before === undefined ? undefined : lt(auditEvents.id, options.before),
            options.area === undefined ? undefined : like(auditEvents.action, `${options.area}.%`),
            options.actor === undefined ? undefined : sql`${users.name} ilike ${`%${escapeLike(options.actor)}%`}`,
          ),
        )
        .orderBy(desc(auditEvents.id))
        .limit(options.limit)
      return rows.map(({ event, actorName }) => ({
        id: String(event.id),
        at: event.at.toISOString(),
        ...(event.actorUserId ? { actor: { userId: event.actorUserId, name: actorName ?? '' } } : {}),
        ...(event.organisationId ? { organisationId: event.organisationId } : {}),
        action: event.action,
        subjectType: event.subjectType,
        subjectId: event.subjectId,
        ...(event.before === null ? {} : { before: event.before }),
        ...(event.after === null ? {} : { after: event.after }),
      }))
    },
  }
}
export type AuditService = ReturnType<typeof createAuditService>
