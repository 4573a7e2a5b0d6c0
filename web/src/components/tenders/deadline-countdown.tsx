import { useTranslation } from 'react-i18next'
import { localeOf } from '../use-formats.js'

const DAY = 86_400_000
/** The first unit the time span holds at least this many of: 45 days read as months, 18 months as years. */
const UNITS: [Intl.RelativeTimeFormatUnit, number, number][] = [
  ['year', 365 * DAY, 1.5],
  ['month', 30 * DAY, 1.5],
  ['day', DAY, 1],
  ['hour', 3_600_000, 1],
  ['minute', 60_000, 1],
]

/** "in 5 days" / "tra 5 giorni": the largest whole unit, rounded down, so a deadline never looks further than it is. */
export function relativeTo(at: Date, now: Date, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  const ms = at.getTime() - now.getTime()
  for (const [unit, size, least] of UNITS) {
    if (Math.abs(ms) < least * size) continue
    return format.format(Math.trunc(ms / size), unit)
  }
  return format.format(0, 'minute')
}

/**
 * A deadline as a countdown in the reader's language, with the exact date and time beside it; `day`: only
 * the day is known (`2027-03-01`), so the countdown runs to its end and the date stands alone.
 */
export function DeadlineCountdown({
  at,
  day,
  now = new Date(),
  testId,
}: {
  at?: string
  day?: string
  now?: Date
  testId?: string
}) {
  const { t, i18n } = useTranslation()
  const locale = localeOf(i18n.resolvedLanguage)
  const deadline = new Date(day ? `${day}T23:59:59Z` : (at ?? ''))
  const exact = day
    ? new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' }).format(deadline)
    : new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(deadline)
  const passed = deadline.getTime() <= now.getTime()
  const soon = !passed && deadline.getTime() - now.getTime() < 7 * DAY
  return (
    <span
      className={passed ? 'deadline deadline-passed' : soon ? 'deadline deadline-soon' : 'deadline'}
      data-testid={testId}
      data-deadline={day ?? at}
    >
      {t(passed ? 'tenders.closed' : 'tenders.closes', { when: relativeTo(deadline, now, locale) })}{' '}
      <time dateTime={day ?? at} className="muted small">
        ({exact})
      </time>
    </span>
  )
}
