/**
 * Converts between `datetime-local` text and ISO instants in an IANA zone, so
 * deadlines are typed in the event's own wall-clock time, not the browser's.
 */

function wallClock(ms: number, timeZone: string): Record<string, number> {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(new Date(ms))
  return Object.fromEntries(parts.filter((p) => p.type !== 'literal').map((p) => [p.type, Number(p.value)]))
}

/** Minutes the zone is ahead of UTC at that instant. */
function offsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone)
  return (
    Date.UTC(w.year ?? 0, (w.month ?? 1) - 1, w.day ?? 1, w.hour ?? 0, w.minute ?? 0) - Math.floor(ms / 60_000) * 60_000
  )
}

export function isKnownZone(timeZone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone })
    return true
  } catch {
    return false
  }
}

/** `2026-03-10T18:00` in `Europe/Rome` → `2026-03-10T17:00:00.000Z`; empty text → undefined. */
export function localToIso(local: string, timeZone: string): string | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local)
  if (!match) return undefined
  const [, y, mo, d, h, mi] = match.map(Number)
  const asUtc = Date.UTC(y ?? 0, (mo ?? 1) - 1, d ?? 1, h ?? 0, mi ?? 0)
  if (!isKnownZone(timeZone)) return new Date(asUtc).toISOString()
  const first = asUtc - offsetMs(asUtc, timeZone)
  // A second pass settles instants next to a clock change.
  return new Date(asUtc - offsetMs(first, timeZone)).toISOString()
}

/** An ISO instant as `datetime-local` text in the zone. */
export function isoToLocal(iso: string | undefined, timeZone: string): string {
  if (!iso) return ''
  const ms = Date.parse(iso)
  if (Number.isNaN(ms)) return ''
  const w = wallClock(ms, isKnownZone(timeZone) ? timeZone : 'UTC')
  const pad = (n: number | undefined) => String(n ?? 0).padStart(2, '0')
  return `${w.year}-${pad(w.month)}-${pad(w.day)}T${pad(w.hour)}:${pad(w.minute)}`
}
