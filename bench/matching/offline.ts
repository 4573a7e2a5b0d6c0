import { suggestCpv } from '../../server/features/matching/cpv-suggest.model.js'
import { baselineRun } from './baseline.js'
import { loadDevSet, withoutCodes, type RankRecord } from './dataset.js'
import { score } from './metrics.js'
import { modelRun } from './offline-model.js'

/**
 * Fast, database-free view of the text-only matching on the matching-dev set:
 * the CPV suggester's accuracy per level against the buyers' main codes, and
 * the matching service ranking every offer (an engine that returns them all),
 * beside the TF-IDF baseline. For iterating on the model; run.ts is the
 * benchmark of record.
 *
 *   node --import tsx bench/matching/offline.ts [/work/shared/matching-dev] [--with-codes] [--no-suggester] [--suggester-only]
 *
 * --with-codes also ranks with the records' codes (every offer a candidate,
 * the declared codes compared), as a check that the text parts do not undo
 * the codes' ranking.
 */

const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '/work/shared/matching-dev'
const dev = loadDevSet(dir)
const log = (message: string) => process.stderr.write(`${message}\n`)

async function suggesterAccuracy(records: RankRecord[]): Promise<Record<string, number>> {
  const hits = { division: 0, group: 0, class: 0, division3: 0 }
  for (const record of records) {
    const truth = record.codes?.[0] ?? ''
    const top = (await suggestCpv(withoutCodes([record])[0]!, { limit: 3 })).map((s) => s.code)
    if (top[0]?.slice(0, 2) === truth.slice(0, 2)) hits.division++
    if (top[0]?.slice(0, 3) === truth.slice(0, 3)) hits.group++
    if (top[0]?.slice(0, 4) === truth.slice(0, 4)) hits.class++
    if (top.some((c) => c.slice(0, 2) === truth.slice(0, 2))) hits.division3++
  }
  return Object.fromEntries(Object.entries(hits).map(([k, v]) => [k, Math.round((v / records.length) * 1000) / 1000]))
}

async function main() {
  const started = performance.now()
  if (!process.argv.includes('--no-suggester')) {
    log(`suggester, needs: ${JSON.stringify(await suggesterAccuracy(dev.needs))}`)
    log(`suggester, offers: ${JSON.stringify(await suggesterAccuracy(dev.offers))}`)
    log(`(${((performance.now() - started) / 1000).toFixed(1)} s)`)
  }
  if (process.argv.includes('--suggester-only')) return
  const itEn = dev.offers.filter((o) => o.language === 'it' || o.language === 'en')
  const modes = process.argv.includes('--with-codes') ? [true, false] : [false]
  for (const withCodes of modes) {
    for (const [name, offers, qrels] of [
      ['all', dev.offers, dev.qrels],
      ['it/en', itEn, dev.qrelsItEn],
    ] as const) {
      const strip = (records: RankRecord[]) => (withCodes ? records : withoutCodes(records))
      const needs = strip(dev.needs.filter((n) => n.id in qrels))
      const t0 = performance.now()
      const model = score(await modelRun(needs, strip(offers)), qrels)
      const base = score(baselineRun(needs, offers), qrels)
      log(
        `${withCodes ? 'with codes' : 'text-only'}, ${name}: model ${JSON.stringify(model)} baseline nDCG@10 ${base.ndcg10} (${((performance.now() - t0) / 1000).toFixed(1)} s)`,
      )
    }
  }
}

await main()
