import { useEffect, useRef, useState } from 'react'

/** The answer to the latest request that came back, and the key it was asked for. */
export type DebouncedAnswer<T> = { key: string; data: T; failed: false } | { key: string; data: null; failed: true }

/**
 * Calls `load` once `key` has stayed the same for `delayMs` (a pause in
 * typing), and keeps the answer with its key; an answer to a request made for
 * an older key, or after unmount, is dropped. Null until the first answer.
 * Whether an answer for another key is still worth showing is the caller's.
 */
export function useDebouncedAnswer<T>(
  key: string,
  enabled: boolean,
  delayMs: number,
  load: () => Promise<T>,
): DebouncedAnswer<T> | null {
  const [answer, setAnswer] = useState<DebouncedAnswer<T> | null>(null)
  const loadRef = useRef(load)
  loadRef.current = load

  useEffect(() => {
    if (!enabled) return
    let current = true
    const timer = setTimeout(() => {
      loadRef.current().then(
        (data) => current && setAnswer({ key, data, failed: false }),
        () => current && setAnswer({ key, data: null, failed: true }),
      )
    }, delayMs)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [key, enabled, delayMs])

  return answer
}
