import { useEffect, useRef, useState } from 'react'
import type { SearchQuery, SearchResult } from '../../../../shared/schemas/catalogue.js'
import { search, type SearchIndex } from '../../api/catalogue-api.js'

export interface SearchState {
  /** The last answer, kept on screen while the next one is on its way. */
  result: SearchResult | null
  error: unknown
  /** A newer query than the one shown is being answered. */
  busy: boolean
  retry: () => void
}

/** Runs the search whenever the query changes; answers to older queries are dropped. */
export function useSearchResults(index: SearchIndex, query: SearchQuery, enabled: boolean): SearchState {
  const key = `${index}?${JSON.stringify(query)}`
  const [shown, setShown] = useState<{ key: string; result: SearchResult | null; error: unknown }>({
    key: '',
    result: null,
    error: null,
  })
  const [attempt, setAttempt] = useState(0)
  const queryRef = useRef(query)
  queryRef.current = query

  useEffect(() => {
    if (!enabled) return
    let current = true
    search(index, queryRef.current).then(
      (result) => current && setShown({ key, result, error: null }),
      (error: unknown) => current && setShown((previous) => ({ key, result: previous.result, error })),
    )
    return () => {
      current = false
    }
  }, [index, key, enabled, attempt])

  return {
    result: shown.result,
    error: shown.error,
    busy: enabled && shown.key !== key,
    retry: () => setAttempt((n) => n + 1),
  }
}
