import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { searchTaxonomy, type TaxonomyEntry, type TaxonomyKind } from '../../api/taxonomies-api.js'

const DEBOUNCE_MS = 200

export interface TaxonomySearch {
  entries: TaxonomyEntry[]
  loading: boolean
  failed: boolean
}

interface Answer {
  key: string
  entries: TaxonomyEntry[]
  failed: boolean
}

/**
 * Searches a taxonomy as the person types: waits for a pause in typing, and
 * ignores an answer that arrives after a newer query was sent. Suggestions for
 * older words are never shown, so a click cannot land on one that is about to go.
 */
export function useTaxonomySearch(kind: TaxonomyKind, query: string, enabled: boolean): TaxonomySearch {
  const { i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'en'
  const q = query.trim()
  const key = `${lang}:${kind}:${q}`
  const [answer, setAnswer] = useState<Answer>({ key: '', entries: [], failed: false })

  useEffect(() => {
    if (!enabled) return
    let current = true
    const timer = setTimeout(() => {
      searchTaxonomy(kind, { q, lang, limit: 20 }).then(
        (entries) => current && setAnswer({ key, entries, failed: false }),
        () => current && setAnswer({ key, entries: [], failed: true }),
      )
    }, DEBOUNCE_MS)
    return () => {
      current = false
      clearTimeout(timer)
    }
  }, [kind, q, lang, key, enabled])

  if (answer.key !== key) return { entries: [], loading: true, failed: false }
  return { entries: answer.entries, loading: false, failed: answer.failed }
}
