import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'

/**
 * Filters and a page kept in the address, so a reload or a shared link shows
 * the same list. `read` parses the address (ignoring what it does not know),
 * `write` gives the address keys for a query (empty values are left out).
 * The query is also held locally, so an input bound to it does not flicker
 * while the address catches up.
 */
export function useAddressQuery<Q>(
  read: (params: URLSearchParams) => Q,
  write: (query: Q) => Record<string, string | number | undefined>,
): [Q, (next: Q) => void] {
  const [params, setParams] = useSearchParams()
  const [query, setQuery] = useState(() => read(params))
  const address = params.toString()
  useEffect(() => setQuery(read(new URLSearchParams(address))), [address])
  const set = (next: Q) => {
    setQuery(next)
    const out = new URLSearchParams(params)
    for (const [key, value] of Object.entries(write(next))) {
      out.delete(key)
      if (value !== undefined && value !== '') out.set(key, String(value))
    }
    setParams(out, { replace: true })
  }
  return [query, set]
}

/** A page number from the address: a whole number from 1 to 10,000, else 1. */
export function pageParam(params: URLSearchParams, key = 'page'): number {
  const page = Number(params.get(key))
  return Number.isInteger(page) && page >= 1 && page <= 10_000 ? page : 1
}
