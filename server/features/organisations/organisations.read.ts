import { and, eq, inArray, sql, type SQL, type SQLWrapper } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { users } from '../accounts/accounts.table.js'
import { organisationProblems } from './organisations.errors.js'
import { memberships, organisations } from './organisations.table.js'

/** What other features read of the organisations feature. */

export interface MembershipOfUser {
  organisationId: string
  kind: (typeof organisations.$inferSelect)['kind']
  role: (typeof memberships.$inferSelect)['role']
}

/**
 * A user's memberships as a JSON array (by organisation name), for a statement of another feature to embed: the
 * session lookup reads the session and who its user acts for in one round trip.
 */
export function membershipsJsonOf(userId: SQLWrapper): SQL<MembershipOfUser[]> {
  return sql<MembershipOfUser[]>`coalesce((
    select json_agg(json_build_object('organisationId', o.id, 'kind', o.kind, 'role', m.role) order by o.legal_name)
    from ${memberships} m join ${organisations} o on o.id = m.organisation_id
    where m.user_id = ${userId}), '[]'::json)`
}

export interface MailRecipient {
  organisationId: string
  email: string
  name: string
  language: 'it' | 'en'
}

/** The members of these organisations who receive mail (accounts not deleted), each with their own language. */
export async function membersToNotify(db: DbOrTx, organisationIds: string[]): Promise<MailRecipient[]> {
  if (organisationIds.length === 0) return []
  return db
    .select({
      organisationId: memberships.organisationId,
      email: users.email,
      name: users.name,
      language: users.language,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(inArray(memberships.organisationId, organisationIds), sql`${users.deletedAt} is null`))
    .orderBy(memberships.organisationId, users.email)
}

/** An organisation's name, kind and region, or the problem `organisations.not_found`. */
export async function organisationOf(
  db: DbOrTx,
  organisationId: string,
): Promise<{ legalName: string; kind: string; nuts2: string | null }> {
  const [row] = await db
    .select({ legalName: organisations.legalName, kind: organisations.kind, nuts2: organisations.nuts2 })
    .from(organisations)
    .where(eq(organisations.id, organisationId))
  if (!row) throw organisationProblems.notFound()
  return row
}

/** Organisation names by id. */
export async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: organisations.id, legalName: organisations.legalName })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]))
  return new Map(rows.map((row) => [row.id, row.legalName]))
}
