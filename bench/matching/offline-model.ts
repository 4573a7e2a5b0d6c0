import type { EngineQuery, EngineResult, SearchDocument, SearchEngine } from '../../server/infra/search/search.types.js'
import { createMatchingService } from '../../server/features/matching/matching.service.js'
import { idfOf, termCounts } from '../../server/features/matching/matching.text.js'
import type { RankRecord, Run } from './dataset.js'

/** The matching service over the dev set without a database: offline.ts and ceiling.ts rank with it. */

/** Every offer for every query: the model alone decides the order. Offers without codes hold a placeholder, flagged as suggested. */
function allOffersEngine(offers: RankRecord[]): SearchEngine {
  const docs: SearchDocument[] = offers.map((o) => ({
    id: o.id,
    organisationId: 'org',
    organisationName: 'SME',
    title: o.title,
    description: o.description,
    language: o.language,
    keywords: [],
    cpv: o.codes?.length ? o.codes : ['03000000'],
    cpvPrefixes: [],
    cpvDivision: [],
    audience: ['public'],
    updatedAt: 0,
  }))
  const resultOf = (found: SearchDocument[]): EngineResult => ({
    hits: found.map((doc) => ({ doc, highlight: { title: '', description: '' } })),
    total: found.length,
    facets: {},
  })
  const all = resultOf(docs)
  const byLanguage = new Map<string, EngineResult>()
  for (const language of new Set(docs.map((doc) => doc.language)))
    byLanguage.set(language, resultOf(docs.filter((doc) => doc.language === language)))
  const unused = () => Promise.reject(new Error('read-only'))
  return {
    name: 'postgres',
    ensureIndexes: async () => {},
    upsert: unused,
    remove: unused,
    clear: unused,
    health: unused,
    // A language filter (the neighbours of an offer) is honoured; the rest is left to the model.
    search: (_index, query: EngineQuery) =>
      Promise.resolve(
        !query.q
          ? resultOf([])
          : query.filters.language
            ? (byLanguage.get(query.filters.language) ?? resultOf([]))
            : all,
      ),
  }
}

export type ScoredRun = Record<string, { offerId: string; score: number }[]>

/** The model's top 100 per need, with scores. */
export async function modelMatches(needs: RankRecord[], offers: RankRecord[]): Promise<ScoredRun> {
  const engine = allOffersEngine(offers)
  const matching = createMatchingService({ search: () => engine })
  const idf = idfOf(offers.map((o) => termCounts(o.title, o.description).keys()))
  const byId = new Map(offers.map((o) => [o.id, o]))
  const run: ScoredRun = {}
  for (const need of needs) {
    const matches = await matching.matchOffersForNeed(
      { ...need, cpvCodes: need.codes ?? [] },
      { limit: 100, idf, codesSuggested: (doc) => !byId.get(doc.id)?.codes?.length },
    )
    run[need.id] = matches.map((m) => ({ offerId: m.offerId, score: m.score }))
  }
  return run
}

/** The model's ranking: offer ids, best first. */
export async function modelRun(needs: RankRecord[], offers: RankRecord[]): Promise<Run> {
  const scored = await modelMatches(needs, offers)
  return Object.fromEntries(Object.entries(scored).map(([id, matches]) => [id, matches.map((m) => m.offerId)]))
}
