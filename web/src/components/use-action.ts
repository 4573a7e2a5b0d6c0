import { useCallback, useRef, useState } from 'react'

/**
 * Runs a one-off action (a button, not a form) and keeps its failure to show beside it. While it runs,
 * `busy` is true and further runs are ignored, so a double click sends one request, not two.
 */
export function useAction(): {
  error: unknown
  busy: boolean
  run: (action: () => Promise<void>) => Promise<void>
  clear: () => void
} {
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const running = useRef(false)
  const run = useCallback(async (action: () => Promise<void>) => {
    if (running.current) return
    running.current = true
    setBusy(true)
    setError(null)
    try {
      await action()
    } catch (failure) {
      setError(failure)
    } finally {
      running.current = false
      setBusy(false)
    }
  }, [])
  const clear = useCallback(() => setError(null), [])
  return { error, busy, run, clear }
}
