import { eq } from 'drizzle-orm'
import type { MatchView, MatchViewItem, MatchViewQuery } from '../../../shared/schemas/matching-views.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database } from '../../infra/db.js'
import type { EngineQuery, SearchDocument, SearchEngine } from '../../infra/search/search.types.js'
import { users } from '../accounts/accounts.table.js'
import { catalogueProblems } from '../catalogue/catalogue.errors.js'
import * as catalogue from '../catalogue/catalogue.repository.js'
import { audienceOf } from '../catalogue/catalogue.service.js'
import { conceptCounts, conceptVector } from './cross-language.model.js'
import { scoreMatch, type NeedProfile, type OfferProfile, type WeightedCode } from './matching.model.js'
import type { MatchingService } from './matching.service.js'
import { dot, idfOf, termCounts, tfidfVector } from './matching.text.js'
import type { TendersService } from '../tenders/tenders.service.js'

/**
 * The needs that match one offer, and the offers that match one need,
 * computed when asked: one record against the candidates the search port
 * returns for it (a few hundred at most), scored by the pure model, cut to
 * the first `limit`. The event-wide SME↔buyer lists stay with the outbox
 * (recommendations.compute.ts).
 *
 * Who may look: the members of the record's organisation and the hubs that
 * validated it; anyone else is told the record does not exist. Only what the
 * catalogue shows is matched: published records of validated organisations,
 * and a need for selected SMEs only when both the offer's SME and the caller
 * may see it.
 */

export interface ViewsDeps {
  db: Database
  clock: Clock
  search: () => SearchEngine
  matching: Pick<MatchingService, 'matchOffersForNeed'>
  tenders: Pick<TendersService, 'tenderFactsOf'>
}

/** Bounds of each candidate query against the needs index. */
const TEXT_CANDIDATES = 150
const BRANCH_CANDIDATES = 100

const weighted = (codes: string[]): WeightedCode[] => codes.map((code, i) => ({ code, weight: i === 0 ? 1 : 0.8 }))
const rounded = (parts: Record<string, number>) =>
  Object.fromEntries(Object.entries(parts).map(([part, value]) => [part, Math.round(value * 1e6) / 1e6]))
const byScore = (a: MatchViewItem, b: MatchViewItem) => b.score - a.score || a.id.localeCompare(b.id)

export function createViewsService(deps: ViewsDeps) {
  const { db } = deps

  /** The caller may look at a record of `organisationId`: a member, or a hub that validated it. */
  async function mayLook(viewer: AuthContext, organisationId: string): Promise<boolean> {
    if (viewer.memberships.some((m) => m.organisationId === organisationId)) return true
    const hubs = await catalogue.validatingOrganisers(db, organisationId)
    return viewer.memberships.some((m) => m.kind === 'organiser' && hubs.includes(m.organisationId))
  }

  async function languageOf(viewer: AuthContext, asked: MatchViewQuery['lang']): Promise<'it' | 'en'> {
    if (asked) return asked
    const [user] = await db.select({ language: users.language }).from(users).where(eq(users.id, viewer.userId))
    return user?.language ?? 'en'
  }

  /** Needs visible to the offer's SME (and the caller), found by the offer's words and CPV branches. */
  async function needCandidates(
    offer: Pick<SearchDocument, 'title' | 'description' | 'cpv'>,
    audience: string[],
  ): Promise<SearchDocument[]> {
    const base: EngineQuery = {
      // A need whose deadline has passed is no longer sourcing: it leaves the matches.
      filters: { audience, openAt: deps.clock.now().getTime() },
      highlight: false,
      page: 1,
      pageSize: BRANCH_CANDIDATES,
      facets: [],
    }
    const q = `${offer.title} ${offer.description}`
    const prefixes = [...new Set([...offer.cpv.map((c) => c.slice(0, 4)), offer.cpv[0]!.slice(0, 3)])]
    const queries: EngineQuery[] = [
      { ...base, q, match: 'any', pageSize: TEXT_CANDIDATES },
      ...prefixes.map((cpv) => ({ ...base, filters: { ...base.filters, cpv } })),
      { ...base, q, match: 'any', filters: { ...base.filters, cpv: offer.cpv[0]!.slice(0, 2) } },
    ]
    const results = await Promise.all(queries.map((query) => deps.search().search('needs', query)))
    return [...new Map(results.flatMap((r) => r.hits.map((hit) => [hit.doc.id, hit.doc] as const))).values()]
  }

  return {
    async needsForOffer(viewer: AuthContext, offerId: string, query: MatchViewQuery): Promise<MatchView> {
      const row = await catalogue.findOffer(db, offerId)
      if (!row || !(await mayLook(viewer, row.organisation.id))) throw catalogueProblems.offerNotFound()
      const language = await languageOf(viewer, query.lang)
      const { offer, organisation } = row
      const codes = [offer.cpvMain, ...offer.cpvExtra]
      const offerDoc = { title: offer.title, description: offer.description, cpv: codes }
      const mine = audienceOf(viewer)
      const docs = (await needCandidates(offerDoc, ['public', organisation.id])).filter(
        (doc) => !mine || doc.audience.some((a) => mine.includes(a)),
      )
      const rows = new Map(
        (
          await catalogue.findNeeds(
            db,
            docs.map((doc) => doc.id),
          )
        ).map((r) => [r.listing.id, r.listing as catalogue.NeedRow]),
      )
      const idf = idfOf([offerDoc, ...docs].map((doc) => termCounts(doc.title, doc.description).keys()))
      const offerVector = tfidfVector(termCounts(offer.title, offer.description), idf)
      const [offerConcepts, ...needConcepts] = await Promise.all(
        [{ ...offerDoc, language: offer.language }, ...docs].map(conceptCounts),
      )
      const conceptIdf = idfOf([offerConcepts!, ...needConcepts].map((counts) => counts.keys()))
      const offerConceptVector = conceptVector(offerConcepts!, conceptIdf)
      const offerProfile: OfferProfile = {
        cpv: weighted(codes),
        trl: offer.trl,
        certifications: offer.certifications,
        region: organisation.nuts2 ?? undefined,
        nace: offer.naceCode ?? organisation.naceCode ?? undefined,
        s3: offer.s3Domain ?? undefined,
      }
      const items = docs.flatMap((doc, i): MatchViewItem[] => {
        const need = rows.get(doc.id)
        if (!need || need.status !== 'published') return []
        const needProfile: NeedProfile = {
          cpv: weighted(need.cpvCodes),
          minTrl: need.minTrl ?? undefined,
          requiredCertifications: need.requiredCertifications,
          region: doc.region,
          nace: doc.nace,
        }
        const scored = scoreMatch({
          need: needProfile,
          offer: offerProfile,
          text: dot(offerVector, tfidfVector(termCounts(doc.title, doc.description), idf)),
          concepts: dot(offerConceptVector, conceptVector(needConcepts[i]!, conceptIdf)),
        })
        if (scored.score <= 0) return []
        return [
          {
            id: doc.id,
            title: doc.title,
            language: doc.language,
            organisation: { id: doc.organisationId, name: doc.organisationName },
            score: scored.score,
            parts: rounded(scored.parts),
            reason: scored.reason[language],
          },
        ]
      })
      const kept = items.sort(byScore).slice(0, query.limit)
      const tenders = await deps.tenders.tenderFactsOf(kept.map((item) => item.id))
      return {
        language,
        items: kept.map((item) => {
          const doc = docs.find((d) => d.id === item.id)!
          const tender = tenders.get(item.id)
          // A tender's exact instant; a buyer's own need has a day only.
          const deadline =
            tender?.deadlineAt ?? (doc.deadline ? new Date(doc.deadline).toISOString().slice(0, 10) : undefined)
          return {
            ...item,
            ...(doc.buyerType ? { buyerType: doc.buyerType } : {}),
            ...(deadline ? { deadline } : {}),
            ...(tender?.tedUrl ? { tedUrl: tender.tedUrl } : {}),
          }
        }),
      }
    },

    async offersForNeed(viewer: AuthContext, needId: string, query: MatchViewQuery): Promise<MatchView> {
      const row = await catalogue.findNeed(db, needId)
      if (!row || !(await mayLook(viewer, row.organisation.id))) throw catalogueProblems.needNotFound()
      const language = await languageOf(viewer, query.lang)
      const { need, organisation } = row
      const offerDetails = async (ids: string[]) =>
        new Map(
          (await catalogue.findOffers(db, ids)).map((r) => [
            r.listing.id,
            { certifications: (r.listing as catalogue.OfferRow).certifications },
          ]),
        )
      const matches = await deps.matching.matchOffersForNeed(
        {
          title: need.title,
          description: need.description,
          language: need.language,
          cpvCodes: need.cpvCodes,
          minTrl: need.minTrl ?? undefined,
          requiredCertifications: need.requiredCertifications,
          region: organisation.nuts2 ?? undefined,
          nace: organisation.naceCode ?? undefined,
        },
        { limit: query.limit, offerDetails },
      )
      const items = matches
        .filter((match) => match.score > 0)
        .map((match) => ({
          id: match.offerId,
          title: match.title,
          language: match.language,
          organisation: { id: match.organisationId, name: match.organisationName },
          score: match.score,
          parts: rounded(match.parts),
          reason: match.reason[language],
        }))
      return { language, items }
    },
  }
}
export type ViewsService = ReturnType<typeof createViewsService>
