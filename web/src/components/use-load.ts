import { useCallback, useEffect, useRef, useState } from 'react'

export type Loaded<T> = { kind: 'loading' } | { kind: 'ready'; data: T } | { kind: 'failed'; error: unknown }

export interface LoadState<T> {
  result: Loaded<T>
  /** Loads again; `quiet` keeps showing the current data meanwhile. */
  reload: (quiet?: boolean) => void
  /** Replaces the data after a write answered with the new value. */
  setData: (data: T) => void
}

/**
 * Calls `load` on mount and whenever `key` changes (null: do nothing yet).
 * Answers that arrive after a newer request or after unmount are ignored.
 */
export function useLoad<T>(key: string | null, load: () => Promise<T>): LoadState<T> {
  const [result, setResult] = useState<Loaded<T>>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    if (key === null) return
    let current = true
    loadRef.current().then(
      (data) => current && setResult({ kind: 'ready', data }),
      (error: unknown) => current && setResult({ kind: 'failed', error }),
    )
    return () => {
      current = false
    }
  }, [key, attempt])

  const reload = useCallback((quiet = false) => {
    if (!quiet) setResult({ kind: 'loading' })
    setAttempt((n) => n + 1)
  }, [])
  const setData = useCallback((data: T) => setResult({ kind: 'ready', data }), [])

  return { result, reload, setData }
}
