import { useCallback, useState } from 'react'

/** Runs a one-off action (a button, not a form) and keeps its failure to show beside it. */
export function useAction(): {
  error: unknown
  run: (action: () => Promise<void>) => Promise<void>
  clear: () => void
} {
  const [error, setError] = useState<unknown>(null)
  const run = useCallback(async (action: () => Promise<void>) => {
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(failure)
    }
  }, [])
  const clear = useCallback(() => setError(null), [])
  return { error, run, clear }
}
