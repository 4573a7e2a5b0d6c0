import { createHash } from 'node:crypto'
import { and, eq, sql, type SQL } from 'drizzle-orm'
import {
  CONTRACT_PAGE_SIZE,
  type Contract,
  type ContractInput,
  type ContractOverview,
  type ContractOverviewQuery,
} from '../../../shared/schemas/outcomes.js'
import { nameMatches, pageByStatus } from '../../../shared/paging.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { commonProblems } from '../../infra/problems.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import type { Outbox } from '../../infra/outbox.js'
import type { AuditService } from '../audit/audit.service.js'
import { outcomesProblems as problems } from './outcomes.errors.js'
import { contractReportedMail } from './outcomes.mails.js'
import {
  contractMoves,
  MAX_DOCUMENT_BYTES,
  safeFileName,
  sniffDocumentType,
  type ContractStatus,
  type DocumentType,
} from './outcomes.model.js'
import { contracts, contractTrail, documents } from './outcomes.table.js'
import { CONTRACT_STATUSES } from '../../../shared/lifecycles/contracts.js'
import { membersToNotify } from '../organisations/organisations.read.js'

export interface OutcomesDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  publicUrl: string
}

interface ContractRow extends Omit<Contract, 'evidence' | 'trail'> {
  evidenceFileName: string | null
  evidenceType: string | null
  evidenceSize: number | null
  evidenceSha256: string | null
}

const iso = (value: unknown) => (value === null || value === undefined ? null : new Date(value as string).toISOString())

function toDto(row: ContractRow): Contract {
  const { evidenceFileName, evidenceType, evidenceSize, evidenceSha256, ...rest } = row
  return {
    ...rest,
    reportedAt: iso(row.reportedAt)!,
    confirmedAt: iso(row.confirmedAt),
    decidedAt: iso(row.decidedAt),
    evidence: evidenceFileName
      ? { fileName: evidenceFileName, type: evidenceType!, size: evidenceSize!, sha256: evidenceSha256! }
      : null,
  }
}

/** Checks an uploaded file: size, and the type its first bytes show. */
export function checkDocument(bytes: unknown): DocumentType {
  if (!Buffer.isBuffer(bytes))
    throw problems.badDocument('Send the file itself as the body.', [
      { field: 'body', code: 'type', message: 'is not a PDF, PNG or JPEG file' },
    ])
  if (bytes.length === 0)
    throw problems.badDocument('The file is empty.', [{ field: 'body', code: 'type', message: 'is empty' }])
  if (bytes.length > MAX_DOCUMENT_BYTES)
    throw problems.documentTooLarge(
      undefined,
      [{ field: 'body', code: 'maxSize', message: `is larger than ${MAX_DOCUMENT_BYTES} bytes` }],
      { limitMb: Math.round(MAX_DOCUMENT_BYTES / 1024 / 1024) },
    )
  const type = sniffDocumentType(bytes)
  if (!type)
    throw problems.badDocument(undefined, [{ field: 'body', code: 'type', message: 'is not a PDF, PNG or JPEG file' }])
  return type
}

export async function storeDocument(
  tx: DbOrTx,
  input: { organisationId: string; bytes: Buffer; fileName?: string | undefined; userId: string },
) {
  const type = checkDocument(input.bytes)
  const sha256 = createHash('sha256').update(input.bytes).digest('hex')
  const [row] = await tx
    .insert(documents)
    .values({
      organisationId: input.organisationId,
      fileName: safeFileName(input.fileName, type),
      type,
      size: input.bytes.length,
      sha256,
      content: input.bytes,
      uploadedBy: input.userId,
    })
    .returning({ id: documents.id })
  return row!.id
}

export function createContractsService(deps: OutcomesDeps) {
  const { db, clock, audit } = deps
  const memberOf = (actor: AuthContext) => actor.memberships.map((m) => m.organisationId)

  async function organisersOf(tx: DbOrTx, editionId: string): Promise<string[]> {
    const rows = await tx.execute<{ id: string }>(
      sql`select organiser_id as id from edition_organisers where edition_id = ${editionId}`,
    )
    return rows.map((r) => r.id)
  }

  async function select(tx: DbOrTx, where: SQL): Promise<Contract[]> {
    const rows = await tx.execute<ContractRow & Record<string, unknown>>(sql`
      select c.id, c.edition_id as "editionId", ed.name as "editionName", c.event_id as "eventId", ev.name as "eventName", c.request_id as "requestId", c.meeting_id as "meetingId",
        c.sme_id as "smeId", s.legal_name as "smeName", c.buyer_id as "buyerId", b.legal_name as "buyerName", c.reported_by_organisation_id as "reportedByOrganisationId",
        c.title, c.kind, c.signed_on::text as "signedOn", c.value_eur::float8 as "valueEur", c.status, c.reported_at as "reportedAt", c.confirmed_at as "confirmedAt",
        c.decided_at as "decidedAt", c.decision_note as "decisionNote", d.file_name as "evidenceFileName", d.type as "evidenceType", d.size as "evidenceSize", d.sha256 as "evidenceSha256"
      from contracts c join editions ed on ed.id = c.edition_id join organisations s on s.id = c.sme_id join organisations b on b.id = c.buyer_id
      left join events ev on ev.id = c.event_id left join documents d on d.id = c.evidence_id
      where ${where} order by c.signed_on desc, c.reported_at desc`)
    return rows.map((row) => toDto(row))
  }

  async function trailOf(tx: DbOrTx, contractId: string) {
    const rows = await tx.execute<{
      action: string
      actorName: string | null
      organisationName: string | null
      note: string | null
      at: string
    }>(sql`
      select t.action, u.name as "actorName", o.legal_name as "organisationName", t.note, t.at
      from contract_trail t left join users u on u.id = t.actor_user_id left join organisations o on o.id = t.actor_organisation_id
      where t.contract_id = ${contractId} order by t.at, t.id`)
    return rows.map((r) => ({ ...r, at: iso(r.at)! }))
  }

  async function step(
    tx: DbOrTx,
    input: {
      contractId: string
      action: string
      actor: AuthContext
      organisationId: string | null
      note?: string | null | undefined
      before?: unknown
      after?: unknown
    },
  ) {
    await tx.insert(contractTrail).values({
      contractId: input.contractId,
      action: input.action,
      actorUserId: input.actor.userId,
      actorOrganisationId: input.organisationId,
      note: input.note ?? null,
      at: clock.now(),
    })
    await audit.record(tx, {
      actorUserId: input.actor.userId,
      organisationId: input.organisationId,
      action: `contract.${input.action}`,
      subjectType: 'contract',
      subjectId: input.contractId,
      before: input.before ?? null,
      after: input.after ?? null,
    })
  }

  /** The contract as the caller may see it: a party, a hub of its edition or the authority; anyone else gets a 404. */
  async function visible(
    tx: DbOrTx,
    { actor, contractId, forUpdate = false }: { actor: AuthContext; contractId: string; forUpdate?: boolean },
  ) {
    const query = tx.select().from(contracts).where(eq(contracts.id, contractId))
    const [row] = forUpdate ? await query.for('update') : await query
    if (!row) throw problems.contractNotFound()
    const mine = memberOf(actor)
    const party = [row.smeId, row.buyerId].find((id) => mine.includes(id))
    const hub = (await organisersOf(tx, row.editionId)).find((id) => mine.includes(id))
    // Who may see the contract at all is its routes' rule (its sides, its edition's hubs, the authority).
    return { row, party, hub }
  }

  /** Where the contract came from: the accepted request (and its meeting), else the event, else the edition. */
  async function originOf(
    tx: DbOrTx,
    { input, smeId, buyerId }: { input: ContractInput; smeId: string; buyerId: string },
  ) {
    const bad = (field: string, message: string) =>
      problems.badOrigin(`${field} ${message}`, [{ field: `body.${field}`, code: 'origin', message }])
    let eventId = input.eventId ?? null
    let meetingId: string | null = null
    if (input.requestId) {
      const [request] = await tx.execute<{
        event_id: string
        status: string
        pair: boolean
        meeting_id: string | null
      }>(sql`
        select r.event_id, r.status, (least(r.from_organisation_id, r.to_organisation_id) = least(${smeId}::uuid, ${buyerId}::uuid) and greatest(r.from_organisation_id, r.to_organisation_id) = greatest(${smeId}::uuid, ${buyerId}::uuid)) as pair,
          (select m.id from meetings m where m.request_id = r.id) as meeting_id
        from meeting_requests r where r.id = ${input.requestId}`)
      if (!request || !request.pair) throw bad('requestId', 'is not a meeting request between these two organisations')
      if (request.status !== 'accepted') throw bad('requestId', 'is not an accepted meeting request')
      if (eventId && eventId !== request.event_id) throw bad('eventId', 'is not the event of the meeting request')
      eventId = request.event_id
      meetingId = request.meeting_id
    }
    let editionId = input.editionId ?? null
    if (eventId) {
      const [event] = await tx.execute<{ edition_id: string }>(sql`select edition_id from events where id = ${eventId}`)
      if (!event) throw bad('eventId', 'is not an event')
      if (editionId && editionId !== event.edition_id) throw bad('editionId', 'is not the edition of the event')
      editionId = event.edition_id
    }
    if (!editionId) throw bad('editionId', 'is required when no event or meeting is named')
    const [took] = await tx.execute<{ ok: boolean }>(
      sql`select exists (select 1 from participations p join events ev on ev.id = p.event_id where ev.edition_id = ${editionId} and p.organisation_id in (${smeId}, ${buyerId})) as ok`,
    )
    if (!took?.ok) throw bad('editionId', 'is not an edition either side took part in')
    return { editionId, eventId, meetingId, requestId: input.requestId ?? null }
  }

  async function notifyCounterpart(
    tx: DbOrTx,
    {
      counterpartId,
      reporter,
      contractId,
      title,
    }: { counterpartId: string; reporter: string; contractId: string; title: string },
  ) {
    const people = await membersToNotify(tx, [counterpartId])
    for (const person of people) {
      await deps.outbox.enqueue(tx, MAIL_TOPIC, {
        ...contractReportedMail({
          to: person.email,
          name: person.name,
          language: person.language,
          reporter,
          title,
          url: `${deps.publicUrl}/organisations/${counterpartId}/contracts?contract=${contractId}`,
        }),
      })
    }
  }

  return {
    /** An SME or a buyer reports a contract signed with the other side; the other side is asked to confirm. */
    async reportContract(actor: AuthContext, organisationId: string, input: ContractInput): Promise<Contract> {
      return db.transaction(async (tx) => {
        const parties = await tx.execute<{ id: string; kind: string; legal_name: string }>(
          sql`select id, kind, legal_name from organisations where id in (${organisationId}, ${input.counterpartId})`,
        )
        const me = parties.find((p) => p.id === organisationId)
        const other = parties.find((p) => p.id === input.counterpartId)
        const kinds = new Set([me?.kind, other?.kind])
        if (!me || !other || !kinds.has('sme') || !kinds.has('buyer'))
          throw problems.wrongParties(undefined, [
            {
              field: 'body.counterpartId',
              code: 'kind',
              message: me?.kind === 'buyer' ? 'must be an SME' : 'must be a buyer',
            },
          ])
        if (input.signedOn > clock.now().toISOString().slice(0, 10))
          throw commonProblems.validation('A contract is reported once it is signed.', [
            { field: 'body.signedOn', code: 'future', message: 'must not be in the future' },
          ])
        const [smeId, buyerId] = me.kind === 'sme' ? [me.id, other.id] : [other.id, me.id]
        const origin = await originOf(tx, { input, smeId, buyerId })
        const [row] = await tx
          .insert(contracts)
          .values({
            ...origin,
            smeId,
            buyerId,
            reportedByOrganisationId: organisationId,
            title: input.title.trim(),
            kind: input.kind,
            signedOn: input.signedOn,
            valueEur: input.valueEur,
            reportedBy: actor.userId,
            reportedAt: clock.now(),
          })
          .returning({ id: contracts.id })
        await step(tx, { contractId: row!.id, action: 'reported', actor, organisationId, after: { ...input } })
        await notifyCounterpart(tx, {
          counterpartId: other.id,
          reporter: me.legal_name,
          contractId: row!.id,
          title: input.title.trim(),
        })
        return (await select(tx, sql`c.id = ${row!.id}`))[0]!
      })
    },

    async listForOrganisation(organisationId: string): Promise<Contract[]> {
      return select(db, sql`(c.sme_id = ${organisationId} or c.buyer_id = ${organisationId})`)
    },

    async listForEdition(editionId: string, status?: ContractStatus): Promise<Contract[]> {
      return select(db, sql`c.edition_id = ${editionId} ${status ? sql`and c.status = ${status}` : sql``}`)
    },

    /** The hub's verification list: by status and by either side's name or the title, one page, with counts. */
    async overviewForEdition(editionId: string, query: ContractOverviewQuery): Promise<ContractOverview> {
      const named = (await this.listForEdition(editionId)).filter(
        (c) => !query.q?.trim() || [c.smeName, c.buyerName, c.title].some((name) => nameMatches(name, query.q)),
      )
      return pageByStatus(named, CONTRACT_STATUSES, query, CONTRACT_PAGE_SIZE)
    },

    async getContract(actor: AuthContext, contractId: string): Promise<Contract> {
      await visible(db, { actor, contractId })
      const [contract] = await select(db, sql`c.id = ${contractId}`)
      return { ...contract!, trail: await trailOf(db, contractId) }
    },

    /** The side that did not report it confirms the contract. */
    async confirmContract(actor: AuthContext, contractId: string): Promise<Contract> {
      await db.transaction(async (tx) => {
        const { row, party } = await visible(tx, { actor, contractId, forUpdate: true })
        const counterpart = row.reportedByOrganisationId === row.smeId ? row.buyerId : row.smeId
        if (party !== counterpart && !memberOf(actor).includes(counterpart)) throw problems.notCounterpart()
        if (!contractMoves(row.status).confirm)
          throw problems.illegalMove(`A ${row.status} contract cannot be confirmed.`)
        await tx
          .update(contracts)
          .set({ status: 'confirmed', confirmedBy: actor.userId, confirmedAt: clock.now() })
          .where(eq(contracts.id, contractId))
        await step(tx, {
          contractId,
          action: 'confirmed',
          actor,
          organisationId: counterpart,
          before: { status: row.status },
          after: { status: 'confirmed' },
        })
      })
      return this.getContract(actor, contractId)
    },

    /** A hub of the edition verifies a confirmed contract with evidence, or rejects it with a note. */
    async decideContract(
      actor: AuthContext,
      contractId: string,
      input: { decision: 'verified' | 'rejected'; note?: string | undefined },
    ): Promise<Contract> {
      await db.transaction(async (tx) => {
        const { row, hub } = await visible(tx, { actor, contractId, forUpdate: true })
        if (!hub) throw problems.contractNotFound()
        const moves = contractMoves(row.status)
        if (input.decision === 'verified' && !moves.verify)
          throw problems.illegalMove(
            row.status === 'reported'
              ? 'The other side must confirm the contract before it is verified.'
              : `A ${row.status} contract cannot be verified.`,
          )
        if (input.decision === 'rejected' && !moves.reject)
          throw problems.illegalMove(`A ${row.status} contract cannot be rejected.`)
        if (input.decision === 'verified' && !row.evidenceId) throw problems.evidenceMissing()
        if (input.decision === 'rejected' && !input.note?.trim())
          throw problems.illegalMove('Say why the contract is rejected.', [
            { field: 'body.note', code: 'required', message: 'is required to reject' },
          ])
        await tx
          .update(contracts)
          .set({
            status: input.decision,
            decidedBy: actor.userId,
            decidedAt: clock.now(),
            decisionNote: input.note?.trim() || null,
          })
          .where(eq(contracts.id, contractId))
        await step(tx, {
          contractId,
          action: input.decision,
          actor,
          organisationId: hub,
          note: input.note ?? null,
          before: { status: row.status },
          after: { status: input.decision },
        })
      })
      return this.getContract(actor, contractId)
    },

    /** Either side attaches the evidence document (replacing an earlier one) until the contract is decided. */
    async attachEvidence(
      actor: AuthContext,
      contractId: string,
      file: { bytes: Buffer; fileName?: string | undefined },
    ): Promise<Contract> {
      await db.transaction(async (tx) => {
        const { row, party } = await visible(tx, { actor, contractId, forUpdate: true })
        if (!party) throw problems.notCounterpart('Only the two sides of the contract attach its evidence.')
        if (row.status === 'verified' || row.status === 'rejected')
          throw problems.illegalMove(`A ${row.status} contract keeps its evidence.`)
        const type = checkDocument(file.bytes)
        const evidenceId = await storeDocument(tx, {
          organisationId: party,
          bytes: file.bytes,
          fileName: file.fileName,
          userId: actor.userId,
        })
        await tx.update(contracts).set({ evidenceId }).where(eq(contracts.id, contractId))
        await step(tx, {
          contractId,
          action: 'evidence_attached',
          actor,
          organisationId: party,
          note: safeFileName(file.fileName, type),
        })
      })
      return this.getContract(actor, contractId)
    },

    /** The two sides of a contract (none when there is no such contract). */
    async partiesOfContract(contractId: string): Promise<string[]> {
      const [row] = await db
        .select({ sme: contracts.smeId, buyer: contracts.buyerId })
        .from(contracts)
        .where(eq(contracts.id, contractId))
      return row ? [row.sme, row.buyer] : []
    },

    /** The edition of a contract, if there is such a contract. */
    async editionOfContract(contractId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ editionId: contracts.editionId })
        .from(contracts)
        .where(eq(contracts.id, contractId))
      return row?.editionId
    },

    async evidenceOf(actor: AuthContext, contractId: string) {
      const { row } = await visible(db, { actor, contractId })
      if (!row.evidenceId) throw problems.documentNotFound()
      const [doc] = await db
        .select()
        .from(documents)
        .where(and(eq(documents.id, row.evidenceId)))
      if (!doc) throw problems.documentNotFound()
      return doc
    },
  }
}
export type ContractsService = ReturnType<typeof createContractsService>
