import { and, eq, sql } from 'drizzle-orm'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { attachment, csvFile, xlsxFile, type ExportLanguage } from '../../infra/spreadsheets.js'
import { commonProblems } from '../../infra/problems.js'
import type { AuditService } from '../audit/audit.service.js'
import { eventOf } from '../events/events.read.js'
import { organisations } from '../organisations/organisations.table.js'
import { participations } from './participation.table.js'
import { checkRecord, parseCsv, parseXlsx, type TargetingRow } from './targeting.model.js'

export interface TargetingFile {
  format: 'csv' | 'xlsx'
  /** CSV as text, XLSX as base64. */
  content: string
}

export interface PreviewRow extends Omit<TargetingRow, 'normalised'> {
  action: 'create' | 'add' | 'already' | 'invalid'
  organisationId?: string
}

export function createTargetingService(deps: { db: Database; clock: Clock; audit: Pick<AuditService, 'record'> }) {
  const { db, clock } = deps

  async function readFile(file: TargetingFile) {
    try {
      const records =
        file.format === 'csv' ? parseCsv(file.content) : await parseXlsx(Buffer.from(file.content, 'base64'))
      return records.map(checkRecord)
    } catch (error) {
      throw commonProblems.validation('The file cannot be read', [
        { field: 'body.content', code: 'file', message: error instanceof Error ? error.message : 'unreadable' },
      ])
    }
  }

  /** The organisation a row names: same VAT number, or same name and kind. */
  async function findExisting(tx: DbOrTx, row: NonNullable<TargetingRow['normalised']>) {
    const [found] = await tx
      .select({ id: organisations.id })
      .from(organisations)
      .where(
        row.vatId
          ? eq(organisations.vatId, row.vatId)
          : and(eq(organisations.kind, row.kind), sql`lower(${organisations.legalName}) = lower(${row.legalName})`),
      )
      .limit(1)
    return found?.id
  }

  async function plan(
    tx: DbOrTx,
    eventId: string,
    rows: TargetingRow[],
  ): Promise<(PreviewRow & { normalised?: TargetingRow['normalised'] })[]> {
    const planned = []
    for (const row of rows) {
      if (!row.normalised) {
        planned.push({ ...row, action: 'invalid' as const })
        continue
      }
      const organisationId = await findExisting(tx, row.normalised)
      const [existing] = organisationId
        ? await tx
            .select({ id: participations.id })
            .from(participations)
            .where(and(eq(participations.eventId, eventId), eq(participations.organisationId, organisationId)))
        : []
      planned.push({
        ...row,
        action: existing ? ('already' as const) : organisationId ? ('add' as const) : ('create' as const),
        ...(organisationId ? { organisationId } : {}),
      })
    }
    return planned
  }

  const strip = (rows: Awaited<ReturnType<typeof plan>>): PreviewRow[] => rows.map(({ normalised: _n, ...row }) => row)

  return {
    async preview(eventId: string, file: TargetingFile): Promise<PreviewRow[]> {
      return strip(await plan(db, eventId, await readFile(file)))
    },

    /** Imports the valid rows in one transaction; invalid rows are reported, not imported. */
    async importRows(actor: AuthContext, eventId: string, file: TargetingFile): Promise<PreviewRow[]> {
      const rows = await readFile(file)
      return db.transaction(async (tx) => {
        const planned = await plan(tx, eventId, rows)
        for (const row of planned) {
          if (row.action !== 'create' && row.action !== 'add') continue
          const n = row.normalised!
          const organisationId =
            row.organisationId ??
            (
              await tx
                .insert(organisations)
                .values({
                  kind: n.kind,
                  legalName: n.legalName,
                  country: n.country,
                  nuts2: n.nuts2 ?? null,
                  vatId: n.vatId ?? null,
                })
                .returning({ id: organisations.id })
            )[0]!.id
          row.organisationId = organisationId
          const [participation] = await tx
            .insert(participations)
            .values({ eventId, organisationId, status: n.status })
            .returning({ id: participations.id })
          await deps.audit.record(tx, {
            actorUserId: actor.userId,
            organisationId,
            action: `participation.${n.status}`,
            subjectType: 'participation',
            subjectId: participation!.id,
            after: { status: n.status, eventId, imported: true, line: row.line },
          })
        }
        return strip(planned)
      })
    },

    /** The event's participants, named after the event and the day: CSV for Excel in the language, or typed XLSX. Reads back through the import. */
    async exportRows(
      eventId: string,
      format: 'csv' | 'xlsx',
      language: ExportLanguage,
    ): Promise<{ body: Buffer; disposition: string }> {
      const rows = await db
        .select({
          legalName: organisations.legalName,
          kind: organisations.kind,
          country: organisations.country,
          nuts2: organisations.nuts2,
          vatId: organisations.vatId,
          status: participations.status,
          reason: participations.reason,
        })
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(eq(participations.eventId, eventId))
        .orderBy(organisations.legalName)
      const table = { columns: ['legalName', 'kind', 'country', 'nuts2', 'vatId', 'status', 'reason'], rows }
      const event = await eventOf(db, eventId)
      const disposition = attachment([event.name, 'participants'], clock.now().toISOString().slice(0, 10), format)
      const body = format === 'csv' ? csvFile(table, language) : await xlsxFile([['Participants', table]])
      return { body, disposition }
    },
  }
}
export type TargetingService = ReturnType<typeof createTargetingService>
