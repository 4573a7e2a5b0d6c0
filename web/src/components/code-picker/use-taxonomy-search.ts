import { useTranslation } from 'react-i18next'
import { searchTaxonomy, type TaxonomyEntry, type TaxonomyKind } from '../../api/taxonomies-api.js'
import { useDebouncedAnswer } from '../use-debounced-answer.js'

const DEBOUNCE_MS = 200

export interface TaxonomySearch {
  entries: TaxonomyEntry[]
  loading: boolean
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
  const answer = useDebouncedAnswer(key, enabled, DEBOUNCE_MS, () => searchTaxonomy(kind, { q, lang, limit: 20 }))

  if (answer?.key !== key) return { entries: [], loading: true, failed: false }
  return { entries: answer.data ?? [], loading: false, failed: answer.failed }
}
