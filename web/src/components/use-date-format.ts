import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { useSession } from '../session/session-context.js'
import { localeOf } from './use-formats.js'

type Style = 'dateTime' | 'date'

const STYLES: Record<Style, Intl.DateTimeFormatOptions> = {
  dateTime: { dateStyle: 'medium', timeStyle: 'short' },
  date: { dateStyle: 'medium' },
}

/** Formats instants in the interface language and the signed-in person's time zone. */
export function useDateFormat(style: Style = 'dateTime'): (iso: string) => string {
  const { i18n } = useTranslation()
  const timeZone = useSession().session?.user.timeZone
  const language = localeOf(i18n.resolvedLanguage)
  return useMemo(() => {
    const format = makeFormat(language, { ...STYLES[style], timeZone })
    return (iso: string) => format.format(new Date(iso))
  }, [language, style, timeZone])
}

function makeFormat(language: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  try {
    return new Intl.DateTimeFormat(language, options)
  } catch {
    // An unknown time zone name must not break the page: fall back to the browser's.
    return new Intl.DateTimeFormat(language, { ...options, timeZone: undefined })
  }
}
