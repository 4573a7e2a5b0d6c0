import { useCallback, useEffect, useState } from 'react'
import type { Health } from '../../../shared/schemas/health.js'
import { getHealth } from '../api/client.js'

export type HealthResult =
  { kind: 'loading' } | { kind: 'ready'; health: Health; checkedAt: Date } | { kind: 'failed'; error: unknown }

/** Fetches `/health` once on mount and again whenever `reload` is called. */
export function useHealth(): { result: HealthResult; reload: () => void } {
  const [result, setResult] = useState<HealthResult>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    let current = true // ignore answers that arrive after a newer request or unmount
    getHealth().then(
      (health) => current && setResult({ kind: 'ready', health, checkedAt: new Date() }),
      (error: unknown) => current && setResult({ kind: 'failed', error }),
    )
    return () => {
      current = false
    }
  }, [attempt])

  const reload = useCallback(() => {
    setResult({ kind: 'loading' })
    setAttempt((n) => n + 1)
  }, [])

  return { result, reload }
}
