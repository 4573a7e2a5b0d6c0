import { and, asc, eq, inArray, sql } from 'drizzle-orm'
import type { DbOrTx } from '../../infra/db.js'
import { affiliations, organisations } from '../organisations/organisations.table.js'
import { needs, offers } from './catalogue.table.js'

/** Owner queries always name the organisation as well as the record: no cross-tenant write is expressible. */

export type OfferRow = typeof offers.$inferSelect
export type NeedRow = typeof needs.$inferSelect

export async function insertOffer(db: DbOrTx, values: typeof offers.$inferInsert): Promise<OfferRow> {
  const [row] = await db.insert(offers).values(values).returning()
  return row!
}

export async function updateOfferRow(
  db: DbOrTx,
  { organisationId, id, values }: { organisationId: string; id: string; values: Partial<typeof offers.$inferInsert> },
) {
  const [row] = await db
    .update(offers)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(offers.id, id), eq(offers.organisationId, organisationId)))
    .returning()
  return row
}

export async function deleteOfferRow(db: DbOrTx, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(offers)
    .where(and(eq(offers.id, id), eq(offers.organisationId, organisationId)))
    .returning({ id: offers.id })
  return rows.length === 1
}

export async function findOffer(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ offer: offers, organisation: organisations })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(eq(offers.id, id))
  return row
}

export async function listOffersOf(db: DbOrTx, organisationId: string) {
  return db
    .select({ offer: offers, organisation: organisations })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(eq(offers.organisationId, organisationId))
    .orderBy(asc(offers.title))
}

export async function insertNeed(db: DbOrTx, values: typeof needs.$inferInsert): Promise<NeedRow> {
  const [row] = await db.insert(needs).values(values).returning()
  return row!
}

export async function updateNeedRow(
  db: DbOrTx,
  { organisationId, id, values }: { organisationId: string; id: string; values: Partial<typeof needs.$inferInsert> },
) {
  const [row] = await db
    .update(needs)
    .set({ ...values, updatedAt: sql`now()` })
    .where(and(eq(needs.id, id), eq(needs.organisationId, organisationId)))
    .returning()
  return row
}

export async function deleteNeedRow(db: DbOrTx, organisationId: string, id: string): Promise<boolean> {
  const rows = await db
    .delete(needs)
    .where(and(eq(needs.id, id), eq(needs.organisationId, organisationId)))
    .returning({ id: needs.id })
  return rows.length === 1
}

export async function findNeed(db: DbOrTx, id: string) {
  const [row] = await db
    .select({ need: needs, organisation: organisations })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(eq(needs.id, id))
  return row
}

export async function listNeedsOf(db: DbOrTx, organisationId: string) {
  return db
    .select({ need: needs, organisation: organisations })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(eq(needs.organisationId, organisationId))
    .orderBy(asc(needs.title))
}

/** Hubs that validated the organisation: its listings are searchable only then, and those hubs see its selected needs. */
export async function validatingOrganisers(db: DbOrTx, organisationId: string): Promise<string[]> {
  const rows = await db
    .select({ id: affiliations.organiserId })
    .from(affiliations)
    .where(and(eq(affiliations.participantId, organisationId), eq(affiliations.status, 'validated')))
  return rows.map((row) => row.id)
}

export async function listingIdsOf(db: DbOrTx, organisationId: string) {
  const [offerRows, needRows] = await Promise.all([
    db.select({ id: offers.id }).from(offers).where(eq(offers.organisationId, organisationId)),
    db.select({ id: needs.id }).from(needs).where(eq(needs.organisationId, organisationId)),
  ])
  return { offers: offerRows.map((r) => r.id), needs: needRows.map((r) => r.id) }
}

/** Batches of ids for a full reindex, in a stable order. */
export async function idsAfter(
  db: DbOrTx,
  { index, after, limit }: { index: 'offers' | 'needs'; after: string; limit: number },
): Promise<string[]> {
  const table = index === 'offers' ? offers : needs
  const rows = await db
    .select({ id: table.id })
    .from(table)
    .where(sql`${table.id} > ${after}`)
    .orderBy(asc(table.id))
    .limit(limit)
  return rows.map((row) => row.id)
}

export async function countListings(db: DbOrTx, index: 'offers' | 'needs'): Promise<number> {
  const table = index === 'offers' ? offers : needs
  const [row] = await db.select({ n: sql<number>`count(*)::int` }).from(table)
  return row?.n ?? 0
}

export async function existingOrganisations(db: DbOrTx, ids: string[]): Promise<string[]> {
  if (ids.length === 0) return []
  const rows = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(and(inArray(organisations.id, ids), eq(organisations.kind, 'sme')))
  return rows.map((row) => row.id)
}

export async function findOffers(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .select({ listing: offers, organisation: organisations })
    .from(offers)
    .innerJoin(organisations, eq(organisations.id, offers.organisationId))
    .where(inArray(offers.id, ids))
}

export async function findNeeds(db: DbOrTx, ids: string[]) {
  if (ids.length === 0) return []
  return db
    .select({ listing: needs, organisation: organisations })
    .from(needs)
    .innerJoin(organisations, eq(organisations.id, needs.organisationId))
    .where(inArray(needs.id, ids))
}

export async function validatingOrganisersOf(db: DbOrTx, organisationIds: string[]): Promise<Map<string, string[]>> {
  const map = new Map<string, string[]>()
  if (organisationIds.length === 0) return map
  const rows = await db
    .select({ participant: affiliations.participantId, organiser: affiliations.organiserId })
    .from(affiliations)
    .where(and(inArray(affiliations.participantId, organisationIds), eq(affiliations.status, 'validated')))
  for (const row of rows) map.set(row.participant, [...(map.get(row.participant) ?? []), row.organiser])
  return map
}
