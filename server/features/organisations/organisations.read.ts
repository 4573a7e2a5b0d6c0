import { and, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { users } from '../accounts/accounts.table.js'
import { memberships } from './organisations.table.js'

/** What other features read of the organisations feature. */

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
