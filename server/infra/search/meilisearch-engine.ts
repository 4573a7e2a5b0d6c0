import { Meilisearch, type Index } from 'meilisearch'
import { probe } from '../probe.js'
import {
  escapeHtml,
  type EngineFilters,
  type EngineQuery,
  type EngineResult,
  type IndexName,
  type SearchDocument,
  type SearchEngine,
} from './search.types.js'

const MARK_OPEN = '\u0001'
const MARK_CLOSE = '\u0002'

/** Words buyers and SMEs use for the same thing, in Italian and English. */
export const PROCUREMENT_SYNONYMS: Record<string, string[]> = {
  fornitura: ['supply', 'forniture'],
  supply: ['fornitura', 'procurement'],
  appalto: ['tender', 'contract'],
  tender: ['appalto', 'gara'],
  gara: ['tender', 'appalto'],
  manutenzione: ['maintenance'],
  maintenance: ['manutenzione'],
  autobus: ['bus', 'buses'],
  bus: ['autobus'],
  software: ['applicativo'],
  sensore: ['sensor'],
  sensor: ['sensore'],
  imballaggio: ['packaging'],
  packaging: ['imballaggio'],
  logistica: ['logistics'],
  logistics: ['logistica'],
  energia: ['energy'],
  energy: ['energia'],
  formazione: ['training'],
  training: ['formazione'],
}

const escapeValue = (value: string) => `"${value.replace(/\\/g, '\\\\').replace(/"/g, '\\"')}"`

export function meiliFilter(filters: EngineFilters): string[] {
  const clauses: string[] = []
  if (filters.cpv) clauses.push(`cpvPrefixes = ${escapeValue(filters.cpv)}`)
  if (filters.nace) clauses.push(`(nace = ${escapeValue(filters.nace)} OR naceDivision = ${escapeValue(filters.nace)})`)
  if (filters.naceSection) clauses.push(`naceSection = ${escapeValue(filters.naceSection)}`)
  if (filters.s3) clauses.push(`s3 = ${escapeValue(filters.s3)}`)
  if (filters.region)
    clauses.push(
      filters.region.length === 2
        ? `country = ${escapeValue(filters.region)}`
        : `region = ${escapeValue(filters.region)}`,
    )
  if (filters.trlMin !== undefined) clauses.push(`trl >= ${filters.trlMin}`)
  if (filters.trlMax !== undefined) clauses.push(`trl <= ${filters.trlMax}`)
  if (filters.sizeClass) clauses.push(`sizeClass = ${escapeValue(filters.sizeClass)}`)
  if (filters.language) clauses.push(`language = ${escapeValue(filters.language)}`)
  if (filters.organisationId) clauses.push(`organisationId = ${escapeValue(filters.organisationId)}`)
  if (filters.audience) clauses.push(`audience IN [${filters.audience.map(escapeValue).join(', ')}]`)
  if (filters.buyerType) clauses.push(`buyerType = ${escapeValue(filters.buyerType)}`)
  if (filters.openAt !== undefined) clauses.push(`(deadline NOT EXISTS OR deadline >= ${filters.openAt})`)
  if (filters.closesBy !== undefined) clauses.push(`deadline <= ${filters.closesBy}`)
  return clauses
}

const toHtml = (text: string | undefined) =>
  escapeHtml(text ?? '')
    .replaceAll(MARK_OPEN, '<mark>')
    .replaceAll(MARK_CLOSE, '</mark>')

/** Meilisearch behind the search port: settings applied idempotently, every write awaited. */
export function createMeilisearchEngine(host: string, apiKey: string | undefined): SearchEngine {
  const client = new Meilisearch({ host, ...(apiKey === undefined ? {} : { apiKey }), timeout: 5000 })
  const indexOf = (name: IndexName): Index<SearchDocument & { naceDivision?: string }> => client.index(name)

  return {
    name: 'meilisearch',
    async ensureIndexes() {
      for (const name of ['offers', 'needs'] as const) {
        await client.createIndex(name, { primaryKey: 'id' }).waitTask()
        await indexOf(name)
          .updateSettings({
            searchableAttributes: ['title', 'keywords', 'organisationName', 'description'],
            filterableAttributes: [
              'cpvPrefixes',
              'cpvDivision',
              'nace',
              'naceDivision',
              'naceSection',
              's3',
              'region',
              'country',
              'trl',
              'sizeClass',
              'language',
              'audience',
              'organisationId',
              'buyerType',
              'deadline',
            ],
            sortableAttributes: ['updatedAt', 'trl', 'deadline'],
            typoTolerance: { enabled: true, minWordSizeForTypos: { oneTypo: 4, twoTypos: 8 } },
            synonyms: PROCUREMENT_SYNONYMS,
            pagination: { maxTotalHits: 100_000 },
          })
          .waitTask()
      }
    },
    async upsert(index, docs) {
      if (docs.length === 0) return
      const withDivision = docs.map((doc) => ({ ...doc, ...(doc.nace ? { naceDivision: doc.nace.slice(0, 2) } : {}) }))
      const task = await indexOf(index).addDocuments(withDivision).waitTask()
      if (task.status !== 'succeeded') throw new Error(`meilisearch: ${task.error?.message ?? task.status}`)
    },
    async remove(index, ids) {
      if (ids.length > 0) await indexOf(index).deleteDocuments(ids).waitTask()
    },
    async clear(index) {
      await indexOf(index).deleteAllDocuments().waitTask()
    },
    async search(index, query: EngineQuery): Promise<EngineResult> {
      const sort =
        query.sort === 'newest'
          ? ['updatedAt:desc']
          : query.sort === 'deadline'
            ? ['deadline:asc', 'updatedAt:desc']
            : query.sort === 'trl'
              ? ['trl:desc', 'updatedAt:desc']
              : query.q
                ? undefined
                : ['updatedAt:desc']
      const result = await indexOf(index).search(query.q ?? '', {
        filter: meiliFilter(query.filters),
        // `any`: Meilisearch drops the least frequent-in-index words last, so records with only some of the words still match.
        ...(query.match === 'any' ? { matchingStrategy: 'frequency' as const } : {}),
        facets: [...query.facets],
        page: query.page,
        hitsPerPage: query.pageSize,
        ...(sort ? { sort } : {}),
        ...(query.highlight === false
          ? {}
          : {
              attributesToHighlight: ['title', 'description'],
              attributesToCrop: ['description'],
              cropLength: 35,
              highlightPreTag: MARK_OPEN,
              highlightPostTag: MARK_CLOSE,
            }),
      })
      const facets: EngineResult['facets'] = {}
      for (const facet of query.facets) facets[facet] = { ...(result.facetDistribution?.[facet] ?? {}) }
      if (query.deadlineBuckets?.length) {
        // Facets count values, not ranges: each bucket is a count-only search with its deadline filter added.
        const counted = await client.multiSearch({
          queries: query.deadlineBuckets.map((bucket) => ({
            indexUid: index,
            q: query.q ?? '',
            filter: meiliFilter({ ...query.filters, closesBy: bucket.by }),
            ...(query.match === 'any' ? { matchingStrategy: 'frequency' as const } : {}),
            page: 1,
            hitsPerPage: 0,
          })),
        })
        facets.closesWithin = Object.fromEntries(
          query.deadlineBuckets.map((bucket, i) => [bucket.key, counted.results[i]?.totalHits ?? 0]),
        )
      }
      return {
        hits: result.hits.map((hit) => {
          const { _formatted, naceDivision: _d, ...doc } = hit as typeof hit & { _formatted?: Record<string, string> }
          return {
            doc: doc as SearchDocument,
            highlight: {
              title: toHtml(_formatted?.title ?? doc.title),
              description: toHtml(_formatted?.description ?? doc.description),
            },
          }
        }),
        total: result.totalHits ?? 0,
        facets,
      }
    },
    health: () => probe('meilisearch', async () => void (await client.health())),
  }
}
