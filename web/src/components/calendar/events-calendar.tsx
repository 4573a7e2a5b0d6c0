import { useMemo, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { addMonths, initialMonth, monthGrid, type Month } from './month-grid.js'

export interface CalendarEntry {
  id: string
  title: string
  dates: string[]
  href: string
  /** A class for the entry's colour, e.g. its participation status. */
  tone?: string
}

const todayIso = () => new Date().toISOString().slice(0, 10)

/** A month of event days, Monday first, with the interface language's names; arrows move between months. */
export function EventsCalendar({ entries }: { entries: CalendarEntry[] }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage ?? 'en'
  const [month, setMonth] = useState<Month>(() =>
    initialMonth(
      entries.flatMap((e) => e.dates),
      todayIso(),
    ),
  )
  const byDate = useMemo(() => {
    const map = new Map<string, CalendarEntry[]>()
    for (const entry of entries) for (const date of entry.dates) map.set(date, [...(map.get(date) ?? []), entry])
    return map
  }, [entries])
  const weeks = monthGrid(month)
  const label = new Intl.DateTimeFormat(language, { month: 'long', year: 'numeric', timeZone: 'UTC' }).format(
    Date.UTC(month.year, month.month - 1, 1),
  )
  const weekday = new Intl.DateTimeFormat(language, { weekday: 'short', timeZone: 'UTC' })
  const prefix = `${month.year}-${String(month.month).padStart(2, '0')}`
  const today = todayIso()

  return (
    <div className="calendar" data-testid="events-calendar" data-month={prefix}>
      <div className="calendar-head">
        <button
          type="button"
          className="button button-small button-secondary"
          data-testid="calendar-previous"
          aria-label={t('calendar.previous')}
          onClick={() => setMonth((m) => addMonths(m, -1))}
        >
          ‹
        </button>
        <h3 aria-live="polite">{label}</h3>
        <button
          type="button"
          className="button button-small button-secondary"
          data-testid="calendar-next"
          aria-label={t('calendar.next')}
          onClick={() => setMonth((m) => addMonths(m, 1))}
        >
          ›
        </button>
      </div>
      <table className="calendar-grid">
        <thead>
          <tr>
            {weeks[0]!.map((date) => (
              <th key={date} scope="col">
                {weekday.format(new Date(`${date}T00:00:00Z`))}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {weeks.map((week) => (
            <tr key={week[0]}>
              {week.map((date) => {
                const here = byDate.get(date) ?? []
                const outside = !date.startsWith(prefix)
                return (
                  <td
                    key={date}
                    className={
                      [outside ? 'calendar-outside' : '', date === today ? 'calendar-today' : ''].join(' ').trim() ||
                      undefined
                    }
                    data-date={date}
                  >
                    <span className="calendar-day">{Number(date.slice(8))}</span>
                    {here.map((entry) => (
                      <Link
                        key={entry.id}
                        to={entry.href}
                        className={`calendar-entry ${entry.tone ?? ''}`.trim()}
                        data-testid="calendar-entry"
                      >
                        {entry.title}
                      </Link>
                    ))}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
