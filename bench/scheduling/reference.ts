import fs from 'node:fs'

/** One row of shared/b2bsp/reference.json: the paper's result for an instance. */
export interface Reference {
  instance: string
  fairness: number | null
  reference: number | null
  status: 'optimal' | 'infeasible' | 'best-known'
}

/** The paper's results at this fairness, by instance name; empty when the file is absent. */
export function loadReferences(file: string, fairness: number | null): Map<string, Reference> {
  if (!fs.existsSync(file)) return new Map()
  const data = JSON.parse(fs.readFileSync(file, 'utf8')) as { results: Reference[] }
  return new Map(data.results.filter((r) => r.fairness === fairness).map((r) => [r.instance, r]))
}
