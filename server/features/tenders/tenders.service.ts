import JSZip from 'jszip'
import { nameMatches, pageByStatus } from '../../../shared/paging.js'
import {
  TENDER_PAGE_SIZE,
  TENDER_STATUSES,
  type TenderListQuery,
  type TenderLotView,
  type TenderPage,
  type TenderStatus,
  type TenderSummary,
} from '../../../shared/schemas/tenders.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { commonProblems } from '../../infra/problems.js'
import type { CatalogueService } from '../catalogue/catalogue.service.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import {
  parseNotice,
  preferred,
  tedUrlOf,
  type Notice,
  type NoticeLot,
  type Refusal,
  type RefusalCode,
} from './eforms.model.js'
import * as repo from './tenders.repository.js'

/**
 * Public tenders from TED eForms notices: each notice is imported in a
 * transaction of its own, so a file never half-imports; a notice version
 * already imported changes nothing; a change notice updates the lots it
 * changes and a cancellation archives them. The preview runs the very same
 * import and rolls it back.
 */

export interface NoticeFile {
  name: string
  /** The XML text, or a zip (of XML files) as base64. */
  content: string
  /** Where the file came from TED: its publication number, for a notice whose XML does not say it. */
  publicationNumber?: string
}

export type LotAction = 'added' | 'updated' | 'unchanged' | 'archived'
export type NoticeOutcome = 'created' | 'updated' | 'cancelled' | 'unchanged' | 'refused'

export interface NoticeReport {
  file: string
  noticeId: string | null
  version: string | null
  outcome: NoticeOutcome
  form?: Notice['form']
  buyer?: string
  title?: string
  lots: { lotId: string; title: string; cpv: string; deadline: string | null; action: LotAction }[]
  refusal?: Omit<Refusal, 'noticeId'> | { code: 'unknown_change'; field: string; message: string }
}

export type ImportActor = { userId: string | null }

export interface TenderFacts {
  form: Notice['form']
  deadlineAt: string | null
  tedUrl: string | null
}

export const MAX_NOTICE_FILES = 500

class Refused extends Error {
  constructor(readonly refusal: NonNullable<NoticeReport['refusal']>) {
    super(refusal.message)
  }
}

class DryRun extends Error {
  constructor(readonly reports: NoticeReport[]) {
    super('dry run')
  }
}

const badFile = (index: number, message: string) =>
  commonProblems.validation(`Check body.files.${index}.content`, [
    { field: `body.files.${index}.content`, code: 'file', message },
  ])

/** The XML files of an upload: XML as sent, each XML file of a zip named `archive.zip/inner.xml`. */
export async function xmlFilesOf(
  files: NoticeFile[],
): Promise<{ name: string; xml: string; publicationNumber?: string | undefined }[]> {
  const out: { name: string; xml: string; publicationNumber?: string | undefined }[] = []
  for (const [index, file] of files.entries()) {
    if (!/\.zip$/i.test(file.name)) {
      out.push({ name: file.name, xml: file.content, publicationNumber: file.publicationNumber })
      continue
    }
    let zip: JSZip
    try {
      zip = await JSZip.loadAsync(Buffer.from(file.content, 'base64'))
    } catch {
      throw badFile(index, 'is not a zip archive')
    }
    const entries = Object.values(zip.files).filter((entry) => !entry.dir && /\.xml$/i.test(entry.name))
    if (entries.length === 0) throw badFile(index, 'holds no XML file')
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name)))
      out.push({ name: `${file.name}/${entry.name}`, xml: await entry.async('string') })
  }
  if (out.length > MAX_NOTICE_FILES) throw badFile(0, `holds more than ${MAX_NOTICE_FILES} notices: send them in parts`)
  return out
}

const deadlineDay = (at: string | undefined) => at?.slice(0, 10) ?? null

function needOf(lot: NoticeLot, notice: Notice, cancelled: boolean) {
  const languages = notice.languages
  const language = languages.find((l) => lot.title[l] !== undefined) ?? Object.keys(lot.title)[0] ?? languages[0]!
  const title = lot.title[language] ?? preferred(notice.title, languages) ?? lot.lotId
  return {
    title,
    description: lot.description[language] ?? preferred(lot.description, languages) ?? title,
    language,
    cpvCodes: [lot.cpvMain, ...lot.cpvExtra],
    deadline: deadlineDay(lot.deadline?.at),
    status: cancelled ? ('archived' as const) : ('published' as const),
  }
}

const lotValues = (lot: NoticeLot) => ({
  title: lot.title,
  description: lot.description,
  places: lot.places,
  countries: lot.countries,
  estimatedValue: lot.estimatedValue?.amount ?? null,
  currency: lot.estimatedValue?.currency ?? null,
  deadlineAt: lot.deadline ? new Date(lot.deadline.at) : null,
  deadlineKind: lot.deadline?.kind ?? null,
})

const sameLot = (row: repo.TenderLotRow, values: ReturnType<typeof lotValues>) =>
  JSON.stringify([row.title, row.description, row.places, row.countries, row.currency, row.deadlineKind]) ===
    JSON.stringify([
      values.title,
      values.description,
      values.places,
      values.countries,
      values.currency,
      values.deadlineKind,
    ]) &&
  Number(row.estimatedValue ?? NaN) === Number(values.estimatedValue ?? NaN) &&
  (row.deadlineAt?.getTime() ?? null) === (values.deadlineAt?.getTime() ?? null)

/** Open while a lot's deadline is ahead (or none is set); closed once every deadline has passed. */
function statusOf(tender: repo.TenderRow, lots: repo.TenderLotRow[], now: Date): TenderStatus {
  if (tender.status === 'cancelled') return 'cancelled'
  return lots.length > 0 && lots.every((lot) => lot.deadlineAt && lot.deadlineAt <= now) ? 'closed' : 'open'
}

function toSummary(
  { tender, lots }: { tender: repo.TenderRow; lots: repo.TenderLotRow[] },
  { buyer, statuses, now }: { buyer: { id: string; legalName: string }; statuses: Map<string, string>; now: Date },
): TenderSummary {
  const live = lots.filter((lot) => statuses.get(lot.needId) === 'published')
  const next = live
    .map((lot) => lot.deadlineAt)
    .filter((at): at is Date => !!at && at > now)
    .sort((a, b) => a.getTime() - b.getTime())[0]
  return {
    id: tender.id,
    title: tender.title,
    languages: tender.languages,
    buyer,
    form: tender.form,
    status: statusOf(tender, live, now),
    tedUrl: tedUrlOf(tender.publicationNumber),
    publicationNumber: tender.publicationNumber,
    issueDate: tender.issueDate,
    contact: tender.contact,
    nextDeadline: next?.toISOString() ?? null,
    lots: lots.map((lot) => ({
      lotId: lot.lotId,
      needId: lot.needId,
      title: lot.title,
      places: lot.places,
      estimatedValue: lot.estimatedValue === null ? null : Number(lot.estimatedValue),
      currency: lot.currency,
      deadlineAt: lot.deadlineAt?.toISOString() ?? null,
      deadlineKind: (lot.deadlineKind as TenderSummary['lots'][number]['deadlineKind']) ?? null,
      archived: statuses.get(lot.needId) !== 'published',
    })),
  }
}

/** The next deadline first (those without one after), then the newest notice. */
const byUrgency = (a: TenderSummary, b: TenderSummary) =>
  (a.nextDeadline ?? '~').localeCompare(b.nextDeadline ?? '~') || b.issueDate.localeCompare(a.issueDate)

export function createTendersService(deps: {
  db: Database
  clock: Clock
  organisations: Pick<OrganisationsService, 'publicBuyerFor' | 'publicBuyersOf'>
  catalogue: Pick<CatalogueService, 'writeImportedNeed' | 'needStatuses' | 'viewNeed'>
}) {
  const { db } = deps

  /** Which tender a notice belongs to, if any: the notice it changes, an earlier version, or its procedure. */
  async function tenderOf(tx: DbOrTx, notice: Notice, earlier: { tenderId: string } | undefined) {
    if (notice.change) {
      const [changed] = await repo.importedVersions(tx, notice.change.noticeId)
      if (!changed)
        throw new Refused({
          code: 'unknown_change',
          field: 'BT-758-notice',
          message: `It changes notice ${notice.change.noticeId}-${notice.change.version}, which is not imported: import that notice first`,
        })
      const tender = await repo.findTender(tx, changed.tenderId)
      if (tender?.procedureId && notice.procedureId && tender.procedureId !== notice.procedureId)
        throw new Refused({
          code: 'invalid_field',
          field: 'BT-04-notice',
          message: `The procedure identifier ${notice.procedureId} differs from ${tender.procedureId}, that of the notice it changes`,
        })
      return tender
    }
    if (earlier) return repo.findTender(tx, earlier.tenderId)
    return notice.procedureId ? repo.findByProcedure(tx, notice.procedureId) : undefined
  }

  async function apply(
    tx: DbOrTx,
    actor: ImportActor,
    { organiserId, file, notice }: { organiserId: string; file: string; notice: Notice },
  ): Promise<NoticeReport> {
    const base = { file, noticeId: notice.noticeId, version: notice.version, form: notice.form }
    const buyer = await deps.organisations.publicBuyerFor(tx, actor, {
      organiserId,
      buyer: { legalName: notice.buyer.name, country: notice.buyer.country, nuts2: notice.buyer.nuts2 },
    })
    const title = preferred(notice.title, notice.languages) ?? preferred(notice.lots[0]!.title, notice.languages) ?? ''
    const summary = { ...base, buyer: buyer.legalName, title }
    const [latest] = await repo.importedVersions(tx, notice.noticeId)
    if (latest && latest.version >= notice.version)
      return {
        ...summary,
        outcome: 'unchanged',
        lots: notice.lots.map((lot) => ({
          lotId: lot.lotId,
          title: needOf(lot, notice, false).title,
          cpv: lot.cpvMain,
          deadline: lot.deadline?.at ?? null,
          action: 'unchanged' as const,
        })),
      }
    const cancelled = notice.change?.cancel ?? false
    const found = await tenderOf(tx, notice, latest)
    const values = {
      noticeId: notice.noticeId,
      noticeVersion: notice.version,
      procedureId: notice.procedureId ?? found?.procedureId ?? null,
      form: notice.form,
      noticeType: notice.noticeType,
      subtype: notice.subtype,
      sdkVersion: notice.sdkVersion,
      languages: notice.languages,
      title: notice.title,
      description: notice.description,
      contact: notice.buyer.contact,
      issueDate: notice.issueDate,
      plannedDate: notice.plannedDate,
      publicationNumber: notice.publicationNumber,
      status: cancelled ? ('cancelled' as const) : ('open' as const),
    }
    const tender = found ?? (await repo.insertTender(tx, { ...values, buyerId: buyer.id }))
    if (found) await repo.updateTender(tx, found.id, values)
    await repo.recordNotice(tx, {
      noticeId: notice.noticeId,
      version: notice.version,
      tenderId: tender.id,
      role: cancelled ? 'cancellation' : notice.change ? 'change' : 'original',
      importedBy: actor.userId,
    })
    const existing = new Map((await repo.lotsOf(tx, tender.id)).map((row) => [row.lotId, row]))
    const lots: NoticeReport['lots'] = []
    for (const lot of notice.lots) {
      const row = existing.get(lot.lotId)
      const values = needOf(lot, notice, cancelled)
      const need = await deps.catalogue.writeImportedNeed(tx, actor, {
        organisationId: tender.buyerId,
        id: row?.needId,
        values,
      })
      const lotRow = lotValues(lot)
      const action: LotAction = !row
        ? 'added'
        : cancelled
          ? 'archived'
          : need.changed || !sameLot(row, lotRow)
            ? 'updated'
            : 'unchanged'
      if (!row || !sameLot(row, lotRow))
        await repo.writeLot(tx, { tenderId: tender.id, lotId: lot.lotId, needId: need.id, ...lotRow })
      lots.push({
        lotId: lot.lotId,
        title: values.title,
        cpv: lot.cpvMain,
        deadline: lot.deadline?.at ?? null,
        action,
      })
    }
    // Lots a change notice no longer lists are withdrawn: their needs are archived.
    for (const row of existing.values()) {
      if (notice.lots.some((lot) => lot.lotId === row.lotId)) continue
      await deps.catalogue.writeImportedNeed(tx, actor, {
        organisationId: tender.buyerId,
        id: row.needId,
        values: { status: 'archived' },
      })
      lots.push({
        lotId: row.lotId,
        title: preferred(row.title, notice.languages) ?? row.lotId,
        cpv: '',
        deadline: null,
        action: 'archived',
      })
    }
    return { ...summary, outcome: cancelled ? 'cancelled' : found ? 'updated' : 'created', lots }
  }

  /** Reads every file, then applies originals before the notices that change them. */
  async function run(
    files: NoticeFile[],
    each: (item: { file: string; notice: Notice }) => Promise<NoticeReport>,
  ): Promise<NoticeReport[]> {
    const parsed = (await xmlFilesOf(files)).map(({ name, xml, publicationNumber }) => {
      const result = parseNotice(xml)
      if (result.ok && publicationNumber) result.notice.publicationNumber ??= publicationNumber
      return { name, result }
    })
    const reports = new Map<number, NoticeReport>()
    const order = parsed
      .map((item, index) => ({ ...item, index }))
      .sort((a, b) => {
        const rank = (item: typeof a) => (item.result.ok ? (item.result.notice.change ? 1 : 0) : -1)
        return (
          rank(a) - rank(b) ||
          (a.result.ok && b.result.ok ? a.result.notice.issueDate.localeCompare(b.result.notice.issueDate) : 0)
        )
      })
    for (const item of order) {
      if (!item.result.ok) {
        const { noticeId, ...refusal } = item.result.refusal
        reports.set(item.index, { file: item.name, noticeId, version: null, outcome: 'refused', lots: [], refusal })
        continue
      }
      const notice = item.result.notice
      try {
        reports.set(item.index, await each({ file: item.name, notice }))
      } catch (error) {
        if (!(error instanceof Refused)) throw error
        reports.set(item.index, {
          file: item.name,
          noticeId: notice.noticeId,
          version: notice.version,
          outcome: 'refused',
          form: notice.form,
          lots: [],
          refusal: error.refusal,
        })
      }
    }
    return parsed.map((_, index) => reports.get(index)!)
  }

  return {
    /** The tender a need belongs to, for whoever may see the need (else the need's own not-found problem). */
    async tenderOfNeed(viewer: AuthContext, needId: string): Promise<TenderLotView | null> {
      await deps.catalogue.viewNeed(viewer, needId)
      const row = await repo.lotOfNeed(db, needId)
      if (!row) return null
      const { lot, tender } = row
      const now = deps.clock.now()
      return {
        form: tender.form,
        status: statusOf(tender, [lot], now),
        lotId: lot.lotId,
        languages: tender.languages,
        title: lot.title,
        description: lot.description,
        places: lot.places,
        estimatedValue: lot.estimatedValue === null ? null : Number(lot.estimatedValue),
        currency: lot.currency,
        deadlineAt: lot.deadlineAt?.toISOString() ?? null,
        deadlineKind: (lot.deadlineKind as TenderLotView['deadlineKind']) ?? null,
        tedUrl: tedUrlOf(tender.publicationNumber),
        publicationNumber: tender.publicationNumber,
        contact: tender.contact,
      }
    },

    /** What other features show of needs that are lots of public tenders: the exact deadline and the notice on TED. */
    async tenderFactsOf(needIds: string[]): Promise<Map<string, TenderFacts>> {
      const rows = await repo.lotsOfNeeds(db, needIds)
      return new Map(
        rows.map((row) => [
          row.needId,
          {
            form: row.form,
            deadlineAt: row.deadlineAt?.toISOString() ?? null,
            tedUrl: tedUrlOf(row.publicationNumber),
          },
        ]),
      )
    },

    /** The tenders of the public buyers the hub validated: by status, the most urgent first, a page at a time. */
    async listForHub(organiserId: string, query: TenderListQuery): Promise<TenderPage> {
      const buyers = new Map((await deps.organisations.publicBuyersOf(organiserId)).map((b) => [b.id, b]))
      const rows = await repo.tendersOfBuyers(db, [...buyers.keys()])
      const statuses = await deps.catalogue.needStatuses(rows.flatMap((row) => row.lots.map((lot) => lot.needId)))
      const now = deps.clock.now()
      const summaries = rows
        .map((row) => toSummary(row, { buyer: buyers.get(row.tender.buyerId)!, statuses, now }))
        .filter(
          (summary) =>
            nameMatches(summary.buyer.legalName, query.q) ||
            Object.values(summary.title).some((title) => nameMatches(title, query.q)),
        )
      return pageByStatus(summaries.sort(byUrgency), TENDER_STATUSES, query, TENDER_PAGE_SIZE)
    },

    /** Imports each notice in its own transaction: a refused notice leaves nothing behind, the others land. */
    async importNotices(actor: ImportActor, organiserId: string, files: NoticeFile[]): Promise<NoticeReport[]> {
      return run(files, (item) => db.transaction((tx) => apply(tx, actor, { organiserId, ...item })))
    },

    /** What importing would do, notice by notice and lot by lot; nothing is kept. */
    async preview(actor: ImportActor, organiserId: string, files: NoticeFile[]): Promise<NoticeReport[]> {
      try {
        await db.transaction(async (tx) => {
          throw new DryRun(
            await run(files, (item) =>
              tx.transaction((savepoint) => apply(savepoint, actor, { organiserId, ...item })),
            ),
          )
        })
      } catch (error) {
        if (error instanceof DryRun) return error.reports
        throw error
      }
      throw new Error('unreachable: the dry run always rolls back')
    },
  }
}
export type TendersService = ReturnType<typeof createTendersService>
export type { RefusalCode }
