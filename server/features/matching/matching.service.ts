import type { Language } from '../../../seeds/taxonomies/labels.js'
import type { EngineQuery, SearchDocument, SearchEngine } from '../../infra/search/search.types.js'
import { cpvProfile, declaredProfile, profileSimilarity, suggestCpv, type CpvProfile } from './cpv-suggest.model.js'
import { scoreMatch, type NeedProfile, type OfferProfile, type PartName, type WeightedCode } from './matching.model.js'
import { dot, idfOf, termCounts, tfidfVector } from './matching.text.js'

/**
 * Offer recommendations for a need: candidates from the search port (any of
 * the need's words, and the offers in the need's CPV branches, declared or
 * suggested, so offers in other languages are found through the codes), then
 * the pure model scores the union.
 */

export interface NeedSubject extends Omit<NeedProfile, 'cpv'> {
  title: string
  description: string
  language: string
  /** Declared CPV codes, main first; suggested from the text when empty. */
  cpvCodes: string[]
}

export interface OfferMatch {
  offerId: string
  organisationId: string
  organisationName: string
  title: string
  language: string
  score: number
  parts: Record<PartName, number>
  reason: Record<Language, string>
}

export interface MatchOptions {
  /** Matches returned; 50 unless given. */
  limit?: number
  /** Whether an indexed offer's codes were suggested rather than declared (codes are required in the catalogue). */
  codesSuggested?: (doc: SearchDocument) => boolean
  /** Profile data the index does not hold (certifications, capacity), by offer id. */
  offerDetails?: (ids: string[]) => Promise<Map<string, Partial<OfferProfile>>>
  /** IDF for the text part; from the candidates when not given. */
  idf?: (term: string) => number
}

export interface MatchingDeps {
  search: () => SearchEngine
  /** Reused across calls: inferred CPV profiles by offer id. */
  profileCache?: Map<string, Promise<CpvProfile>>
}

/** Bounds of each candidate query: the union stays at a few hundred offers. */
const TEXT_CANDIDATES = 150
const BRANCH_CANDIDATES = 100
const SUGGESTED_CODES = 3

const weighted = (codes: string[], suggested: boolean): WeightedCode[] => codes.map((code, i) => ({ code, weight: i === 0 ? 1 : 0.8, ...(suggested ? { suggested } : {}) }))

export function createMatchingService(deps: MatchingDeps) {
  const cache = deps.profileCache ?? new Map<string, Promise<CpvProfile>>()
  const profileOf = (doc: SearchDocument) => {
    let profile = cache.get(doc.id)
    if (!profile) cache.set(doc.id, (profile = cpvProfile(doc)))
    return profile
  }

  /** Text any-words, then the CPV branches: each code's class, the main code's group and division. */
  async function candidates(need: NeedSubject, codes: string[]): Promise<Map<string, SearchDocument>> {
    const engine = deps.search()
    const base: EngineQuery = { filters: { audience: ['public'] }, highlight: false, page: 1, pageSize: BRANCH_CANDIDATES, facets: [] }
    const q = `${need.title} ${need.description}`
    const prefixes = [...new Set([...codes.map((c) => c.slice(0, 4)), codes[0]?.slice(0, 3)].filter((p): p is string => !!p))]
    const queries: EngineQuery[] = [
      { ...base, q, match: 'any', pageSize: TEXT_CANDIDATES },
      ...prefixes.map((cpv) => ({ ...base, filters: { ...base.filters, cpv } })),
      ...(codes[0] ? [{ ...base, q, match: 'any' as const, filters: { ...base.filters, cpv: codes[0].slice(0, 2) } }] : []),
    ]
    const results = await Promise.all(queries.map((query) => engine.search('offers', query)))
    return new Map(results.flatMap((r) => r.hits.map((hit) => [hit.doc.id, hit.doc] as const)))
  }

  return {
    suggestCpv,

    async matchOffersForNeed(need: NeedSubject, options: MatchOptions = {}): Promise<OfferMatch[]> {
      const suggestedNeed = need.cpvCodes.length === 0
      const codes = suggestedNeed ? (await suggestCpv(need, { limit: SUGGESTED_CODES })).map((s) => s.code) : need.cpvCodes
      const docs = [...(await candidates(need, codes)).values()]
      const idf = options.idf ?? idfOf(docs.map((doc) => termCounts(doc.title, doc.description).keys()))
      const needVector = tfidfVector(termCounts(need.title, need.description), idf)
      const details = options.offerDetails ? await options.offerDetails(docs.map((d) => d.id)) : new Map<string, Partial<OfferProfile>>()
      const needProfile: NeedProfile = { ...need, cpv: weighted(codes, suggestedNeed) }
      const needCpv = suggestedNeed ? await cpvProfile(need) : declaredProfile(codes)
      const matches = await Promise.all(
        docs.map(async (doc) => {
          const suggestedOffer = options.codesSuggested?.(doc) ?? false
          const offer: OfferProfile = { cpv: weighted(doc.cpv, suggestedOffer), trl: doc.trl, region: doc.region, nace: doc.nace, s3: doc.s3, ...details.get(doc.id) }
          const cpvSimilarity = suggestedNeed || suggestedOffer ? profileSimilarity(needCpv, suggestedOffer ? await profileOf(doc) : declaredProfile(doc.cpv)) : undefined
          const text = dot(needVector, tfidfVector(termCounts(doc.title, doc.description), idf))
          const scored = scoreMatch({ need: needProfile, offer, text, cpvSimilarity })
          return { offerId: doc.id, organisationId: doc.organisationId, organisationName: doc.organisationName, title: doc.title, language: doc.language, score: scored.score, parts: scored.parts, reason: scored.reason }
        }),
      )
      return matches.sort((a, b) => b.score - a.score || a.offerId.localeCompare(b.offerId)).slice(0, options.limit ?? 50)
    },
  }
}
export type MatchingService = ReturnType<typeof createMatchingService>
