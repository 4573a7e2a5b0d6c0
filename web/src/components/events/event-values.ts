import type { EventInput, EventPatch, MtbEvent } from '../../../../shared/schemas/events.js'
import { isoToLocal, localToIso } from './zoned-time.js'

/** The event form: numbers and deadlines as typed text, turned into the request body and back. */

export interface SessionValues {
  name: string
  start: string
  end: string
}
export interface DayValues {
  date: string
  sessions: SessionValues[]
}
export const DEADLINES = ['registrationDeadline', 'requestDeadline', 'schedulingDeadline'] as const
export type DeadlineKey = (typeof DEADLINES)[number]

export interface EventValues {
  name: string
  kind: 'own' | 'external'
  externalOrganiser: string
  format: 'venue' | 'online' | 'hybrid'
  venue: string
  timeZone: string
  days: DayValues[]
  slotMinutes: string
  gapMinutes: string
  tables: string
  deadlines: Record<DeadlineKey, string>
  maxMeetingsPerParticipant: string
  virtualLinkBase: string
}

export const COMMON_ZONES = [
  'Europe/Rome',
  'Europe/London',
  'Europe/Lisbon',
  'Europe/Paris',
  'Europe/Berlin',
  'Europe/Madrid',
  'Europe/Brussels',
  'Europe/Athens',
  'Europe/Helsinki',
  'UTC',
] as const

export function emptySession(): SessionValues {
  return { name: '', start: '09:30', end: '12:30' }
}

export function emptyEvent(periodStart: string): EventValues {
  return {
    name: '',
    kind: 'own',
    externalOrganiser: '',
    format: 'venue',
    venue: '',
    timeZone: 'Europe/Rome',
    days: [{ date: periodStart, sessions: [emptySession()] }],
    slotMinutes: '20',
    gapMinutes: '5',
    tables: '',
    deadlines: { registrationDeadline: '', requestDeadline: '', schedulingDeadline: '' },
    maxMeetingsPerParticipant: '12',
    virtualLinkBase: '',
  }
}

export function fromEvent(event: MtbEvent): EventValues {
  return {
    name: event.name,
    kind: event.kind,
    externalOrganiser: event.externalOrganiser ?? '',
    format: event.format,
    venue: event.venue ?? '',
    timeZone: event.timeZone,
    days: event.days.map((day) => ({ date: day.date, sessions: day.sessions.map((s) => ({ ...s })) })),
    slotMinutes: String(event.slotMinutes),
    gapMinutes: String(event.gapMinutes),
    tables: event.tables.map((table) => table.name).join('\n'),
    deadlines: {
      registrationDeadline: isoToLocal(event.registrationDeadline, event.timeZone),
      requestDeadline: isoToLocal(event.requestDeadline, event.timeZone),
      schedulingDeadline: isoToLocal(event.schedulingDeadline, event.timeZone),
    },
    maxMeetingsPerParticipant: String(event.maxMeetingsPerParticipant),
    virtualLinkBase: event.virtualLinkBase ?? '',
  }
}

/** Table names, one per line; blank lines are ignored. */
function tableNames(text: string): { name: string }[] {
  return text
    .split('\n')
    .map((line) => line.trim())
    .filter(Boolean)
    .map((name) => ({ name }))
}

export function toEventInput(values: EventValues): EventInput {
  const input: EventInput = {
    name: values.name.trim(),
    kind: values.kind,
    format: values.format,
    timeZone: values.timeZone.trim(),
    days: values.days.map((day) => ({
      date: day.date,
      sessions: day.sessions.map((s) => ({ name: s.name.trim(), start: s.start, end: s.end })),
    })),
    slotMinutes: Number(values.slotMinutes),
    gapMinutes: Number(values.gapMinutes),
    tables: tableNames(values.tables),
    maxMeetingsPerParticipant: Number(values.maxMeetingsPerParticipant),
  }
  if (values.kind === 'external' && values.externalOrganiser.trim())
    input.externalOrganiser = values.externalOrganiser.trim()
  if (values.format !== 'online' && values.venue.trim()) input.venue = values.venue.trim()
  if (values.format !== 'venue' && values.virtualLinkBase.trim()) input.virtualLinkBase = values.virtualLinkBase.trim()
  for (const key of DEADLINES) {
    const iso = localToIso(values.deadlines[key], input.timeZone)
    if (iso) input[key] = iso
  }
  return input
}

const EVENT_OPTIONAL = ['externalOrganiser', 'venue', 'virtualLinkBase', ...DEADLINES] as const

/** An edit sends every field; optional ones left empty are sent as null, which clears them. */
export function toEventPatch(values: EventValues): EventPatch {
  const input = toEventInput(values)
  return { ...Object.fromEntries(EVENT_OPTIONAL.map((key) => [key, null])), ...input }
}
