import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import type { Option } from './fields.js'

/** EU member states, then the neighbours and partners participants most often come from. */
const EU_COUNTRIES = [
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
] as const
const OTHER_COUNTRIES = ['CH', 'GB', 'IS', 'LI', 'NO', 'UA', 'US'] as const

export function isEuCountry(country: string): boolean {
  return EU_COUNTRIES.some((code) => code === country)
}

/** Languages an organisation can hold meetings in. */
export const MEETING_LANGUAGES = ['it', 'en', 'fr', 'de', 'es'] as const

function useDisplayNames(type: 'region' | 'language'): (code: string) => string {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  return useMemo(() => {
    const names = new Intl.DisplayNames([language], { type })
    return (code: string) => names.of(code) ?? code
  }, [language, type])
}

/** Country names in the interface language (from the browser's Intl data), sorted by name. */
export function useCountryOptions(): { eu: Option[]; other: Option[] } {
  const name = useDisplayNames('region')
  const { i18n } = useTranslation()
  return useMemo(() => {
    const collator = new Intl.Collator(i18n.resolvedLanguage)
    const toOptions = (codes: readonly string[]) =>
      codes.map((code) => ({ value: code, label: name(code) })).sort((a, b) => collator.compare(a.label, b.label))
    return { eu: toOptions(EU_COUNTRIES), other: toOptions(OTHER_COUNTRIES) }
  }, [name, i18n.resolvedLanguage])
}

export function useMeetingLanguageOptions(): Option[] {
  const name = useDisplayNames('language')
  return useMemo(() => MEETING_LANGUAGES.map((code) => ({ value: code, label: name(code) })), [name])
}

/** The interface languages a person can choose for e-mails and the app. */
export function useUserLanguageOptions(): Option[] {
  const { t } = useTranslation()
  return [
    { value: 'it', label: t('language.it') },
    { value: 'en', label: t('language.en') },
  ]
}

export function browserTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'Europe/Rome'
}

/** Every IANA zone the browser knows, always including the current value. */
export function useTimeZoneOptions(current: string): Option[] {
  return useMemo(() => {
    const zones = typeof Intl.supportedValuesOf === 'function' ? Intl.supportedValuesOf('timeZone') : []
    const all = zones.includes(current) || current === '' ? zones : [current, ...zones]
    return all.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))
  }, [current])
}
