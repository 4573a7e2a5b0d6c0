import { stringify } from 'csv-stringify/sync'
import ExcelJS from 'exceljs'

/**
 * Exports as people open them: in Excel, in their language.
 *
 * CSV starts with a UTF-8 byte-order mark (without it Excel reads accents as
 * Latin-1). In Italian the separator is the semicolon and decimals take a
 * comma, as Excel expects with Italian regional settings; in English, comma
 * and point. XLSX cells are typed: numbers, booleans, and dates Excel can sort
 * and filter, under a frozen header row, with columns as wide as their text.
 */

export type ExportLanguage = 'en' | 'it'
export interface Table {
  columns: string[]
  rows: Record<string, unknown>[]
}

const DAY = /^\d{4}-\d{2}-\d{2}$/
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/
const BOOLEAN_WORDS: Record<ExportLanguage, [string, string]> = { en: ['TRUE', 'FALSE'], it: ['VERO', 'FALSO'] }

function csvCell(value: unknown, language: ExportLanguage): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString()
  if (typeof value === 'boolean') return BOOLEAN_WORDS[language][value ? 0 : 1]
  if (typeof value === 'number') return language === 'it' ? String(value).replace('.', ',') : String(value)
  return String(value)
}

/** One table as CSV for Excel in the given language. */
export function csvFile(table: Table, language: ExportLanguage): Buffer {
  const lines = [table.columns, ...table.rows.map((row) => table.columns.map((c) => csvCell(row[c], language)))]
  const body = stringify(lines, { delimiter: language === 'it' ? ';' : ',', record_delimiter: 'windows' })
  return Buffer.from(`\uFEFF${body}`, 'utf8')
}

type Typed = { value: ExcelJS.CellValue; format?: string }

function xlsxCell(value: unknown): Typed {
  if (value === null || value === undefined) return { value: null }
  if (value instanceof Date) return { value, format: 'yyyy-mm-dd hh:mm "UTC"' }
  if (typeof value === 'string' && DAY.test(value))
    return { value: new Date(`${value}T00:00:00Z`), format: 'yyyy-mm-dd' }
  if (typeof value === 'string' && INSTANT.test(value))
    return { value: new Date(value), format: 'yyyy-mm-dd hh:mm "UTC"' }
  if (typeof value === 'number') return { value, format: Number.isInteger(value) ? '0' : '#,##0.00' }
  if (typeof value === 'boolean' || typeof value === 'string') return { value }
  return { value: String(value) }
}

const widthOf = (typed: Typed) =>
  typed.value instanceof Date
    ? (typed.format?.length ?? 10)
    : typed.value === null
      ? 0
      : String(typed.value).length + (typeof typed.value === 'number' ? 3 : 0)

/** Adds one table as a sheet: typed cells, bold frozen header row, fitted widths. */
export function addSheet(workbook: ExcelJS.Workbook, name: string, table: Table): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(name.slice(0, 31), { views: [{ state: 'frozen', ySplit: 1 }] })
  sheet.addRow(table.columns).font = { bold: true }
  const widths = table.columns.map((c) => c.length)
  for (const row of table.rows) {
    const typed = table.columns.map((c) => xlsxCell(row[c]))
    const added = sheet.addRow(typed.map((t) => t.value))
    typed.forEach((t, i) => {
      if (t.format) added.getCell(i + 1).numFmt = t.format
      widths[i] = Math.max(widths[i]!, widthOf(t))
    })
  }
  widths.forEach((w, i) => (sheet.getColumn(i + 1).width = Math.min(60, Math.max(8, w + 2))))
  return sheet
}

export async function xlsxFile(sheets: [string, Table][]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook()
  for (const [name, table] of sheets) addSheet(workbook, name, table)
  return Buffer.from(await workbook.xlsx.writeBuffer())
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
} as const

/** Lower-case ASCII words joined by hyphens: "Connecting SMEs – Città 2026" → "connecting-smes-citta-2026". */
export function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60)
      .replace(/-+$/, '') || 'export'
  )
}

/** A Content-Disposition naming the file after what it holds and the day it was made: `edition-kpis-contracts-2026-12-07.csv`. */
export function attachment(parts: string[], day: string, format: keyof typeof CONTENT_TYPES): string {
  const name = [...parts.map(slug), day].join('-')
  return `attachment; filename="${name}.${format}"`
}
