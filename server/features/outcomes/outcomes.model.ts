/** Pure rules of outcomes: contract kinds and steps, evidence types, the KPI v arithmetic. */

export const CONTRACT_KINDS = ['purchase_order', 'framework', 'pilot', 'licence', 'other'] as const
export type ContractKind = (typeof CONTRACT_KINDS)[number]

export { CONTRACT_STATUSES, contractMoves, type ContractStatus } from '../../../shared/lifecycles/contracts.js'

export const DOCUMENT_TYPES = ['pdf', 'png', 'jpeg'] as const
export type DocumentType = (typeof DOCUMENT_TYPES)[number]
export const MEDIA_TYPES: Record<DocumentType, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
}
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024

export const REPORT_SOURCES = ['self_declared', 'financial_statements'] as const
export const VOUCHER_CATEGORIES = ['event_outside_region', 'coaching'] as const

/** The type a file really is, read from its first bytes; anything else is refused. */
export function sniffDocumentType(bytes: Uint8Array): DocumentType | undefined {
  const starts = (...sig: number[]) => sig.every((b, i) => bytes[i] === b)
  if (starts(0x25, 0x50, 0x44, 0x46, 0x2d)) return 'pdf' // %PDF-
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return 'png'
  if (starts(0xff, 0xd8, 0xff)) return 'jpeg'
  return undefined
}

/** A file name safe for a Content-Disposition header: no path, quotes or control characters. */
export function safeFileName(name: string | undefined, type: DocumentType): string {
  const base = (name ?? '')
    .split(/[\\/]/)
    .pop()!
    .replace(/[^\w.\- ]+/g, '_')
    .trim()
    .slice(0, 100)
  const ext = type === 'jpeg' ? 'jpg' : type
  if (!base) return `evidence.${ext}`
  return base.toLowerCase().endsWith(`.${ext}`) || (type === 'jpeg' && base.toLowerCase().endsWith('.jpeg'))
    ? base
    : `${base}.${ext}`
}

/** The buckets of the distribution of % change shown on the dashboard. */
export const CHANGE_BUCKETS = [
  { key: 'lt_-20', max: -20 },
  { key: '-20_0', max: 0 },
  { key: '0_20', max: 20 },
  { key: '20_50', max: 50 },
  { key: 'ge_50', max: Infinity },
] as const

export function bucketOf(pct: number): (typeof CHANGE_BUCKETS)[number]['key'] {
  return CHANGE_BUCKETS.find((b) => pct < b.max)!.key
}

/** Follow-up years of an SME: the three years after its baseline year. */
export function followUpYears(baselineYear: number): number[] {
  return [baselineYear + 1, baselineYear + 2, baselineYear + 3]
}
