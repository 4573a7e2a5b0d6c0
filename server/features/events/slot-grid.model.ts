import { DateTime, IANAZone } from 'luxon'

/**
 * The slot grid of a Meet the Buyer event: each session is a stretch of local
 * wall-clock time on one day; slots follow each other every `slotMinutes +
 * gapMinutes` of real time from the session start, and a slot must end by the
 * session end. Local times are read in the event's IANA zone, so a session on
 * the day clocks change has the real length it has on the wall.
 */

export interface SessionSpec {
  name: string
  /** Local wall-clock time, HH:mm. */
  start: string
  end: string
}

export interface DaySpec {
  /** Local date, YYYY-MM-DD. */
  date: string
  sessions: SessionSpec[]
}

export interface GridSpec {
  timeZone: string
  days: DaySpec[]
  slotMinutes: number
  gapMinutes: number
}

export interface Slot {
  index: number
  day: number
  session: number
  sessionName: string
  startsAt: string
  endsAt: string
  /** Local wall-clock start and end in the event's zone, for display. */
  localStart: string
  localEnd: string
}

export type GridError = { field: string; message: string }

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/
const DATE = /^\d{4}-\d{2}-\d{2}$/

/** Every problem of a grid specification, named by field; empty when the grid can be built. */
export function gridErrors(spec: GridSpec, prefix = 'body'): GridError[] {
  const errors: GridError[] = []
  if (!IANAZone.isValidZone(spec.timeZone))
    errors.push({ field: `${prefix}.timeZone`, message: 'is not an IANA time zone' })
  if (!(spec.slotMinutes >= 5 && spec.slotMinutes <= 240))
    errors.push({ field: `${prefix}.slotMinutes`, message: 'must be between 5 and 240' })
  if (!(spec.gapMinutes >= 0 && spec.gapMinutes <= 120))
    errors.push({ field: `${prefix}.gapMinutes`, message: 'must be between 0 and 120' })
  const dates = new Set<string>()
  spec.days.forEach((day, d) => {
    if (!DATE.test(day.date) || !DateTime.fromISO(day.date).isValid)
      errors.push({ field: `${prefix}.days.${d}.date`, message: 'is not a date' })
    if (dates.has(day.date)) errors.push({ field: `${prefix}.days.${d}.date`, message: 'appears twice' })
    dates.add(day.date)
    let previousEnd = ''
    day.sessions.forEach((session, s) => {
      const at = `${prefix}.days.${d}.sessions.${s}`
      if (!TIME.test(session.start)) errors.push({ field: `${at}.start`, message: 'is not a time HH:mm' })
      if (!TIME.test(session.end)) errors.push({ field: `${at}.end`, message: 'is not a time HH:mm' })
      if (session.start >= session.end) errors.push({ field: `${at}.end`, message: 'must be after the start' })
      if (previousEnd && session.start < previousEnd)
        errors.push({ field: `${at}.start`, message: 'overlaps the previous session' })
      previousEnd = session.end > session.start ? session.end : session.start
    })
  })
  return errors
}

function local(date: string, time: string, zone: string): DateTime {
  // A wall time that does not exist (inside a spring-forward gap) moves forward, as clocks do.
  return DateTime.fromISO(`${date}T${time}`, { zone })
}

/** Grids already built, by their spec: every agenda read and check-in needs its event's grid. */
const grids = new Map<string, readonly Slot[]>()
const GRIDS_KEPT = 500

/**
 * The slots of the event, in time order, with instants in UTC. The grid is a pure function of the spec, so it is
 * built once per spec and shared (frozen: a caller cannot change another's grid).
 */
export function buildSlotGrid(spec: GridSpec): Slot[] {
  const key = JSON.stringify([spec.timeZone, spec.days, spec.slotMinutes, spec.gapMinutes])
  let grid = grids.get(key)
  if (!grid) {
    grid = Object.freeze(computeSlotGrid(spec).map((slot) => Object.freeze(slot)))
    if (grids.size >= GRIDS_KEPT) grids.delete(grids.keys().next().value!)
    grids.set(key, grid)
  }
  return grid as Slot[]
}

function computeSlotGrid(spec: GridSpec): Slot[] {
  const slots: Slot[] = []
  const days = [...spec.days].sort((a, b) => a.date.localeCompare(b.date))
  days.forEach((day, d) => {
    day.sessions.forEach((session, s) => {
      const end = local(day.date, session.end, spec.timeZone)
      for (
        let start = local(day.date, session.start, spec.timeZone);
        ;
        start = start.plus({ minutes: spec.slotMinutes + spec.gapMinutes })
      ) {
        const slotEnd = start.plus({ minutes: spec.slotMinutes })
        if (slotEnd > end) break
        slots.push({
          index: slots.length,
          day: d,
          session: s,
          sessionName: session.name,
          startsAt: start.toUTC().toISO()!,
          endsAt: slotEnd.toUTC().toISO()!,
          localStart: start.toFormat('yyyy-MM-dd HH:mm'),
          localEnd: slotEnd.toFormat('HH:mm'),
        })
      }
    })
  })
  return slots
}
