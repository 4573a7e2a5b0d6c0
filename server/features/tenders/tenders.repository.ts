import { and, asc, desc, eq, inArray, isNull, lt, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { tedPolledNotices, tenderLots, tenderNotices, tenders } from './tenders.table.js'

/** The only reader and writer of the tenders tables. */

export type TenderRow = typeof tenders.$inferSelect
export type TenderLotRow = typeof tenderLots.$inferSelect

/** The versions of a notice already imported, newest first. */
export async function importedVersions(db: DbOrTx, noticeId: string) {
  return db
    .select({ version: tenderNotices.version, tenderId: tenderNotices.tenderId })
    .from(tenderNotices)
    .where(eq(tenderNotices.noticeId, noticeId))
    .orderBy(desc(tenderNotices.version))
}

/** The tender, locked for the import's transaction: by the procedure it announces. */
export async function findByProcedure(db: DbOrTx, procedureId: string) {
  const [row] = await db.select().from(tenders).where(eq(tenders.procedureId, procedureId)).for('update')
  return row
}

export async function findTender(db: DbOrTx, id: string) {
  const [row] = await db.select().from(tenders).where(eq(tenders.id, id)).for('update')
  return row
}

export async function insertTender(db: DbOrTx, values: typeof tenders.$inferInsert): Promise<TenderRow> {
  const [row] = await db.insert(tenders).values(values).returning()
  return row!
}

export async function updateTender(db: DbOrTx, id: string, values: Partial<typeof tenders.$inferInsert>) {
  await db
    .update(tenders)
    .set({ ...values, updatedAt: sql`now()` })
    .where(eq(tenders.id, id))
}

export async function recordNotice(db: DbOrTx, values: typeof tenderNotices.$inferInsert): Promise<void> {
  await db.insert(tenderNotices).values(values)
}

export async function lotsOf(db: DbOrTx, tenderId: string): Promise<TenderLotRow[]> {
  return db.select().from(tenderLots).where(eq(tenderLots.tenderId, tenderId)).orderBy(asc(tenderLots.lotId))
}

export async function writeLot(db: DbOrTx, values: typeof tenderLots.$inferInsert): Promise<void> {
  const { tenderId: _t, lotId: _l, ...rest } = values
  await db
    .insert(tenderLots)
    .values(values)
    .onConflictDoUpdate({ target: [tenderLots.tenderId, tenderLots.lotId], set: rest })
}

/** The tenders of these buyers, newest first, with their lots. */
export async function tendersOfBuyers(db: DbOrTx, buyerIds: string[]) {
  if (buyerIds.length === 0) return []
  const rows = await db
    .select()
    .from(tenders)
    .where(inArray(tenders.buyerId, buyerIds))
    .orderBy(desc(tenders.updatedAt))
  const lots =
    rows.length === 0
      ? []
      : await db
          .select()
          .from(tenderLots)
          .where(
            inArray(
              tenderLots.tenderId,
              rows.map((row) => row.id),
            ),
          )
          .orderBy(asc(tenderLots.lotId))
  return rows.map((tender) => ({ tender, lots: lots.filter((lot) => lot.tenderId === tender.id) }))
}

/** Tender facts of needs: which needs are lots of a public tender, with their deadline and value. */
export async function lotsOfNeeds(db: DbOrTx, needIds: string[]) {
  if (needIds.length === 0) return []
  return db
    .select({
      needId: tenderLots.needId,
      deadlineAt: tenderLots.deadlineAt,
      form: tenders.form,
      publicationNumber: tenders.publicationNumber,
    })
    .from(tenderLots)
    .innerJoin(tenders, eq(tenders.id, tenderLots.tenderId))
    .where(inArray(tenderLots.needId, needIds))
}

/** Takes on a polled notice: new, or left unfinished before `staleBefore`; false when another run has it. */
export async function claimPolledNotice(
  db: DbOrTx,
  { publicationNumber, now, staleBefore }: { publicationNumber: string; now: Date; staleBefore: Date },
): Promise<boolean> {
  const rows = await db
    .insert(tedPolledNotices)
    .values({ publicationNumber, claimedAt: now })
    .onConflictDoUpdate({
      target: tedPolledNotices.publicationNumber,
      set: { claimedAt: now },
      setWhere: and(isNull(tedPolledNotices.doneAt), lt(tedPolledNotices.claimedAt, staleBefore)),
    })
    .returning({ publicationNumber: tedPolledNotices.publicationNumber })
  return rows.length === 1
}

export async function finishPolledNotice(
  db: DbOrTx,
  values: { publicationNumber: string; doneAt: Date | null; outcome: string; detail: string | null },
): Promise<void> {
  const { publicationNumber, ...rest } = values
  await db.update(tedPolledNotices).set(rest).where(eq(tedPolledNotices.publicationNumber, publicationNumber))
}

/** The lot a need is, with its tender. */
export async function lotOfNeed(db: DbOrTx, needId: string) {
  const [row] = await db
    .select({ lot: tenderLots, tender: tenders })
    .from(tenderLots)
    .innerJoin(tenders, eq(tenders.id, tenderLots.tenderId))
    .where(eq(tenderLots.needId, needId))
  return row
}
