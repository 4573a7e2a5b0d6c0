import type { SizeClass } from '../../../../shared/schemas/accounts.js'
import { FACETS, type SearchQuery } from '../../../../shared/schemas/catalogue.js'

/**
 * The search lives in the address bar (`?q=bus&cpv=34&page=2`), so a search can
 * be shared and survives a reload. Values the API would refuse are ignored.
 */
export const PAGE_SIZE = 20
const MAX_PAGE = 1000

export const SORTS = ['relevance', 'newest', 'trl', 'deadline'] as const
export type Sort = (typeof SORTS)[number]

/** The side panels: the facets, and for needs how many close within 7, 30 and 90 days. */
export const PANELS = [...FACETS, 'closesWithin'] as const
export type Panel = (typeof PANELS)[number]
const SIZE_CLASSES: readonly SizeClass[] = ['micro', 'small', 'medium', 'large']

/** Filters a person can set and remove one by one; `trl` stands for the trlMin–trlMax pair. */
export const FILTERS = [
  'cpv',
  'nace',
  'naceSection',
  's3',
  'region',
  'trl',
  'sizeClass',
  'language',
  'buyerType',
  'closesWithin',
] as const
export type Filter = (typeof FILTERS)[number]

const PATTERNS: Record<Exclude<Filter, 'trl' | 'closesWithin'>, RegExp> = {
  cpv: /^[0-9]{2,8}$/,
  nace: /^[0-9]{2}(\.[0-9]{1,2})?$/,
  naceSection: /^[A-U]$/,
  s3: /^.{1,60}$/,
  region: /^[A-Z]{2}[0-9A-Z]{0,2}$/,
  sizeClass: new RegExp(`^(${SIZE_CLASSES.join('|')})$`),
  language: /^[a-z]{2}$/,
  buyerType: /^(public|private)$/,
}

function integer(value: string | null, min: number, max: number): number | undefined {
  if (value === null || !/^[0-9]+$/.test(value)) return undefined
  const number = Number(value)
  return number >= min && number <= max ? number : undefined
}

/** What the address says, as a query the API accepts. */
export function readSearch(params: URLSearchParams): SearchQuery {
  const query: SearchQuery = { page: integer(params.get('page'), 1, MAX_PAGE) ?? 1, pageSize: PAGE_SIZE }
  const q = params.get('q')?.trim().slice(0, 200)
  if (q) query.q = q
  for (const key of ['cpv', 'nace', 'naceSection', 's3', 'region', 'language'] as const) {
    const value = params.get(key)
    if (value !== null && PATTERNS[key].test(value)) query[key] = value
  }
  const buyerType = params.get('buyerType')
  if (buyerType === 'public' || buyerType === 'private') query.buyerType = buyerType
  const closesWithin = integer(params.get('closesWithin'), 1, 366)
  if (closesWithin !== undefined) query.closesWithin = closesWithin
  const size = SIZE_CLASSES.find((size) => size === params.get('sizeClass'))
  if (size) query.sizeClass = size
  const trlMin = integer(params.get('trlMin'), 1, 9)
  const trlMax = integer(params.get('trlMax'), 1, 9)
  if (trlMin !== undefined) query.trlMin = trlMin
  if (trlMax !== undefined) query.trlMax = trlMax
  const sort = SORTS.find((sort) => sort === params.get('sort'))
  if (sort) query.sort = sort
  return query
}

/** The value of a filter as shown on its chip; undefined when it is not set. */
export function filterValue(query: SearchQuery, filter: Filter): string | undefined {
  if (filter === 'closesWithin') return query.closesWithin === undefined ? undefined : String(query.closesWithin)
  if (filter !== 'trl') return query[filter]
  const { trlMin, trlMax } = query
  if (trlMin === undefined && trlMax === undefined) return undefined
  if (trlMin === trlMax) return String(trlMin)
  return `${trlMin ?? 1}–${trlMax ?? 9}`
}

/** Which filter a facet sets. */
export const FACET_FILTER: Record<Panel, Filter | null> = {
  cpvDivision: 'cpv',
  naceSection: 'naceSection',
  s3: 's3',
  region: 'region',
  trl: 'trl',
  sizeClass: 'sizeClass',
  language: 'language',
  buyerType: 'buyerType',
  closesWithin: 'closesWithin',
}

export function isFacetValueActive(query: SearchQuery, facet: Panel, value: string): boolean {
  const filter = FACET_FILTER[facet]
  return filter !== null && filterValue(query, filter) === value
}

/** A new address: changing anything but the page starts again from page 1. */
function edit(params: URLSearchParams, change: (next: URLSearchParams) => void): URLSearchParams {
  const next = new URLSearchParams(params)
  change(next)
  next.delete('page')
  return next
}

export function withoutFilter(params: URLSearchParams, filter: Filter | 'q'): URLSearchParams {
  return edit(params, (next) => {
    if (filter === 'trl') ['trlMin', 'trlMax'].forEach((key) => next.delete(key))
    else next.delete(filter)
  })
}

/** Chooses a facet value, or clears it when it is already chosen (a checkbox as a link). */
export function toggleFacet(params: URLSearchParams, query: SearchQuery, facet: Panel, value: string): URLSearchParams {
  const filter = FACET_FILTER[facet]
  if (filter === null) return params
  if (isFacetValueActive(query, facet, value)) return withoutFilter(params, filter)
  return edit(params, (next) => {
    if (filter !== 'trl') return next.set(filter, value)
    next.set('trlMin', value)
    next.set('trlMax', value)
  })
}

export function withParam(params: URLSearchParams, key: 'q' | 'sort', value: string): URLSearchParams {
  return edit(params, (next) => (value === '' ? next.delete(key) : next.set(key, value)))
}

export function withPage(params: URLSearchParams, page: number, key = 'page'): URLSearchParams {
  const next = new URLSearchParams(params)
  if (page <= 1) next.delete(key)
  else next.set(key, String(page))
  return next
}

/** Removes every filter, keeping the words and the order. */
export function withoutFilters(params: URLSearchParams): URLSearchParams {
  return FILTERS.reduce((next, filter) => withoutFilter(next, filter), params)
}

export function pageCount(total: number, pageSize: number): number {
  return Math.min(MAX_PAGE, Math.max(1, Math.ceil(total / pageSize)))
}
