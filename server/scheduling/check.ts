import type { Instance } from './instance.js'

/**
 * Independent feasibility checker and break counter. It works on ids and
 * plain loops, sharing no code with the solver (not even the bit-mask model),
 * so a solver bug cannot hide behind the same bug here. The rules mirror
 * shared/b2bsp/check_schedule.mjs, except that an unscheduled meeting can be
 * allowed (reported, not a violation) since the solver may leave meetings out
 * when they cannot all fit, and that `slots.days` splits the slots into days
 * (a break counts only between two meetings of one day).
 */

export interface Schedule {
  /** Meeting id → 0-based slot; a missing id means unscheduled. */
  slotOfMeeting: Record<string, number>
  /** Meeting id → 0-based table. */
  tableOfMeeting?: Record<string, number>
}

export type ViolationKind =
  | 'unscheduled'
  | 'bad-slot'
  | 'double-booked'
  | 'over-tables'
  | 'unavailable'
  | 'session'
  | 'fixed-slot'
  | 'precedence'
  | 'table'
  | 'fairness'

export interface Violation {
  kind: ViolationKind
  message: string
}

export interface CheckResult {
  feasible: boolean
  violations: Violation[]
  unscheduled: number[]
  breaks: number
  breaksByParticipant: Record<string, number>
  maxBreaks: number
  minBreaks: number
}

export interface CheckOptions {
  /** Max breaks(p) - min breaks(p) allowed; null = no fairness rule. */
  fairness?: number | null
  allowUnscheduled?: boolean
}

interface Tally {
  /** Per slot: its day, and whether it is in its day's morning session. */
  dayOf: number[]
  morningAt: boolean[]
  busy: Map<number, number[]>
  load: number[]
  violations: Violation[]
}

function checkMeetings(instance: Instance, schedule: Schedule, allowUnscheduled: boolean, tally: Tally): number[] {
  const T = instance.slots.count
  const available = new Map(instance.participants.map((p) => [p.id, p.available]))
  const tablesUsed = new Set<string>()
  const unscheduled: number[] = []
  const push = (kind: ViolationKind, message: string) => tally.violations.push({ kind, message })
  for (const m of instance.meetings) {
    const t = schedule.slotOfMeeting[m.id]
    if (t === undefined) {
      unscheduled.push(m.id)
      if (!allowUnscheduled) push('unscheduled', `meeting ${m.id} is not scheduled`)
      continue
    }
    if (!Number.isInteger(t) || t < 0 || t >= T) {
      push('bad-slot', `meeting ${m.id} has slot ${t}, not in 0..${T - 1}`)
      continue
    }
    tally.load[t]! += 1
    for (const p of m.participants) {
      tally.busy.get(p)![t]! += 1
      if (!available.get(p)![t]) push('unavailable', `meeting ${m.id} is in slot ${t}, unavailable to participant ${p}`)
    }
    const morning = tally.morningAt[t]!
    if ((m.session === 'morning' && !morning) || (m.session === 'afternoon' && morning))
      push('session', `meeting ${m.id} is outside its ${m.session} session`)
    if (m.fixedSlot !== null && t !== m.fixedSlot)
      push('fixed-slot', `meeting ${m.id} is not in its fixed slot ${m.fixedSlot}`)
    for (const q of m.after) {
      const tq = schedule.slotOfMeeting[q]
      if (tq !== undefined && !(tq < t)) push('precedence', `meeting ${q} must come before meeting ${m.id}`)
    }
    if (schedule.tableOfMeeting) {
      const k = schedule.tableOfMeeting[m.id]
      if (k === undefined || !Number.isInteger(k) || k < 0 || k >= instance.tables)
        push('table', `meeting ${m.id} has no valid table`)
      else if (tablesUsed.has(`${t}/${k}`)) push('table', `table ${k} is used twice in slot ${t}`)
      else tablesUsed.add(`${t}/${k}`)
    }
  }
  return unscheduled
}

/** Breaks of one participant: per day, maximal runs of busy slots minus one (`dayOf`: each slot's day; one day if absent). */
export function countBreaks(row: number[], dayOf?: number[]): number {
  const runsOfDay = new Map<number, number>()
  for (let t = 0; t < row.length; t++) {
    const day = dayOf ? dayOf[t]! : 0
    const sameDay = t > 0 && (dayOf ? dayOf[t - 1] === day : true)
    if (row[t]! > 0 && !(sameDay && row[t - 1]! > 0)) runsOfDay.set(day, (runsOfDay.get(day) ?? 0) + 1)
  }
  let breaks = 0
  for (const runs of runsOfDay.values()) breaks += runs - 1
  return breaks
}

/** Each slot's day and session, read from `slots.days` (or one day of `slots.morning` morning slots). */
function slotDays(instance: Instance): { dayOf: number[]; morningAt: boolean[] } {
  const days = instance.slots.days ?? [{ slots: instance.slots.count, morning: instance.slots.morning }]
  const dayOf: number[] = []
  const morningAt: boolean[] = []
  days.forEach((day, d) => {
    for (let k = 0; k < day.slots; k++) {
      dayOf.push(d)
      morningAt.push(k < day.morning)
    }
  })
  return { dayOf, morningAt }
}

export function checkSchedule(instance: Instance, schedule: Schedule, options: CheckOptions = {}): CheckResult {
  const T = instance.slots.count
  const tally: Tally = {
    ...slotDays(instance),
    busy: new Map(instance.participants.map((p) => [p.id, new Array<number>(T).fill(0)])),
    load: new Array<number>(T).fill(0),
    violations: [],
  }
  const unscheduled = checkMeetings(instance, schedule, options.allowUnscheduled ?? false, tally)
  tally.load.forEach((n, t) => {
    if (n > instance.tables)
      tally.violations.push({
        kind: 'over-tables',
        message: `slot ${t} holds ${n} meetings for ${instance.tables} tables`,
      })
  })
  const breaksByParticipant: Record<string, number> = {}
  let breaks = 0
  for (const [p, row] of tally.busy) {
    if (row.some((c) => c > 1))
      tally.violations.push({ kind: 'double-booked', message: `participant ${p} has two meetings in one slot` })
    breaksByParticipant[p] = countBreaks(row, tally.dayOf)
    breaks += breaksByParticipant[p]
  }
  const values = Object.values(breaksByParticipant)
  const maxBreaks = values.length > 0 ? Math.max(...values) : 0
  const minBreaks = values.length > 0 ? Math.min(...values) : 0
  const fairness = options.fairness ?? null
  if (fairness !== null && maxBreaks - minBreaks > fairness) {
    tally.violations.push({
      kind: 'fairness',
      message: `breaks per participant range ${minBreaks}..${maxBreaks}, more than ${fairness} apart`,
    })
  }
  return {
    feasible: tally.violations.length === 0,
    violations: tally.violations,
    unscheduled,
    breaks,
    breaksByParticipant,
    maxBreaks,
    minBreaks,
  }
}
