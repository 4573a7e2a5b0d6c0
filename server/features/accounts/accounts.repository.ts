import { and, desc, eq, gt, isNull, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { membershipsJsonOf } from '../organisations/organisations.read.js'
import { consents, loginTokens, sessions, users } from './accounts.table.js'

export type UserRow = typeof users.$inferSelect

export async function insertUser(db: DbOrTx, values: typeof users.$inferInsert): Promise<UserRow> {
  const [row] = await db.insert(users).values(values).returning()
  return row!
}

export async function findUserByEmail(db: DbOrTx, email: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.email, email), isNull(users.deletedAt)))
  return row
}

export async function findUser(db: DbOrTx, id: string): Promise<UserRow | undefined> {
  const [row] = await db
    .select()
    .from(users)
    .where(and(eq(users.id, id), isNull(users.deletedAt)))
  return row
}

export async function updateUser(db: DbOrTx, id: string, values: Partial<typeof users.$inferInsert>): Promise<UserRow> {
  const [row] = await db.update(users).set(values).where(eq(users.id, id)).returning()
  return row!
}

export async function insertLoginToken(db: DbOrTx, values: typeof loginTokens.$inferInsert): Promise<void> {
  await db.insert(loginTokens).values(values)
}

/** Marks the link used and returns its user, only if it was unused and unexpired: one winner under concurrency. */
export async function consumeLoginToken(db: DbOrTx, tokenHash: string, now: Date): Promise<string | undefined> {
  const [row] = await db
    .update(loginTokens)
    .set({ usedAt: now })
    .where(and(eq(loginTokens.tokenHash, tokenHash), isNull(loginTokens.usedAt), gt(loginTokens.expiresAt, now)))
    .returning({ userId: loginTokens.userId })
  return row?.userId
}

export async function insertSession(db: DbOrTx, values: typeof sessions.$inferInsert): Promise<void> {
  await db.insert(sessions).values(values)
}

function liveSessionQuery(db: DbOrTx) {
  return db
    .select({ session: sessions, memberships: membershipsJsonOf(sessions.userId) })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.tokenHash, sql.placeholder('tokenHash')),
        gt(sessions.expiresAt, sql.placeholder('now')),
        isNull(users.deletedAt),
      ),
    )
    .prepare('live_session')
}

/** Built once per database handle: the statement runs on every signed-in request. */
const liveSessionQueries = new WeakMap<DbOrTx, ReturnType<typeof liveSessionQuery>>()

/** The live session of a token, with its user's memberships (one statement: it runs on every signed-in request). */
export async function findLiveSession(db: DbOrTx, tokenHash: string, now: Date) {
  let query = liveSessionQueries.get(db)
  if (!query) liveSessionQueries.set(db, (query = liveSessionQuery(db)))
  // A placeholder skips the column's encoder: the instant goes as text.
  const [row] = await query.execute({ tokenHash, now: now.toISOString() })
  return row
}

export async function touchSession(
  db: DbOrTx,
  { id, now, expiresAt }: { id: string; now: Date; expiresAt: Date },
): Promise<void> {
  await db.update(sessions).set({ lastSeenAt: now, expiresAt }).where(eq(sessions.id, id))
}

export async function deleteSession(db: DbOrTx, id: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.id, id))
}

export async function deleteSessionsOfUser(db: DbOrTx, userId: string): Promise<number> {
  const rows = await db.delete(sessions).where(eq(sessions.userId, userId)).returning({ id: sessions.id })
  return rows.length
}

export async function insertConsents(
  db: DbOrTx,
  {
    userId,
    values,
    textVersion,
  }: { userId: string; values: { profileVisibleToMatches: boolean; emailNotifications: boolean }; textVersion: string },
): Promise<void> {
  await db.insert(consents).values([
    { userId, purpose: 'profile_visible_to_matches', granted: values.profileVisibleToMatches, textVersion },
    { userId, purpose: 'email_notifications', granted: values.emailNotifications, textVersion },
  ])
}

export async function currentConsents(db: DbOrTx, userId: string) {
  const rows = await db
    .selectDistinctOn([consents.purpose], { purpose: consents.purpose, granted: consents.granted })
    .from(consents)
    .where(eq(consents.userId, userId))
    .orderBy(consents.purpose, desc(consents.recordedAt), desc(consents.id))
  const granted = (purpose: string) => rows.find((row) => row.purpose === purpose)?.granted ?? false
  return {
    profileVisibleToMatches: granted('profile_visible_to_matches'),
    emailNotifications: granted('email_notifications'),
  }
}

export async function consentHistory(db: DbOrTx, userId: string) {
  return db.select().from(consents).where(eq(consents.userId, userId)).orderBy(consents.recordedAt)
}

export async function sessionsOfUser(db: DbOrTx, userId: string) {
  return db
    .select({
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
    })
    .from(sessions)
    .where(eq(sessions.userId, userId))
}

export async function deleteLoginTokensOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(loginTokens).where(eq(loginTokens.userId, userId))
}

export async function deleteConsentsOfUser(db: DbOrTx, userId: string): Promise<void> {
  await db.delete(consents).where(eq(consents.userId, userId))
}
