import { parse } from 'csv-parse/sync'
import ExcelJS from 'exceljs'
import { checkNuts2, checkVatId } from '../organisations/organisations.model.js'

/**
 * Targeting lists: the SMEs and corporates a hub means to bring to an event,
 * imported from CSV or XLSX with a preview that names each bad row and field.
 */

export const TARGETING_COLUMNS = ['legalName', 'kind', 'country', 'nuts2', 'vatId', 'email', 'status'] as const
export type TargetingColumn = (typeof TARGETING_COLUMNS)[number]
export type TargetingRecord = Partial<Record<TargetingColumn, string>>

export interface TargetingRow {
  line: number
  values: TargetingRecord
  errors: { field: TargetingColumn; message: string }[]
  normalised?: {
    legalName: string
    kind: 'sme' | 'buyer'
    country: string
    nuts2?: string
    vatId?: string
    email?: string
    status: 'targeted' | 'invited'
  }
}

/** Header names people use, in English and Italian, mapped to our columns. */
const HEADER_ALIASES: Record<string, TargetingColumn> = {
  legalname: 'legalName',
  name: 'legalName',
  organisation: 'legalName',
  organization: 'legalName',
  company: 'legalName',
  ragionesociale: 'legalName',
  azienda: 'legalName',
  denominazione: 'legalName',
  kind: 'kind',
  type: 'kind',
  tipo: 'kind',
  country: 'country',
  paese: 'country',
  nazione: 'country',
  nuts2: 'nuts2',
  region: 'nuts2',
  regione: 'nuts2',
  vatid: 'vatId',
  vat: 'vatId',
  partitaiva: 'vatId',
  piva: 'vatId',
  email: 'email',
  mail: 'email',
  contatto: 'email',
  status: 'status',
  stato: 'status',
}

const normaliseHeader = (header: string) =>
  header
    .toLowerCase()
    .normalize('NFD')
    .replace(/[^a-z0-9]/g, '')

function toRecords(table: string[][]): TargetingRecord[] {
  const [header, ...rows] = table
  const columns = (header ?? []).map((h) => HEADER_ALIASES[normaliseHeader(h)])
  return rows
    .filter((row) => row.some((cell) => cell.trim() !== ''))
    .map((row) => Object.fromEntries(columns.flatMap((column, i) => (column ? [[column, (row[i] ?? '').trim()]] : []))))
}

export function parseCsv(text: string): TargetingRecord[] {
  const delimiter = (text.split('\n')[0] ?? '').includes(';') ? ';' : ','
  return toRecords(
    parse(text.replace(/^\uFEFF/, ''), { delimiter, relax_column_count: true, skip_empty_lines: true }) as string[][],
  )
}

export async function parseXlsx(content: Buffer): Promise<TargetingRecord[]> {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(content as unknown as ArrayBuffer)
  const sheet = workbook.worksheets[0]
  if (!sheet) return []
  const table: string[][] = []
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const cells = (row.values as unknown[]).slice(1)
    table.push(
      cells.map((cell) =>
        cell === null || cell === undefined
          ? ''
          : typeof cell === 'object' && 'text' in (cell as object)
            ? String((cell as { text: unknown }).text)
            : String(cell),
      ),
    )
  })
  return toRecords(table)
}

const KINDS: Record<string, 'sme' | 'buyer'> = {
  sme: 'sme',
  pmi: 'sme',
  startup: 'sme',
  buyer: 'buyer',
  corporate: 'buyer',
  acquirente: 'buyer',
  grandeimpresa: 'buyer',
}

/** Checks one record; rows are numbered as a spreadsheet shows them (the header is line 1). */
export function checkRecord(values: TargetingRecord, index: number): TargetingRow {
  const errors: TargetingRow['errors'] = []
  const line = index + 2
  const legalName = values.legalName ?? ''
  if (legalName.length < 2) errors.push({ field: 'legalName', message: 'is missing' })
  const kind = KINDS[normaliseHeader(values.kind ?? '')]
  if (!kind) errors.push({ field: 'kind', message: 'must be sme or buyer' })
  const country = (values.country ?? '').toUpperCase()
  if (!/^[A-Z]{2}$/.test(country)) errors.push({ field: 'country', message: 'must be a 2-letter country code' })
  const nuts2 = values.nuts2 ? values.nuts2.toUpperCase() : undefined
  if (nuts2 && /^[A-Z]{2}$/.test(country)) {
    const reason = checkNuts2(country, nuts2)
    if (reason) errors.push({ field: 'nuts2', message: reason })
  }
  let vatId: string | undefined
  if (values.vatId && /^[A-Z]{2}$/.test(country)) {
    const vat = checkVatId(country, values.vatId)
    if (vat.ok) vatId = vat.normalised
    else errors.push({ field: 'vatId', message: vat.reason })
  }
  const email = values.email || undefined
  if (email && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email))
    errors.push({ field: 'email', message: 'is not an e-mail address' })
  const status = (values.status || 'targeted').toLowerCase()
  if (status !== 'targeted' && status !== 'invited')
    errors.push({ field: 'status', message: 'must be targeted or invited' })
  if (errors.length > 0) return { line, values, errors }
  return {
    line,
    values,
    errors,
    normalised: {
      legalName,
      kind: kind!,
      country,
      ...(nuts2 ? { nuts2 } : {}),
      ...(vatId ? { vatId } : {}),
      ...(email ? { email } : {}),
      status: status as 'targeted' | 'invited',
    },
  }
}
