import type { Qrels, Run } from './dataset.js'

/** The metrics of matching-dev/evaluate.py: nDCG@k (gain 2^grade − 1), P@k, Recall@50, MRR; relevant = grade ≥ 2. */
export interface Scores {
  ndcg10: number
  p10: number
  recall50: number
  mrr: number
  needs: number
}

function ndcg(ranked: string[], rel: Record<string, number>, k: number): number {
  const dcg = ranked.slice(0, k).reduce((sum, d, i) => sum + (2 ** (rel[d] ?? 0) - 1) / Math.log2(i + 2), 0)
  const ideal = Object.values(rel)
    .sort((a, b) => b - a)
    .slice(0, k)
  const idcg = ideal.reduce((sum, g, i) => sum + (2 ** g - 1) / Math.log2(i + 2), 0)
  return idcg ? dcg / idcg : 0
}

export function score(run: Run, qrels: Qrels, k = 10): Scores {
  const total = { ndcg10: 0, p10: 0, recall50: 0, mrr: 0 }
  const needs = Object.keys(qrels)
  for (const id of needs) {
    const rel = qrels[id]!
    const ranked = run[id] ?? []
    const good = new Set(
      Object.entries(rel)
        .filter(([, g]) => g >= 2)
        .map(([d]) => d),
    )
    total.ndcg10 += ndcg(ranked, rel, k)
    total.p10 += ranked.slice(0, k).filter((d) => good.has(d)).length / k
    total.recall50 += good.size ? ranked.slice(0, 50).filter((d) => good.has(d)).length / good.size : 0
    const first = ranked.findIndex((d) => good.has(d))
    total.mrr += first >= 0 ? 1 / (first + 1) : 0
  }
  const mean = (x: number) => Math.round((x / needs.length) * 10000) / 10000
  return {
    ndcg10: mean(total.ndcg10),
    p10: mean(total.p10),
    recall50: mean(total.recall50),
    mrr: mean(total.mrr),
    needs: needs.length,
  }
}
