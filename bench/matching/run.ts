import { rankOnDatabase } from '../../server/features/matching/rank.pipeline.js'
import { startTemporaryServer } from '../../server/features/matching/temporary-database.js'
import { baselineRun } from './baseline.js'
import { loadDevSet, withoutCodes, type Qrels, type RankRecord, type Run } from './dataset.js'
import { score, type Scores } from './metrics.js'

/**
 * Matching benchmark on real TED data (the matching-dev folder, kept out of
 * the repository): the product's pipeline (temporary database, catalogue
 * reindex, search-port candidates, model) beside evaluate.py's TF-IDF
 * baseline, with codes and text-only, on all offers and on IT/EN offers.
 *
 *   node --import tsx bench/matching/run.ts [/work/shared/matching-dev]
 */

const dir = process.argv[2] ?? '/work/shared/matching-dev'
const log = (message: string) => process.stderr.write(`${message}\n`)
const dev = loadDevSet(dir)
const itEnOffers = dev.offers.filter((o) => o.language === 'it' || o.language === 'en')

interface Row {
  run: string
  qrels: string
  scores: Scores
  seconds: number
}

const fmt = (x: number) => x.toFixed(3)

async function main() {
  const server = await startTemporaryServer(() => {})
  const rows: Row[] = []
  try {
    const pools: [string, RankRecord[], Qrels][] = [
      ['qrels.json', dev.offers, dev.qrels],
      ['qrels_it_en.json', itEnOffers, dev.qrelsItEn],
    ]
    for (const [mode, strip] of [
      ['with codes', false],
      ['text-only', true],
    ] as const) {
      for (const [name, offers, qrels] of pools) {
        const needs = dev.needs.filter((n) => n.id in qrels)
        const started = performance.now()
        const base: Run = baselineRun(strip ? withoutCodes(needs) : needs, offers)
        rows.push({
          run: `TF-IDF baseline, ${mode}`,
          qrels: name,
          scores: score(base, qrels),
          seconds: (performance.now() - started) / 1000,
        })
        log(`pipeline, ${mode}, ${name}…`)
        const t0 = performance.now()
        const ranking = await rankOnDatabase({
          url: await server.createDatabase(),
          needs: strip ? withoutCodes(needs) : needs,
          offers: strip ? withoutCodes(offers) : offers,
          top: 100,
          log,
        })
        rows.push({
          run: `matching pipeline, ${mode}`,
          qrels: name,
          scores: score(ranking, qrels),
          seconds: (performance.now() - t0) / 1000,
        })
      }
    }
  } finally {
    await server.close()
  }
  const lines = [
    '| run | qrels | needs | nDCG@10 | P@10 | Recall@50 | MRR | seconds |',
    '|---|---|---|---|---|---|---|---|',
    ...rows.map(
      (r) =>
        `| ${r.run} | ${r.qrels} | ${r.scores.needs} | ${fmt(r.scores.ndcg10)} | ${fmt(r.scores.p10)} | ${fmt(r.scores.recall50)} | ${fmt(r.scores.mrr)} | ${r.seconds.toFixed(1)} |`,
    ),
  ]
  process.stdout.write(`${lines.join('\n')}\n`)
}

await main()
