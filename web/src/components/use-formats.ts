import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'

/** The locale of the interface language, not the browser's: an Italian page writes 2.630.000 € wherever it runs. */
export function localeOf(language: string | undefined): 'it-IT' | 'en-GB' {
  return language?.startsWith('it') ? 'it-IT' : 'en-GB'
}

export interface Formats {
  locale: 'it-IT' | 'en-GB'
  /** 1.234,5 / 1,234.5 */
  number(value: number): string
  /** Whole euros: 10.600.000 € / €10,600,000 */
  eur(value: number): string
  /** Whole units of any ISO 4217 currency: 90.000 BWP / BWP 90,000 */
  money(value: number, currency: string): string
  /** A share from 0 to 1: 12,5% / 12.5% */
  percent(value: number): string
  /** Years are names, not amounts: 2024, never 2,024. */
  year(value: number): string
  /** A calendar day (`2025-10-01`): 1 ott 2025 / 1 Oct 2025, the same in every time zone. */
  day(value: string): string
}

export function formatsFor(language: string | undefined): Formats {
  const locale = localeOf(language)
  const number = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 })
  const eur = new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR', maximumFractionDigits: 0 })
  const percent = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 1 })
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' })
  return {
    locale,
    number: (value) => number.format(value),
    eur: (value) => eur.format(value),
    money: (value, currency) =>
      new Intl.NumberFormat(locale, { style: 'currency', currency, maximumFractionDigits: 0 }).format(value),
    percent: (value) => percent.format(value),
    year: (value) => String(value),
    day: (value) => {
      const date = new Date(`${value.slice(0, 10)}T00:00:00Z`)
      return Number.isNaN(date.getTime()) ? value : day.format(date)
    },
  }
}

/** Numbers, money and percentages in the interface language. */
export function useFormats(): Formats {
  const { i18n } = useTranslation()
  const language = i18n.resolvedLanguage
  return useMemo(() => formatsFor(language), [language])
}
