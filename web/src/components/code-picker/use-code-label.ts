import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { lookupCode, type TaxonomyKind } from '../../api/taxonomies-api.js'

/** The label of one code in the interface language, once known; undefined while asking or when unknown. */
export function useCodeLabel(kind: TaxonomyKind, code: string): string | undefined {
  const { i18n } = useTranslation()
  const lang = i18n.resolvedLanguage ?? 'en'
  const [label, setLabel] = useState<{ key: string; text: string | undefined }>()
  const key = `${lang}:${kind}:${code}`

  useEffect(() => {
    if (code === '') return
    let current = true
    void lookupCode(kind, code, lang).then((entry) => {
      if (current) setLabel({ key, text: entry?.label })
    })
    return () => {
      current = false
    }
  }, [kind, code, lang, key])

  return label?.key === key ? label.text : undefined
}

/** `34121000 — Buses and coaches`, or the bare code until (or unless) its label is known. */
export function useCodeText(kind: TaxonomyKind, code: string): string {
  const label = useCodeLabel(kind, code)
  return label ? `${code} — ${label}` : code
}
