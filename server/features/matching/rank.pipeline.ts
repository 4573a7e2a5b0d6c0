import postgres from 'postgres'
import { buildApp } from '../../app.js'
import { loadConfig } from '../../config.js'
import { createServices } from '../index.js'
import { suggestCpv } from './cpv-suggest.model.js'
import { createMatchingService } from './matching.service.js'
import { idfOf, termCounts } from './matching.text.js'

/**
 * The product's pipeline end to end on a migrated database: records become
 * published offers and needs of generated, validated organisations, the
 * catalogue's own reindex builds the search index, and the matching service
 * ranks offers for each need.
 */

/** A record as `rank` reads it: codes are 8-digit CPV codes, main first, and may be absent. */
export interface RankRecord {
  id: string
  title: string
  description: string
  language: string
  codes?: string[] | undefined
}

export type Ranking = Record<string, string[]>

const OFFERS_PER_SME = 25
const normalCodes = (codes: string[] | undefined) =>
  (codes ?? []).map((c) => c.replace(/\D/g, '').slice(0, 8)).filter((c) => c.length === 8)

/** Codes as given, or the top suggestions when the record has none (the catalogue requires one). */
async function codesOf(record: RankRecord): Promise<{ codes: string[]; suggested: boolean }> {
  const given = normalCodes(record.codes)
  if (given.length > 0) return { codes: given, suggested: false }
  const suggested = (await suggestCpv(record, { limit: 3 })).map((s) => s.code)
  return { codes: suggested.length > 0 ? suggested : ['03000000'], suggested: true }
}

async function loadRecords(
  url: string,
  needs: RankRecord[],
  offers: RankRecord[],
): Promise<{ offerIds: Map<string, string>; suggestedOffers: Set<string> }> {
  const sql = postgres(url, { max: 2, onnotice: () => {} })
  try {
    const [hub] =
      await sql`insert into organisations (kind, legal_name, country, nuts2) values ('organiser', 'Rank hub', 'IT', 'ITC1') returning id`
    const [buyer] =
      await sql`insert into organisations (kind, legal_name, country, nuts2) values ('buyer', 'Rank buyer', 'DE', 'DE21') returning id`
    const smeCount = Math.max(1, Math.ceil(offers.length / OFFERS_PER_SME))
    const smes =
      await sql`insert into organisations ${sql(Array.from({ length: smeCount }, (_, i) => ({ kind: 'sme', legal_name: `SME ${i + 1}`, country: 'IT', nuts2: 'ITC1', is_sme: true })))} returning id`
    await sql`insert into affiliations ${sql([buyer!, ...smes].map((org) => ({ organiser_id: hub!.id, participant_id: org.id, status: 'validated' })))}`
    const offerIds = new Map<string, string>()
    const suggestedOffers = new Set<string>()
    for (let i = 0; i < offers.length; i += 500) {
      const batch = offers.slice(i, i + 500)
      const rows = await Promise.all(
        batch.map(async (o, j) => {
          const { codes, suggested } = await codesOf(o)
          return {
            suggested,
            row: {
              organisation_id: smes[Math.floor((i + j) / OFFERS_PER_SME)]!.id,
              title: o.title,
              description: o.description,
              language: o.language,
              cpv_main: codes[0],
              cpv_extra: codes.slice(1),
              trl: 9,
              status: 'published',
            },
          }
        }),
      )
      const inserted = await sql`insert into offers ${sql(rows.map((r) => r.row))} returning id`
      inserted.forEach((row, j) => {
        offerIds.set(row.id as string, batch[j]!.id)
        if (rows[j]!.suggested) suggestedOffers.add(row.id as string)
      })
    }
    for (let i = 0; i < needs.length; i += 500) {
      const rows = await Promise.all(
        needs.slice(i, i + 500).map(async (n) => ({
          organisation_id: buyer!.id,
          title: n.title,
          description: n.description,
          language: n.language,
          cpv_codes: (await codesOf(n)).codes,
          status: 'published',
        })),
      )
      await sql`insert into needs ${sql(rows)}`
    }
    return { offerIds, suggestedOffers }
  } finally {
    await sql.end()
  }
}

/** Loads, indexes and ranks; `top` offer ids (the caller's ids) per need, best first. */
export async function rankOnDatabase(input: {
  url: string
  needs: RankRecord[]
  offers: RankRecord[]
  top: number
  log: (message: string) => void
}): Promise<Ranking> {
  const { url, needs, offers, top, log } = input
  const started = performance.now()
  log(`loading ${offers.length} offers and ${needs.length} needs…`)
  const { offerIds, suggestedOffers } = await loadRecords(url, needs, offers)
  // The configuration in force (MEILI_HOST switches the engine), on the temporary database.
  const config = { ...loadConfig(), databaseUrl: url, logLevel: 'silent' as const, serveWeb: false, seedDemo: false }
  const app = await buildApp(config, { logger: false, outbox: { start: false } })
  try {
    await app.ready()
    const counts = await createServices(app, config).catalogue.reindex(() => {}, 1000)
    log(
      `indexed ${counts.offers} offers and ${counts.needs} needs on ${app.searchEngine.name} (${((performance.now() - started) / 1000).toFixed(1)} s since loading)`,
    )
    const matching = createMatchingService({ search: () => app.searchEngine })
    // One IDF for the whole catalogue: the text part then means the same for every need.
    const idf = idfOf(offers.map((o) => termCounts(o.title, o.description).keys()))
    const ranking: Ranking = {}
    let done = 0
    for (const need of needs) {
      const matches = await matching.matchOffersForNeed(
        {
          title: need.title,
          description: need.description,
          language: need.language,
          cpvCodes: normalCodes(need.codes),
        },
        { limit: top, idf, codesSuggested: (doc) => suggestedOffers.has(doc.id) },
      )
      ranking[need.id] = matches.map((m) => offerIds.get(m.offerId)!).filter(Boolean)
      if (++done % 20 === 0 || done === needs.length) log(`  ranked ${done}/${needs.length}`)
    }
    return ranking
  } finally {
    await app.close()
  }
}
