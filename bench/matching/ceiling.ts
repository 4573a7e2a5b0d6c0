import { labelIndex, prefixEvidence, scoreLabels } from '../../server/features/matching/cpv-suggest.model.js'
import { loadDevSet, withoutCodes, type RankRecord } from './dataset.js'
import { score } from './metrics.js'
import { modelMatches } from './offline-model.js'

/**
 * How far text-only matching can go on the matching-dev set, and what it would
 * take to go further. The grades are agreement between the buyers' CPV codes,
 * so without codes a ranking reaches them only by placing both records in the
 * CPV tree from their text.
 *
 *   node --import tsx bench/matching/ceiling.ts [/work/shared/matching-dev]
 *
 * 1. Placement the goal needs: the model's text-only top 100 per need,
 *    re-ranked with a bonus for offers in the need's branch, where each
 *    record's branch is known with probability p (independent errors, seeded).
 * 2. What training on the set itself would give (a bound, not something to
 *    ship: the set is the evaluation): multinomial naive Bayes over each
 *    record's own-language stems, five folds, records sharing a description
 *    kept in one fold; alone and combined with the label suggester's evidence.
 */

const dir = process.argv.slice(2).find((arg) => !arg.startsWith('--')) ?? '/work/shared/matching-dev'
const dev = loadDevSet(dir)
const log = (message: string) => process.stdout.write(`${message}\n`)

/** mulberry32: the same draws on every run. */
function random(seed: number): () => number {
  let a = seed
  return () => {
    a = (a + 0x6d2b79f5) | 0
    let t = Math.imul(a ^ (a >>> 15), 1 | a)
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

async function placementNeeded() {
  const needs = dev.needs.filter((n) => n.id in dev.qrels)
  const started = performance.now()
  const run = await modelMatches(withoutCodes(needs), withoutCodes(dev.offers))
  const truth = new Map([...dev.needs, ...dev.offers].map((r) => [r.id, r.codes?.[0] ?? '']))
  log(
    `text-only model, all offers: nDCG@10 ${score(Object.fromEntries(Object.entries(run).map(([id, m]) => [id, m.map((x) => x.offerId)])), dev.qrels).ndcg10} (${((performance.now() - started) / 1000).toFixed(0)} s)`,
  )
  log('\n| branch known | p = 1 | 0.8 | 0.6 | 0.47 | 0.3 |\n|---|---|---|---|---|---|')
  for (const [name, digits] of [
    ['division (2 digits)', 2],
    ['group (3 digits)', 3],
    ['class (4 digits)', 4],
  ] as const) {
    const cells = [1, 0.8, 0.6, 0.47, 0.3].map((p) => {
      const draw = random(1)
      const placed = (id: string, miss: string) => (draw() < p ? truth.get(id)!.slice(0, digits) : miss)
      const reranked = Object.fromEntries(
        needs.map((need) => {
          const branch = placed(need.id, 'need')
          const bonus = new Map(run[need.id]!.map((m) => [m.offerId, placed(m.offerId, 'offer') === branch ? 1 : 0]))
          return [
            need.id,
            [...run[need.id]!]
              .sort((a, b) => b.score + bonus.get(b.offerId)! - (a.score + bonus.get(a.offerId)!))
              .map((m) => m.offerId),
          ]
        }),
      )
      return score(reranked, dev.qrels).ndcg10.toFixed(3)
    })
    log(`| ${name} | ${cells.join(' | ')} |`)
  }
}

/** FNV-1a: lots that repeat one description land in one fold. */
function foldOf(text: string, folds: number): number {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0) % folds
}

interface Doc {
  record: RankRecord
  kind: 'need' | 'offer'
  features: Map<string, number>
  length: number
  evidence: Map<string, number>
}

async function docsOf(): Promise<Doc[]> {
  const out: Doc[] = []
  for (const [kind, records] of [
    ['need', dev.needs],
    ['offer', dev.offers],
  ] as const) {
    for (const record of records.filter((r) => r.codes?.length)) {
      const index = await labelIndex(record.language)
      const counts = new Map<string, number>()
      const add = (text: string, weight: number) =>
        index
          .terms(text)
          .forEach((term) =>
            counts.set(`${record.language}:${term}`, (counts.get(`${record.language}:${term}`) ?? 0) + weight),
          )
      add(record.title, 3)
      add(record.description, 1)
      const features = new Map([...counts].map(([w, c]) => [w, 1 + Math.log(c)]))
      const length = [...features.values()].reduce((s, x) => s + x, 0)
      out.push({
        record,
        kind,
        features,
        length,
        evidence: prefixEvidence(scoreLabels(index, withoutCodes([record])[0]!)),
      })
    }
  }
  return out
}

function trainedAccuracy(docs: Doc[], digits: number, withSuggester: boolean): Record<'need' | 'offer', number> {
  const FOLDS = 5
  const label = (d: Doc) => d.record.codes![0]!.slice(0, digits)
  const classes = [...new Set(docs.map(label))]
  const vocabulary = new Set(docs.flatMap((d) => [...d.features.keys()])).size
  const hits = { need: 0, offer: 0 }
  const totals = { need: 0, offer: 0 }
  for (let fold = 0; fold < FOLDS; fold++) {
    const inFold = (d: Doc) => foldOf(d.record.description.slice(0, 200), FOLDS) === fold
    const words = new Map(classes.map((c) => [c, new Map<string, number>()]))
    const mass = new Map(classes.map((c) => [c, 0]))
    const count = new Map(classes.map((c) => [c, 1]))
    for (const d of docs.filter((x) => !inFold(x))) {
      const c = label(d)
      count.set(c, count.get(c)! + 1)
      for (const [w, x] of d.features) words.get(c)!.set(w, (words.get(c)!.get(w) ?? 0) + x)
      mass.set(c, mass.get(c)! + d.length)
    }
    const all = [...count.values()].reduce((s, x) => s + x, 0)
    for (const d of docs.filter(inFold)) {
      const evidence = [...d.evidence].filter(([p]) => p.length === digits)
      const evidenceTotal = evidence.reduce((s, [, x]) => s + x, 0) || 1
      let best = ''
      let bestScore = -Infinity
      for (const c of classes) {
        let ll = 0
        for (const [w, x] of d.features)
          ll += x * Math.log(((words.get(c)!.get(w) ?? 0) + 0.1) / (mass.get(c)! + 0.1 * vocabulary))
        let value = ll / Math.sqrt(Math.max(1, d.length)) + Math.log(count.get(c)! / all)
        if (withSuggester) value += Math.log(1e-6 + (d.evidence.get(c) ?? 0) / evidenceTotal)
        if (value > bestScore) [best, bestScore] = [c, value]
      }
      totals[d.kind]++
      if (best === label(d)) hits[d.kind]++
    }
  }
  return { need: hits.need / totals.need, offer: hits.offer / totals.offer }
}

async function trainedBound() {
  const docs = await docsOf()
  log(
    `\nnaive Bayes trained on the set itself (${docs.length} records, 5 folds): right branch, needs / offers\n\n| level | trained alone | trained + suggester |\n|---|---|---|`,
  )
  for (const [name, digits] of [
    ['division', 2],
    ['group', 3],
  ] as const) {
    const cells = [false, true].map((mix) => {
      const accuracy = trainedAccuracy(docs, digits, mix)
      return `${accuracy.need.toFixed(3)} / ${accuracy.offer.toFixed(3)}`
    })
    log(`| ${name} | ${cells.join(' | ')} |`)
  }
}

await placementNeeded()
await trainedBound()
