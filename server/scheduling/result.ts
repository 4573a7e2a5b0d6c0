import type { Model } from './model.js'

/** What the solver and the greedy baseline return; slots and tables are 0-based. */
export interface ScheduleResult {
  instance: string
  /** Meeting id → slot, for scheduled meetings only. */
  slotOfMeeting: Record<string, number>
  tableOfMeeting: Record<string, number>
  /** Total idle gaps between a participant's meetings (lunch is not one). */
  breaks: number
  /** Ids of meetings left out, when they cannot all fit. */
  unscheduled: number[]
  /** Proven lower bound on breaks for schedules honouring fairness, when known. */
  lowerBound: number | null
  /** The fairness bound asked for: max breaks per participant (null = none). */
  fairness: number | null
  maxBreaksPerParticipant: number
  /** Participants over the fairness bound (the bound was relaxed for them). */
  fairnessViolations: { participant: number; breaks: number }[]
  /** Search steps taken: with the seed, what makes a run reproducible. */
  iterations: number
  /** Why the search ended: bound reached, iteration budget spent, or time limit. */
  stoppedBy: 'bound' | 'iterations' | 'time' | 'baseline'
}

export interface RawSchedule {
  slotOf: Int32Array
  tableOf: Int32Array
  fairness: number | null
  lowerBound: number | null
  iterations: number
  stoppedBy?: ScheduleResult['stoppedBy']
}

/** Busy masks of every participant (`model.line.words` words each, participant p at p × words). */
export function busyMasks(model: Model, slotOf: Int32Array): Int32Array {
  const { line } = model
  const busy = line.masks(model.participants)
  slotOf.forEach((t, i) => {
    if (t < 0) return
    line.set(busy, model.a[i]! * line.words, t)
    line.set(busy, model.b[i]! * line.words, t)
  })
  return busy
}

/** Breaks of every participant under a schedule. */
export function breaksPerParticipant(model: Model, slotOf: Int32Array): Int32Array {
  const { line } = model
  const busy = busyMasks(model, slotOf)
  return Int32Array.from({ length: model.participants }, (_, p) => line.breaks(busy, p * line.words))
}

export function buildResult(model: Model, raw: RawSchedule): ScheduleResult {
  const { instance } = model
  const slotOfMeeting: Record<string, number> = {}
  const tableOfMeeting: Record<string, number> = {}
  const unscheduled: number[] = []
  instance.meetings.forEach((m, i) => {
    if (raw.slotOf[i]! < 0) unscheduled.push(m.id)
    else {
      slotOfMeeting[m.id] = raw.slotOf[i]!
      tableOfMeeting[m.id] = raw.tableOf[i]!
    }
  })
  const perParticipant = Array.from(breaksPerParticipant(model, raw.slotOf))
  const limit = raw.fairness
  const fairnessViolations =
    limit === null
      ? []
      : instance.participants.flatMap((p, k) =>
          perParticipant[k]! > limit ? [{ participant: p.id, breaks: perParticipant[k]! }] : [],
        )
  return {
    instance: instance.name,
    slotOfMeeting,
    tableOfMeeting,
    breaks: perParticipant.reduce((s, x) => s + x, 0),
    unscheduled,
    lowerBound: raw.lowerBound,
    fairness: raw.fairness,
    maxBreaksPerParticipant: Math.max(0, ...perParticipant),
    fairnessViolations,
    iterations: raw.iterations,
    stoppedBy: raw.stoppedBy ?? 'baseline',
  }
}
