/**
 * iCalendar (RFC 5545) for agendas. Times are written in UTC, so no
 * VTIMEZONE is needed and every calendar shows them in its own zone. A
 * meeting keeps its UID for life; SEQUENCE grows with each change and a
 * cancelled meeting stays in the feed as STATUS:CANCELLED, so calendar apps
 * replace their copy instead of keeping a stale one.
 */

export interface CalendarEntry {
  uid: string
  sequence: number
  status: 'scheduled' | 'cancelled'
  startsAt: Date
  endsAt: Date
  stamp: Date
  summary: string
  description: string
  location: string | null
  url: string | null
}

const CRLF = '\r\n'

/** TEXT value escaping (RFC 5545 §3.3.11). */
export function escapeText(value: string): string {
  return value.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n')
}

const utc = (date: Date) =>
  date
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '')

/** Lines longer than 75 octets continue on the next line after a space, never splitting a UTF-8 character (§3.1). */
export function foldLine(line: string): string {
  const parts: string[] = []
  let current = ''
  let octets = 0
  for (const char of line) {
    const size = Buffer.byteLength(char)
    if (octets + size > (parts.length === 0 ? 75 : 74)) {
      parts.push(current)
      current = ''
      octets = 0
    }
    current += char
    octets += size
  }
  parts.push(current)
  return parts.join(`${CRLF} `)
}

export function calendar(name: string, entries: CalendarEntry[]): string {
  const lines = [
    'BEGIN:VCALENDAR',
    'VERSION:2.0',
    'PRODID:-//Meet the Buyer//Agenda//EN',
    'CALSCALE:GREGORIAN',
    'METHOD:PUBLISH',
    `X-WR-CALNAME:${escapeText(name)}`,
  ]
  for (const entry of entries) {
    lines.push(
      'BEGIN:VEVENT',
      `UID:${entry.uid}`,
      `DTSTAMP:${utc(entry.stamp)}`,
      `DTSTART:${utc(entry.startsAt)}`,
      `DTEND:${utc(entry.endsAt)}`,
      `SEQUENCE:${entry.sequence}`,
      `STATUS:${entry.status === 'cancelled' ? 'CANCELLED' : 'CONFIRMED'}`,
      `SUMMARY:${escapeText(entry.summary)}`,
      `DESCRIPTION:${escapeText(entry.description)}`,
      ...(entry.location ? [`LOCATION:${escapeText(entry.location)}`] : []),
      ...(entry.url ? [`URL:${entry.url}`] : []),
      'TRANSP:OPAQUE',
      'END:VEVENT',
    )
  }
  lines.push('END:VCALENDAR')
  return lines.map(foldLine).join(CRLF) + CRLF
}
