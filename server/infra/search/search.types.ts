import type { Facet } from '../../../shared/schemas/catalogue.js'
import type { HealthComponent } from '../../../shared/schemas/health.js'

export type IndexName = 'offers' | 'needs'

/** What both engines index: one flat document per offer or need. */
export interface SearchDocument {
  id: string
  organisationId: string
  organisationName: string
  title: string
  description: string
  language: string
  keywords: string[]
  /** Full 8-digit CPV codes, main first. */
  cpv: string[]
  /** Every 2- to 8-digit prefix of every code, for "this division/group/class" filters. */
  cpvPrefixes: string[]
  cpvDivision: string[]
  nace?: string
  naceSection?: string
  s3?: string
  region?: string
  country?: string
  trl?: number
  sizeClass?: string
  /** Needs: whether the buyer is a public buyer (its TED tenders) or a private one. */
  buyerType?: 'public' | 'private'
  /** Needs: when answers are due, epoch milliseconds (the end of the deadline's day, UTC). */
  deadline?: number
  /** `public`, or the organisation ids allowed to see the record. */
  audience: string[]
  /** Epoch milliseconds, for "newest first". */
  updatedAt: number
}

export interface EngineFilters {
  cpv?: string | undefined
  nace?: string | undefined
  naceSection?: string | undefined
  s3?: string | undefined
  /** A NUTS-2 code, or a 2-letter country prefix. */
  region?: string | undefined
  trlMin?: number | undefined
  trlMax?: number | undefined
  sizeClass?: string | undefined
  language?: string | undefined
  /** The caller may see a record whose audience holds any of these. */
  audience?: string[] | undefined
  organisationId?: string | undefined
  buyerType?: 'public' | 'private' | undefined
  /** Records without a deadline, or whose deadline is at or after this instant (epoch ms): still open. */
  openAt?: number | undefined
  /** Records whose deadline is at or before this instant (epoch ms). */
  closesBy?: number | undefined
}

/** A count of the matched records whose deadline falls at or before `by` (epoch ms), reported as facet `closesWithin`. */
export interface DeadlineBucket {
  key: string
  by: number
}

export interface EngineQuery {
  q?: string | undefined
  /**
   * `all` (default): every word must match, as a search box expects.
   * `any`: records holding any of the words, most relevant first, for
   * matching a long description against the index.
   */
  match?: 'all' | 'any' | undefined
  /**
   * False: hits come back with their fields as plain escaped text, no
   * <mark> and no cropping; for callers that only rank the documents
   * (matching), which then skip the cost of highlighting. True by default.
   */
  highlight?: boolean | undefined
  filters: EngineFilters
  sort?: 'relevance' | 'newest' | 'trl' | 'deadline' | undefined
  page: number
  pageSize: number
  facets: readonly Facet[]
  deadlineBuckets?: readonly DeadlineBucket[] | undefined
}

export interface EngineHit {
  doc: SearchDocument
  /** Matches wrapped in <mark></mark>, everything else HTML-escaped. */
  highlight: { title: string; description: string }
}

export interface EngineResult {
  hits: EngineHit[]
  total: number
  facets: Partial<Record<Facet | 'closesWithin', Record<string, number>>>
}

/** The search port: Meilisearch in production, PostgreSQL full text embedded. */
export interface SearchEngine {
  readonly name: 'meilisearch' | 'postgres'
  /** Creates indexes and settings; safe to call at every start. */
  ensureIndexes(): Promise<void>
  upsert(index: IndexName, docs: SearchDocument[]): Promise<void>
  remove(index: IndexName, ids: string[]): Promise<void>
  clear(index: IndexName): Promise<void>
  search(index: IndexName, query: EngineQuery): Promise<EngineResult>
  health(): Promise<HealthComponent>
}

export function cpvPrefixes(codes: string[]): string[] {
  return [...new Set(codes.flatMap((code) => [2, 3, 4, 5, 6, 7, 8].map((n) => code.slice(0, n))))]
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!)
}
