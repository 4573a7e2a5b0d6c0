/**
 * The weeks of a month as ISO dates (Monday first), padded with the days of the
 * neighbouring months. Pure date arithmetic in UTC: event days are calendar
 * dates in the event's own zone, never instants.
 */
export interface Month {
  year: number
  /** 1–12 */
  month: number
}

export function monthOf(isoDate: string): Month {
  return { year: Number(isoDate.slice(0, 4)), month: Number(isoDate.slice(5, 7)) }
}

export function addMonths({ year, month }: Month, delta: number): Month {
  const index = year * 12 + (month - 1) + delta
  return { year: Math.floor(index / 12), month: (index % 12) + 1 }
}

const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10)
const DAY = 86_400_000

export function monthGrid({ year, month }: Month): string[][] {
  const first = Date.UTC(year, month - 1, 1)
  const mondayOffset = (new Date(first).getUTCDay() + 6) % 7
  const start = first - mondayOffset * DAY
  const last = Date.UTC(year, month, 0)
  const weeks: string[][] = []
  for (let day = start; day <= last; day += 7 * DAY) weeks.push(Array.from({ length: 7 }, (_, i) => iso(day + i * DAY)))
  return weeks
}

/** The month to open on: the first one with a day on or after today, else the last one with any, else today's. */
export function initialMonth(dates: string[], today: string): Month {
  const sorted = [...dates].sort()
  return monthOf(sorted.find((d) => d >= today) ?? sorted[sorted.length - 1] ?? today)
}
