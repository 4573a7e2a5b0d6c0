import type { Static } from '@sinclair/typebox'
import type { CpvSuggestionItem, TaxonomyEntrySchema } from '../../../shared/schemas/catalogue.js'
import { apiGet, apiSend } from './client.js'

/** The code vocabularies behind the pickers and the facet labels. */

export type TaxonomyKind = 'cpv' | 'nace' | 'nuts2' | 's3'
export type TaxonomyEntry = Static<typeof TaxonomyEntrySchema>

export function searchTaxonomy(
  kind: TaxonomyKind,
  options: { q: string; lang: string; limit?: number },
): Promise<TaxonomyEntry[]> {
  const params = new URLSearchParams({
    q: options.q,
    lang: options.lang === 'it' ? 'it' : 'en',
    limit: String(options.limit ?? 20),
  })
  return apiGet<TaxonomyEntry[]>(`/api/taxonomies/${kind}?${params.toString()}`)
}

/** Likely CPV codes for a text in any EU language, best first, labelled in `lang` (Italian or English). */
export function suggestCpvCodes(input: {
  title: string
  description: string
  language: string
  lang: string
  limit?: number
}): Promise<CpvSuggestionItem[]> {
  const { title, description, language, lang, limit = 5 } = input
  return apiSend<CpvSuggestionItem[]>('POST', '/api/taxonomies/cpv/suggestions', {
    title: title.slice(0, 160),
    description: description.slice(0, 5000),
    language,
    lang: lang === 'it' ? 'it' : 'en',
    limit,
  })
}

/** Does `entry` name `code`? A CPV division `34` is named by `34000000`, a NACE class `62.01` by its division `62`. */
function names(entry: TaxonomyEntry, kind: TaxonomyKind, code: string): boolean {
  if (entry.code === code) return true
  if (kind === 'cpv') return entry.code === code.padEnd(8, '0')
  if (kind === 'nace') return code.startsWith(`${entry.code}.`)
  return false
}

/** Labels asked for once per language and code, shared by every picker, facet and detail page. */
const labels = new Map<string, Promise<TaxonomyEntry | null>>()
const labelKey = (kind: TaxonomyKind, code: string, lang: string) => `${lang}:${kind}:${code}`

export function lookupCode(kind: TaxonomyKind, code: string, lang: string): Promise<TaxonomyEntry | null> {
  const key = labelKey(kind, code, lang)
  let entry = labels.get(key)
  if (!entry) {
    entry = searchTaxonomy(kind, { q: code, lang, limit: 1 }).then(
      (found) => found.find((candidate) => names(candidate, kind, code)) ?? null,
      () => {
        labels.delete(key) // a failed look-up may succeed later
        return null
      },
    )
    labels.set(key, entry)
  }
  return entry
}

/** A picker already knows the label of what was chosen: keep it, so its chip needs no request. */
export function rememberEntry(kind: TaxonomyKind, entry: TaxonomyEntry, lang: string): void {
  const other = lang === 'it' ? 'en' : 'it'
  labels.set(labelKey(kind, entry.code, lang), Promise.resolve(entry))
  labels.set(
    labelKey(kind, entry.code, other),
    Promise.resolve({ code: entry.code, label: entry.labelOther, labelOther: entry.label }),
  )
}
