import { and, asc, desc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import type { AffiliationStatus, Role } from '../../../shared/schemas/accounts.js'
import { users } from '../accounts/accounts.table.js'
import { affiliations, invitations, memberships, organisations } from './organisations.table.js'

/** Every query names the organisation it reads or writes: no unscoped tenant access. */

export type OrganisationRow = typeof organisations.$inferSelect
export type OrganisationValues = typeof organisations.$inferInsert

export async function insertOrganisation(db: DbOrTx, values: OrganisationValues): Promise<OrganisationRow> {
  const [row] = await db.insert(organisations).values(values).returning()
  return row!
}

export async function findOrganisation(db: DbOrTx, id: string): Promise<OrganisationRow | undefined> {
  const [row] = await db.select().from(organisations).where(eq(organisations.id, id))
  return row
}

export async function updateOrganisationRow(
  db: DbOrTx,
  id: string,
  values: Partial<OrganisationValues>,
): Promise<OrganisationRow | undefined> {
  const [row] = await db
    .update(organisations)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(organisations.id, id))
    .returning()
  return row
}

export async function insertMembership(
  db: DbOrTx,
  values: { userId: string; organisationId: string; role: Role },
): Promise<void> {
  await db.insert(memberships).values(values).onConflictDoNothing()
}

export async function findMembership(db: DbOrTx, organisationId: string, userId: string) {
  const [row] = await db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
  return row
}

export async function listMembersOf(db: DbOrTx, organisationId: string) {
  return db
    .select({
      userId: users.id,
      name: users.name,
      email: users.email,
      role: memberships.role,
      joinedAt: memberships.createdAt,
    })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(eq(memberships.organisationId, organisationId))
    .orderBy(sql`lower(${users.name})`)
}

/** Locks the organisation's admin rows so two concurrent demotions cannot both pass the last-admin rule. */
export async function countAdminsForUpdate(db: DbOrTx, organisationId: string): Promise<number> {
  const rows = await db
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.role, 'admin')))
    .for('update')
  return rows.length
}

export async function setMembershipRole(
  db: DbOrTx,
  { organisationId, userId, role }: { organisationId: string; userId: string; role: Role },
): Promise<void> {
  await db
    .update(memberships)
    .set({ role })
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
}

export async function deleteMembership(db: DbOrTx, organisationId: string, userId: string): Promise<void> {
  await db
    .delete(memberships)
    .where(and(eq(memberships.organisationId, organisationId), eq(memberships.userId, userId)))
}

export async function membershipsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      organisationId: organisations.id,
      legalName: organisations.legalName,
      kind: organisations.kind,
      role: memberships.role,
      affiliationStatus: sql<AffiliationStatus | null>`(
        select a.status from ${affiliations} a where a.participant_id = ${organisations.id}
        order by a.registered_at limit 1)`,
    })
    .from(memberships)
    .innerJoin(organisations, eq(organisations.id, memberships.organisationId))
    .where(eq(memberships.userId, userId))
    .orderBy(asc(organisations.legalName))
}

export async function insertInvitation(db: DbOrTx, values: typeof invitations.$inferInsert) {
  const [row] = await db.insert(invitations).values(values).returning()
  return row!
}

export async function listOpenInvitations(db: DbOrTx, organisationId: string) {
  return db
    .select({ invitation: invitations, inviterName: users.name })
    .from(invitations)
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(
      and(
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .orderBy(desc(invitations.createdAt))
}

export async function findInvitationByTokenHash(db: DbOrTx, tokenHash: string, options: { forUpdate?: boolean } = {}) {
  const query = db
    .select({ invitation: invitations, inviterName: users.name, organisation: organisations })
    .from(invitations)
    .innerJoin(organisations, eq(organisations.id, invitations.organisationId))
    .leftJoin(users, eq(users.id, invitations.invitedBy))
    .where(eq(invitations.tokenHash, tokenHash))
  const [row] = options.forUpdate ? await query.for('update', { of: invitations }) : await query
  return row
}

export async function revokeInvitationRow(db: DbOrTx, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .update(invitations)
    .set({ revokedAt: sql`now()` })
    .where(
      and(
        eq(invitations.id, id),
        eq(invitations.organisationId, organisationId),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
      ),
    )
    .returning({ id: invitations.id })
  return rows.length === 1
}

export async function markInvitationAccepted(db: DbOrTx, id: string): Promise<void> {
  await db
    .update(invitations)
    .set({ acceptedAt: sql`now()` })
    .where(eq(invitations.id, id))
}

/** Says whether the affiliation is new: an existing one (any status) is left as it is. */
export async function insertAffiliation(db: DbOrTx, values: typeof affiliations.$inferInsert): Promise<boolean> {
  const rows = await db
    .insert(affiliations)
    .values(values)
    .onConflictDoNothing()
    .returning({ organiserId: affiliations.organiserId })
  return rows.length === 1
}

export async function listAffiliations(db: DbOrTx, organiserId: string, status?: AffiliationStatus) {
  return db
    .select({ affiliation: affiliations, organisation: organisations })
    .from(affiliations)
    .innerJoin(organisations, eq(organisations.id, affiliations.participantId))
    .where(and(eq(affiliations.organiserId, organiserId), status ? eq(affiliations.status, status) : undefined))
    .orderBy(desc(affiliations.registeredAt))
}

export async function findAffiliation(
  db: DbOrTx,
  {
    organiserId,
    participantId,
    forUpdate = false,
  }: { organiserId: string; participantId: string; forUpdate?: boolean },
) {
  const query = db
    .select({ affiliation: affiliations, organisation: organisations })
    .from(affiliations)
    .innerJoin(organisations, eq(organisations.id, affiliations.participantId))
    .where(and(eq(affiliations.organiserId, organiserId), eq(affiliations.participantId, participantId)))
  const [row] = forUpdate ? await query.for('update', { of: affiliations }) : await query
  return row
}

export async function decideAffiliation(
  db: DbOrTx,
  values: {
    organiserId: string
    participantId: string
    status: AffiliationStatus
    reason: string | null
    decidedBy: string | null
  },
) {
  await db
    .update(affiliations)
    .set({ status: values.status, reason: values.reason, decidedBy: values.decidedBy, decidedAt: sql`now()` })
    .where(and(eq(affiliations.organiserId, values.organiserId), eq(affiliations.participantId, values.participantId)))
}

export async function organiserIdsOf(db: DbOrTx, participantId: string): Promise<string[]> {
  const rows = await db
    .select({ id: affiliations.organiserId })
    .from(affiliations)
    .where(eq(affiliations.participantId, participantId))
  return rows.map((row) => row.id)
}

export async function listOrganisers(db: DbOrTx) {
  return db
    .select({
      id: organisations.id,
      legalName: organisations.legalName,
      country: organisations.country,
      nuts2: organisations.nuts2,
    })
    .from(organisations)
    .where(eq(organisations.kind, 'organiser'))
    .orderBy(asc(organisations.legalName))
}

export async function participantIdsOf(db: DbOrTx, organiserIds: string[]): Promise<string[]> {
  if (organiserIds.length === 0) return []
  const rows = await db
    .selectDistinct({ id: affiliations.participantId })
    .from(affiliations)
    .where(inArray(affiliations.organiserId, organiserIds))
  return rows.map((row) => row.id)
}

/** A public buyer already on the platform, by its name (any case) and country. */
export async function findPublicBuyer(
  db: DbOrTx,
  { legalName, country }: { legalName: string; country: string | null },
) {
  const [row] = await db
    .select()
    .from(organisations)
    .where(
      and(
        eq(organisations.publicBuyer, true),
        sql`lower(${organisations.legalName}) = lower(${legalName})`,
        country ? eq(organisations.country, country) : isNull(organisations.country),
      ),
    )
    .limit(1)
  return row
}

/** The public buyers a hub has validated. */
export async function publicBuyersOf(db: DbOrTx, organiserId: string) {
  return db
    .select({ id: organisations.id, legalName: organisations.legalName })
    .from(affiliations)
    .innerJoin(organisations, eq(organisations.id, affiliations.participantId))
    .where(
      and(
        eq(affiliations.organiserId, organiserId),
        eq(affiliations.status, 'validated'),
        eq(organisations.publicBuyer, true),
      ),
    )
}
