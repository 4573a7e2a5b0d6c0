import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useFormats } from '../use-formats.js'

/** Country and language names in the interface language, from the browser's Intl data. */
export function useDisplayNames() {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => {
    const regions = new Intl.DisplayNames([language], { type: 'region' })
    const languages = new Intl.DisplayNames([language], { type: 'language' })
    const safe = (names: Intl.DisplayNames) => (code: string) => {
      try {
        return names.of(code) ?? code
      } catch {
        return code // not a well-formed code
      }
    }
    return { country: safe(regions), language: safe(languages) }
  }, [language])
}

/** Whole euros in the interface language, e.g. "250.000 €" or "€250,000". */
export function useEuroFormat(): (amount: number) => string {
  return useFormats().eur
}
