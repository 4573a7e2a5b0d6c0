import type { RankRecord, Run } from './dataset.js'

/** matching-dev/evaluate.py's baseline, ported: TF-IDF cosine over `\w{3,}` tokens of title + description, top 100. */
const tokens = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}_]{3,}/gu) ?? []

function counts(words: string[]): Map<string, number> {
  const c = new Map<string, number>()
  for (const w of words) c.set(w, (c.get(w) ?? 0) + 1)
  return c
}

export function baselineRun(needs: RankRecord[], offers: RankRecord[]): Run {
  const docs = new Map(offers.map((o) => [o.id, counts(tokens(`${o.title} ${o.description}`))]))
  const df = new Map<string, number>()
  for (const c of docs.values()) for (const t of c.keys()) df.set(t, (df.get(t) ?? 0) + 1)
  const n = docs.size
  const idf = (t: string) => (df.has(t) ? Math.log((n + 1) / (df.get(t)! + 0.5)) : 0)
  const vec = (c: Map<string, number>) => {
    const v = new Map([...c].map(([t, f]) => [t, (1 + Math.log(f)) * idf(t)]))
    const norm = Math.sqrt([...v.values()].reduce((s, x) => s + x * x, 0)) || 1
    return new Map([...v].map(([t, x]) => [t, x / norm]))
  }
  const inverted = new Map<string, [string, number][]>()
  for (const [id, c] of docs)
    for (const [t, x] of vec(c)) (inverted.get(t) ?? inverted.set(t, []).get(t)!).push([id, x])
  const run: Run = {}
  for (const need of needs) {
    const scores = new Map<string, number>()
    for (const [t, x] of vec(counts(tokens(`${need.title} ${need.description}`)))) {
      for (const [id, y] of inverted.get(t) ?? []) scores.set(id, (scores.get(id) ?? 0) + x * y)
    }
    run[need.id] = [...scores]
      .sort((a, b) => b[1] - a[1])
      .slice(0, 100)
      .map(([id]) => id)
  }
  return run
}
