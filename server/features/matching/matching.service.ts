import type { Language } from '../../../seeds/taxonomies/labels.js'
import type { EngineQuery, SearchDocument, SearchEngine } from '../../infra/search/search.types.js'
import {
  cpvProfile,
  declaredProfile,
  profileSimilarity,
  smoothProfile,
  suggestCpv,
  type CpvProfile,
} from './cpv-suggest.model.js'
import { conceptCounts, conceptVector } from './cross-language.model.js'
import { scoreMatch, type NeedProfile, type OfferProfile, type PartName, type WeightedCode } from './matching.model.js'
import { dot, idfOf, termCounts, tfidfVector } from './matching.text.js'

/**
 * Offer recommendations for a need: candidates from the search port (any of
 * the need's words, and the offers in the need's CPV branches, declared or
 * suggested, so offers in other languages are found through the codes), then
 * the pure model scores the union. A record without declared codes is placed
 * in the CPV tree from its text, smoothed with the records of its language
 * that read most alike (cpv-suggest.model.ts, smoothProfile): the need with
 * its closest candidates, an offer with its closest offers in the index.
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
  /** IDF for the concepts part (English stems, cross-language.model.ts); from the candidates when not given. */
  conceptIdf?: (term: string) => number
}

export interface MatchingDeps {
  search: () => SearchEngine
  /** Reused across calls: inferred CPV profiles by offer id (smoothed with the offer's neighbours). */
  profileCache?: Map<string, Promise<CpvProfile>>
}

/** Bounds of each candidate query: the union stays at a few hundred offers. */
const TEXT_CANDIDATES = 150
const BRANCH_CANDIDATES = 100
const SUGGESTED_CODES = 3
/** Same-language records whose profiles smooth an inferred one. */
const NEIGHBOURS = 10
/** Hits the search port is asked for, among which the closest by TF-IDF cosine become the neighbours. */
const NEIGHBOUR_POOL = 40
const PROFILE_BATCH = 8

/** The strongest prefixes of each level of a profile. */
const topBranches = (profile: CpvProfile, perLevel = 2): string[] =>
  profile.levels.flatMap((level) =>
    [...level]
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, perLevel)
      .map(([prefix]) => prefix),
  )

const weighted = (codes: string[], suggested: boolean): WeightedCode[] =>
  codes.map((code, i) => ({ code, weight: i === 0 ? 1 : 0.8, ...(suggested ? { suggested } : {}) }))

export function createMatchingService(deps: MatchingDeps) {
  const cache = deps.profileCache ?? new Map<string, Promise<CpvProfile>>()
  const concepts = new Map<string, Promise<Map<string, number>>>()
  const conceptsOf = (doc: SearchDocument) => {
    const key = `${doc.id}@${doc.updatedAt}`
    let counts = concepts.get(key)
    if (!counts) concepts.set(key, (counts = conceptCounts(doc)))
    return counts
  }
  const ownProfiles = new Map<string, Promise<CpvProfile>>()
  const ownProfileOf = (doc: SearchDocument) => {
    let profile = ownProfiles.get(doc.id)
    if (!profile) ownProfiles.set(doc.id, (profile = cpvProfile(doc)))
    return profile
  }
  const vectorOf = (doc: Pick<SearchDocument, 'title' | 'description'>, idf: (term: string) => number) =>
    tfidfVector(termCounts(doc.title, doc.description), idf)

  /** An offer's inferred profile, smoothed with the offers of its language whose text is closest (from the search port). */
  async function neighbourSmoothed(
    doc: SearchDocument,
    idf: ((term: string) => number) | undefined,
  ): Promise<CpvProfile> {
    const result = await deps.search().search('offers', {
      q: `${doc.title} ${doc.description}`,
      match: 'any',
      highlight: false,
      filters: { audience: ['public'], language: doc.language },
      page: 1,
      pageSize: NEIGHBOUR_POOL,
      facets: [],
    })
    const others = result.hits.map((hit) => hit.doc).filter((other) => other.id !== doc.id)
    const weights = idf ?? idfOf([doc, ...others].map((d) => termCounts(d.title, d.description).keys()))
    const own = vectorOf(doc, weights)
    const closest = others
      .map((other) => ({ other, similarity: dot(own, vectorOf(other, weights)) }))
      .sort((a, b) => b.similarity - a.similarity || a.other.id.localeCompare(b.other.id))
      .slice(0, NEIGHBOURS)
    const neighbours = await Promise.all(
      closest.map(async ({ other, similarity }) => ({ profile: await ownProfileOf(other), similarity })),
    )
    return smoothProfile(await ownProfileOf(doc), neighbours)
  }
  const profileOf = (doc: SearchDocument, idf: ((term: string) => number) | undefined) => {
    let profile = cache.get(doc.id)
    if (!profile) cache.set(doc.id, (profile = neighbourSmoothed(doc, idf)))
    return profile
  }

  const baseQuery: EngineQuery = {
    filters: { audience: ['public'] },
    highlight: false,
    page: 1,
    pageSize: BRANCH_CANDIDATES,
    facets: [],
  }
  const branchQuery = (cpv: string): EngineQuery => ({ ...baseQuery, filters: { ...baseQuery.filters, cpv } })
  const searchAll = async (queries: EngineQuery[]) => {
    const results = await Promise.all(queries.map((query) => deps.search().search('offers', query)))
    return results.flatMap((r) => r.hits.map((hit) => hit.doc))
  }

  /** Text any-words, then the CPV branches: each code's class, the main code's group and division. */
  async function candidates(
    need: NeedSubject,
    codes: string[],
  ): Promise<{ docs: Map<string, SearchDocument>; branches: Set<string> }> {
    const q = `${need.title} ${need.description}`
    const prefixes = [
      ...new Set([...codes.map((c) => c.slice(0, 4)), codes[0]?.slice(0, 3)].filter((p): p is string => !!p)),
    ]
    const queries: EngineQuery[] = [
      { ...baseQuery, q, match: 'any', pageSize: TEXT_CANDIDATES },
      ...prefixes.map(branchQuery),
      ...(codes[0]
        ? [{ ...baseQuery, q, match: 'any' as const, filters: { ...baseQuery.filters, cpv: codes[0].slice(0, 2) } }]
        : []),
    ]
    return { docs: new Map((await searchAll(queries)).map((doc) => [doc.id, doc])), branches: new Set(prefixes) }
  }

  return {
    suggestCpv,

    async matchOffersForNeed(need: NeedSubject, options: MatchOptions = {}): Promise<OfferMatch[]> {
      const suggestedNeed = need.cpvCodes.length === 0
      const codes = suggestedNeed
        ? (await suggestCpv(need, { limit: SUGGESTED_CODES })).map((s) => s.code)
        : need.cpvCodes
      const found = await candidates(need, codes)
      const docs = [...found.docs.values()]
      const idf = options.idf ?? idfOf(docs.map((doc) => termCounts(doc.title, doc.description).keys()))
      const needVector = vectorOf(need, idf)
      const needProfile: NeedProfile = { ...need, cpv: weighted(codes, suggestedNeed) }
      const texts = new Map(docs.map((doc) => [doc.id, dot(needVector, vectorOf(doc, idf))]))
      const needCpv = suggestedNeed
        ? smoothProfile(
            await cpvProfile(need),
            await Promise.all(
              docs
                .filter((doc) => doc.language === need.language)
                .sort((x, y) => texts.get(y.id)! - texts.get(x.id)! || x.id.localeCompare(y.id))
                .slice(0, NEIGHBOURS)
                .map(async (doc) => ({ profile: await ownProfileOf(doc), similarity: texts.get(doc.id)! })),
            ),
          )
        : declaredProfile(codes)
      if (suggestedNeed) {
        // The branches the smoothed profile points to, when the suggested codes missed them.
        const extra = topBranches(needCpv).filter((prefix) => !found.branches.has(prefix))
        for (const doc of await searchAll(extra.map(branchQuery))) {
          if (found.docs.has(doc.id)) continue
          found.docs.set(doc.id, doc)
          docs.push(doc)
          texts.set(doc.id, dot(needVector, vectorOf(doc, idf)))
        }
      }
      const offerConcepts = await Promise.all(docs.map(conceptsOf))
      const conceptIdf = options.conceptIdf ?? idfOf(offerConcepts.map((counts) => counts.keys()))
      const needConcepts = conceptVector(await conceptCounts(need), conceptIdf)
      const conceptScores = new Map(
        docs.map((doc, i) => [doc.id, dot(needConcepts, conceptVector(offerConcepts[i]!, conceptIdf))]),
      )
      const details = options.offerDetails
        ? await options.offerDetails(docs.map((d) => d.id))
        : new Map<string, Partial<OfferProfile>>()
      const offerCpv = new Map<string, CpvProfile>()
      const inferred = docs.filter((doc) => options.codesSuggested?.(doc) ?? false)
      // A few at a time: each new offer asks the search port for its neighbours.
      for (let i = 0; i < inferred.length; i += PROFILE_BATCH) {
        const batch = inferred.slice(i, i + PROFILE_BATCH)
        const profiles = await Promise.all(batch.map((doc) => profileOf(doc, options.idf)))
        batch.forEach((doc, j) => offerCpv.set(doc.id, profiles[j]!))
      }
      const matches = docs.map((doc) => {
        const suggestedOffer = offerCpv.has(doc.id)
        const offer: OfferProfile = {
          cpv: weighted(doc.cpv, suggestedOffer),
          trl: doc.trl,
          region: doc.region,
          nace: doc.nace,
          s3: doc.s3,
          ...details.get(doc.id),
        }
        const cpvSimilarity =
          suggestedNeed || suggestedOffer
            ? profileSimilarity(needCpv, offerCpv.get(doc.id) ?? declaredProfile(doc.cpv))
            : undefined
        const scored = scoreMatch({
          need: needProfile,
          offer,
          text: texts.get(doc.id)!,
          concepts: conceptScores.get(doc.id),
          cpvSimilarity,
        })
        return {
          offerId: doc.id,
          organisationId: doc.organisationId,
          organisationName: doc.organisationName,
          title: doc.title,
          language: doc.language,
          score: scored.score,
          parts: scored.parts,
          reason: scored.reason,
        }
      })
      return matches
        .sort((a, b) => b.score - a.score || a.offerId.localeCompare(b.offerId))
        .slice(0, options.limit ?? 50)
    },
  }
}
export type MatchingService = ReturnType<typeof createMatchingService>
