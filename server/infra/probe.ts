import type { HealthComponent } from '../../shared/schemas/health.js'

/** Runs a check with a time limit and reports it as a health component. */
export async function probe(engine: string, check: () => Promise<void>, timeoutMs = 2000): Promise<HealthComponent> {
  const started = performance.now()
  let timer: NodeJS.Timeout | undefined
  try {
    await Promise.race([
      check(),
      new Promise((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer within ${timeoutMs} ms`)), timeoutMs)
      }),
    ])
    return { state: 'up', engine, latencyMs: round(performance.now() - started) }
  } catch (error) {
    return { state: 'down', engine, latencyMs: round(performance.now() - started), detail: describe(error) }
  } finally {
    clearTimeout(timer)
  }
}

function round(ms: number): number {
  return Math.round(ms * 10) / 10
}

function describe(error: unknown): string {
  if (error instanceof Error) return error.message || error.name
  return String(error)
}
