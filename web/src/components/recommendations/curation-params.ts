import {
  CURATION_SORTS,
  type CurationQuery,
  type CurationSort,
  type RecommendationStatusValue as RecommendationStatus,
} from '../../../../shared/schemas/recommendations.js'

/**
 * The Matches tab's filters, order and page live in the address (`?tab=matches&status=approved&min=40&page=3`),
 * so they survive a reload and can be shared. Values the API would refuse are ignored.
 */

const STATUSES: readonly RecommendationStatus[] = ['proposed', 'shortlisted', 'approved', 'rejected', 'suggested']
const KEYS = ['status', 'min', 'mutual', 'hidden', 'q', 'sort', 'page'] as const

function integer(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^[0-9]+$/.test(value)) return undefined
  const number = Number(value)
  return number >= min && number <= max ? number : undefined
}

export function readCuration(params: URLSearchParams): CurationQuery {
  const query: CurationQuery = { page: integer(params.get('page'), 1, 10_000) ?? 1 }
  const status = STATUSES.find((s) => s === params.get('status'))
  if (status) query.status = status
  const min = integer(params.get('min'), 0, 100)
  if (min !== undefined) query.minScore = min / 100
  if (params.get('mutual') === '1') query.mutual = true
  if (params.get('hidden') === '1') query.hidden = true
  const q = params.get('q')?.slice(0, 100)
  if (q?.trim()) query.q = q
  const sort = CURATION_SORTS.find((s): s is CurationSort => s === params.get('sort'))
  if (sort && sort !== 'rank') query.sort = sort
  return query
}

/** The address after a change of filters: back to the first page, other parameters (the tab) kept. */
export function withCuration(params: URLSearchParams, query: CurationQuery): URLSearchParams {
  const next = new URLSearchParams(params)
  for (const key of KEYS) next.delete(key)
  if (query.status) next.set('status', query.status)
  if (query.minScore !== undefined) next.set('min', String(Math.round(query.minScore * 100)))
  if (query.mutual) next.set('mutual', '1')
  if (query.hidden) next.set('hidden', '1')
  if (query.q) next.set('q', query.q)
  if (query.sort && query.sort !== 'rank') next.set('sort', query.sort)
  if (query.page && query.page > 1) next.set('page', String(query.page))
  return next
}
