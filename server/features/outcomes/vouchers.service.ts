import { eq, sql, type SQL } from 'drizzle-orm'
import {
  VOUCHER_PAGE_SIZE,
  type VoucherAccount,
  type VoucherEdition,
  type VoucherEditionQuery,
} from '../../../shared/schemas/outcomes.js'
import { nameMatches, pageOf } from '../../../shared/paging.js'
import type { AuthContext } from '../../infra/access.js'
import type { DbOrTx } from '../../infra/db.js'
import { storeDocument, type OutcomesDeps } from './contracts.service.js'
import { outcomesProblems as problems } from './outcomes.errors.js'
import { documents, voucherBudgets, voucherClaims } from './outcomes.table.js'

type ClaimInput = {
  editionId: string
  category: 'event_outside_region' | 'coaching'
  amountEur: number
  description: string
}

/** Voucher budgets per SME and edition (events outside the region, coaching), claims with receipts, and their approval. */
export function createVouchersService(deps: OutcomesDeps) {
  const { db, clock, audit } = deps

  async function accounts(tx: DbOrTx, where: SQL): Promise<VoucherAccount[]> {
    const budgets = await tx.execute<{
      edition_id: string
      edition_name: string
      sme_id: string
      sme_name: string
      budget_eur: number
    }>(sql`
      select vb.edition_id, ed.name as edition_name, vb.sme_id, o.legal_name as sme_name, vb.budget_eur
      from voucher_budgets vb join editions ed on ed.id = vb.edition_id join organisations o on o.id = vb.sme_id where ${where} order by ed.name, o.legal_name`)
    const claims = await tx.execute<{
      id: string
      edition_id: string
      sme_id: string
      sme_name: string
      category: string
      amount_eur: number
      description: string
      status: string
      reason: string | null
      receipt_id: string | null
      claimed_at: string
    }>(sql`
      select vc.id, vc.edition_id, vc.sme_id, o.legal_name as sme_name, vc.category, vc.amount_eur, vc.description, vc.status, vc.reason, vc.receipt_id, vc.claimed_at
      from voucher_claims vc join organisations o on o.id = vc.sme_id join voucher_budgets vb on vb.edition_id = vc.edition_id and vb.sme_id = vc.sme_id where ${where} order by vc.claimed_at`)
    return budgets.map((b) => {
      const mine = claims.filter((c) => c.edition_id === b.edition_id && c.sme_id === b.sme_id)
      const total = (status: string) => mine.filter((c) => c.status === status).reduce((s, c) => s + c.amount_eur, 0)
      const [pendingEur, approvedEur] = [total('pending'), total('approved')]
      return {
        editionId: b.edition_id,
        editionName: b.edition_name,
        smeId: b.sme_id,
        smeName: b.sme_name,
        budgetEur: b.budget_eur,
        pendingEur,
        approvedEur,
        remainingEur: b.budget_eur - pendingEur - approvedEur,
        claims: mine.map((c) => ({
          id: c.id,
          editionId: c.edition_id,
          smeId: c.sme_id,
          smeName: c.sme_name,
          category: c.category,
          amountEur: c.amount_eur,
          description: c.description,
          status: c.status,
          reason: c.reason,
          hasReceipt: c.receipt_id !== null,
          claimedAt: new Date(c.claimed_at).toISOString(),
        })),
      }
    })
  }

  async function claimOf(
    tx: DbOrTx,
    { actor, claimId, forUpdate = false }: { actor: AuthContext; claimId: string; forUpdate?: boolean },
  ) {
    const query = tx.select().from(voucherClaims).where(eq(voucherClaims.id, claimId))
    const [claim] = forUpdate ? await query.for('update') : await query
    if (!claim) throw problems.claimNotFound()
    const mine = actor.memberships.map((m) => m.organisationId)
    const organisers = (
      await tx.execute<{ id: string }>(
        sql`select organiser_id as id from edition_organisers where edition_id = ${claim.editionId}`,
      )
    ).map((r) => r.id)
    const hub = organisers.find((id) => mine.includes(id))
    const own = mine.includes(claim.smeId)
    // Who may see the claim at all is its routes' rule (its SME, its edition's hubs, the authority).
    return { claim, hub, own }
  }

  return {
    async setBudget(
      actor: AuthContext,
      { editionId, smeId, budgetEur }: { editionId: string; smeId: string; budgetEur: number },
    ): Promise<VoucherAccount> {
      await db.transaction(async (tx) => {
        const [sme] = await tx.execute<{ ok: boolean }>(
          sql`select exists (select 1 from participations p join events ev on ev.id = p.event_id join organisations o on o.id = p.organisation_id and o.kind = 'sme' where ev.edition_id = ${editionId} and p.organisation_id = ${smeId}) as ok`,
        )
        if (!sme?.ok)
          throw problems.notSme('The SME does not take part in this edition.', [
            { field: 'params.orgId', code: 'participant', message: 'is not an SME of this edition' },
          ])
        // Claims lock the budget row too, so none can slip in between the sum and the new budget.
        await tx
          .select({ budgetEur: voucherBudgets.budgetEur })
          .from(voucherBudgets)
          .where(sql`${voucherBudgets.editionId} = ${editionId} and ${voucherBudgets.smeId} = ${smeId}`)
          .for('update')
        const [used] = await tx.execute<{ n: number }>(
          sql`select coalesce(sum(amount_eur), 0)::int as n from voucher_claims where edition_id = ${editionId} and sme_id = ${smeId} and status <> 'rejected'`,
        )
        if ((used?.n ?? 0) > budgetEur)
          throw problems.noBudget('Claims already exceed that budget.', [
            { field: 'body.budgetEur', code: 'minimum', message: `must be at least ${used!.n}` },
          ])
        await tx
          .insert(voucherBudgets)
          .values({ editionId, smeId, budgetEur, updatedAt: clock.now() })
          .onConflictDoUpdate({
            target: [voucherBudgets.editionId, voucherBudgets.smeId],
            set: { budgetEur, updatedAt: clock.now() },
          })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: smeId,
          action: 'voucher.budget_set',
          subjectType: 'voucher_budget',
          subjectId: smeId,
          after: { editionId, budgetEur },
        })
      })
      return (await accounts(db, sql`vb.edition_id = ${editionId} and vb.sme_id = ${smeId}`))[0]!
    },

    /** Totals of the whole edition, and one page of its accounts, by SME name and whether a claim waits for the hub. */
    async editionVouchers(editionId: string, query: VoucherEditionQuery = {}): Promise<VoucherEdition> {
      const page = query.page ?? 1
      const pageSize = query.pageSize ?? VOUCHER_PAGE_SIZE
      const list = await accounts(db, sql`vb.edition_id = ${editionId}`)
      const named = list.filter((a) => nameMatches(a.smeName, query.q))
      const waiting = named.filter((a) => a.claims.some((c) => c.status === 'pending'))
      const kept = query.pending ? waiting : named
      const sum = (key: 'budgetEur' | 'pendingEur' | 'approvedEur' | 'remainingEur') =>
        list.reduce((s, a) => s + a[key], 0)
      const byCategory: Record<string, number> = { event_outside_region: 0, coaching: 0 }
      for (const claim of list.flatMap((a) => a.claims))
        if (claim.status === 'approved')
          byCategory[claim.category] = (byCategory[claim.category] ?? 0) + claim.amountEur
      const smes = await db.execute<{ id: string; legal_name: string }>(
        sql`select distinct o.id, o.legal_name from participations p join events ev on ev.id = p.event_id join organisations o on o.id = p.organisation_id and o.kind = 'sme' where ev.edition_id = ${editionId} order by o.legal_name`,
      )
      return {
        accounts: pageOf(kept, page, pageSize),
        total: kept.length,
        withPending: waiting.length,
        page,
        pageSize,
        smes: smes.map((row) => ({ id: row.id, legalName: row.legal_name })),
        totals: {
          budgetEur: sum('budgetEur'),
          pendingEur: sum('pendingEur'),
          approvedEur: sum('approvedEur'),
          remainingEur: sum('remainingEur'),
          byCategory,
        },
      }
    },

    organisationVouchers: (smeId: string) => accounts(db, sql`vb.sme_id = ${smeId}`),

    /** A claim must fit in what is left of the budget (pending claims count as spent until decided). */
    async claim(actor: AuthContext, smeId: string, input: ClaimInput): Promise<VoucherAccount> {
      await db.transaction(async (tx) => {
        const [budget] = await tx
          .select()
          .from(voucherBudgets)
          .where(sql`${voucherBudgets.editionId} = ${input.editionId} and ${voucherBudgets.smeId} = ${smeId}`)
          .for('update')
        if (!budget)
          throw problems.noBudget('There is no voucher budget for this edition.', [
            { field: 'body.editionId', code: 'budget', message: 'has no voucher budget for this SME' },
          ])
        const [used] = await tx.execute<{ n: number }>(
          sql`select coalesce(sum(amount_eur), 0)::int as n from voucher_claims where edition_id = ${input.editionId} and sme_id = ${smeId} and status <> 'rejected'`,
        )
        const remaining = budget.budgetEur - (used?.n ?? 0)
        if (input.amountEur > remaining)
          throw problems.noBudget(undefined, [
            { field: 'body.amountEur', code: 'maximum', message: `must be at most ${remaining}` },
          ])
        const [row] = await tx
          .insert(voucherClaims)
          .values({
            ...input,
            description: input.description.trim(),
            smeId,
            claimedBy: actor.userId,
            claimedAt: clock.now(),
          })
          .returning({ id: voucherClaims.id })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: smeId,
          action: 'voucher.claimed',
          subjectType: 'voucher_claim',
          subjectId: row!.id,
          after: input,
        })
      })
      return (await accounts(db, sql`vb.edition_id = ${input.editionId} and vb.sme_id = ${smeId}`))[0]!
    },

    async attachReceipt(
      actor: AuthContext,
      claimId: string,
      file: { bytes: Buffer; fileName?: string | undefined },
    ): Promise<VoucherAccount> {
      const claim = await db.transaction(async (tx) => {
        const { claim, own } = await claimOf(tx, { actor, claimId, forUpdate: true })
        if (!own) throw problems.claimNotFound()
        if (claim.status !== 'pending') throw problems.claimDecided()
        const receiptId = await storeDocument(tx, {
          organisationId: claim.smeId,
          bytes: file.bytes,
          fileName: file.fileName,
          userId: actor.userId,
        })
        await tx.update(voucherClaims).set({ receiptId }).where(eq(voucherClaims.id, claimId))
        return claim
      })
      return (await accounts(db, sql`vb.edition_id = ${claim.editionId} and vb.sme_id = ${claim.smeId}`))[0]!
    },

    /** The SME of a voucher claim (none when there is no such claim). */
    async smeOfClaim(claimId: string): Promise<string[]> {
      const [row] = await db
        .select({ sme: voucherClaims.smeId })
        .from(voucherClaims)
        .where(eq(voucherClaims.id, claimId))
      return row ? [row.sme] : []
    },

    /** The edition of a voucher claim, if there is such a claim. */
    async editionOfClaim(claimId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ editionId: voucherClaims.editionId })
        .from(voucherClaims)
        .where(eq(voucherClaims.id, claimId))
      return row?.editionId
    },

    async receiptOf(actor: AuthContext, claimId: string) {
      const { claim } = await claimOf(db, { actor, claimId })
      const [doc] = claim.receiptId ? await db.select().from(documents).where(eq(documents.id, claim.receiptId)) : []
      if (!doc) throw problems.documentNotFound()
      return doc
    },

    async decide(
      actor: AuthContext,
      claimId: string,
      input: { decision: 'approved' | 'rejected'; reason?: string | undefined },
    ): Promise<VoucherAccount> {
      const claim = await db.transaction(async (tx) => {
        const { claim, hub } = await claimOf(tx, { actor, claimId, forUpdate: true })
        if (!hub) throw problems.claimNotFound()
        if (claim.status !== 'pending') throw problems.claimDecided()
        if (input.decision === 'rejected' && !input.reason?.trim())
          throw problems.reasonRequired(undefined, [
            { field: 'body.reason', code: 'required', message: 'is required to reject' },
          ])
        await tx
          .update(voucherClaims)
          .set({
            status: input.decision,
            reason: input.reason?.trim() || null,
            decidedBy: actor.userId,
            decidedAt: clock.now(),
          })
          .where(eq(voucherClaims.id, claimId))
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: hub,
          action: `voucher.${input.decision}`,
          subjectType: 'voucher_claim',
          subjectId: claimId,
          before: { status: claim.status },
          after: { status: input.decision, reason: input.reason ?? null },
        })
        return claim
      })
      return (await accounts(db, sql`vb.edition_id = ${claim.editionId} and vb.sme_id = ${claim.smeId}`))[0]!
    },
  }
}
export type VouchersService = ReturnType<typeof createVouchersService>
