/**
 * The business-to-business meeting scheduling problem (B2BSP) as given in
 * the `b2bsp-json` format (shared/b2bsp/FORMAT.md): types, and a parser that
 * rejects a malformed file with every problem listed, so an organiser fixing
 * an export sees all mistakes at once instead of one per run.
 */

export type Session = 'morning' | 'afternoon' | null

export interface Participant {
  id: number
  /** One flag per slot; false = the participant cannot meet in that slot. */
  available: boolean[]
  /** Optional: buyers stay at one table all day when there are enough tables. */
  role?: 'buyer' | 'sme'
}

export interface Meeting {
  id: number
  participants: [number, number]
  session: Session
  /** 0-based slot the meeting must take, or null. */
  fixedSlot: number | null
  /** Ids of meetings that must be held in an earlier slot. */
  after: number[]
  /** Higher is more important when not every meeting fits (default 1). */
  priority: number
}

/** One day of the event: its slots, the first `morning` of them the morning session. */
export interface Day {
  slots: number
  morning: number
}

export interface Instance {
  name: string
  /**
   * `days` (optional, an added field of the format): the slots split into days, in order. A break counts only
   * between two meetings of one day; without `days`, the slots are one day of `morning` + afternoon slots.
   */
  slots: { count: number; morning: number; days?: Day[] }
  tables: number
  participants: Participant[]
  meetings: Meeting[]
}

export class InstanceError extends Error {
  readonly problems: string[]
  constructor(problems: string[]) {
    super(`Invalid scheduling instance:\n  - ${problems.join('\n  - ')}`)
    this.name = 'InstanceError'
    this.problems = problems
  }
}

type Json = Record<string, unknown>

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value)
const isCount = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 0

function parseDays(raw: unknown, count: number, problems: string[]): Day[] | undefined {
  if (raw === undefined) return undefined
  const ok =
    Array.isArray(raw) &&
    raw.length > 0 &&
    raw.every((d) => isObject(d) && isCount(d.slots) && d.slots > 0 && isCount(d.morning) && d.morning <= d.slots)
  if (!ok) {
    problems.push('slots.days must list the days, each { "slots": n > 0, "morning": 0..n }')
    return undefined
  }
  const days = (raw as Json[]).map((d) => ({ slots: d.slots as number, morning: d.morning as number }))
  const total = days.reduce((sum, d) => sum + d.slots, 0)
  if (total !== count) {
    problems.push(`slots.days must add up to slots.count (${count}), not ${total}`)
    return undefined
  }
  return days
}

function parseSlots(raw: unknown, problems: string[]): Instance['slots'] {
  if (!isObject(raw) || !isCount(raw.count) || raw.count === 0) {
    problems.push('slots.count must be a positive integer')
    return { count: 0, morning: 0 }
  }
  const count = raw.count
  // Without a morning/afternoon split every slot is a morning slot (FORMAT.md).
  const morning = raw.amPmSplit === false || raw.morning === undefined ? count : raw.morning
  if (!isCount(morning) || morning > count) {
    problems.push(`slots.morning must be an integer in 0..${count}`)
    return { count, morning: count }
  }
  const days = parseDays(raw.days, count, problems)
  return days ? { count, morning, days } : { count, morning }
}

function parseParticipant(raw: unknown, index: number, slots: number, problems: string[]): Participant | null {
  const where = `participants[${index}]`
  if (!isObject(raw) || !Number.isInteger(raw.id)) {
    problems.push(`${where} must be an object with an integer id`)
    return null
  }
  const available = raw.available ?? new Array(slots).fill(1)
  if (
    !Array.isArray(available) ||
    available.length !== slots ||
    !available.every((a) => a === 0 || a === 1 || typeof a === 'boolean')
  ) {
    problems.push(`${where} (id ${raw.id}): available must list ${slots} flags (0/1)`)
    return null
  }
  const participant: Participant = { id: raw.id as number, available: available.map((a) => a === 1 || a === true) }
  if (raw.role === 'buyer' || raw.role === 'sme') participant.role = raw.role
  else if (raw.role !== undefined) problems.push(`${where} (id ${raw.id}): role must be "buyer" or "sme"`)
  return participant
}

interface MeetingContext {
  slots: number
  participantIds: Set<number>
  problems: string[]
}

function parseMeeting(raw: unknown, index: number, context: MeetingContext): Meeting | null {
  const { slots, participantIds, problems } = context
  const where = `meetings[${index}]`
  if (!isObject(raw) || !Number.isInteger(raw.id)) {
    problems.push(`${where} must be an object with an integer id`)
    return null
  }
  const id = raw.id as number
  const pair = raw.participants
  if (
    !Array.isArray(pair) ||
    pair.length !== 2 ||
    !pair.every((p) => participantIds.has(p as number)) ||
    pair[0] === pair[1]
  ) {
    problems.push(`${where} (id ${id}): participants must be two different known participant ids`)
    return null
  }
  const session = raw.session ?? null
  if (session !== null && session !== 'morning' && session !== 'afternoon') {
    problems.push(`${where} (id ${id}): session must be "morning", "afternoon" or null`)
  }
  const fixedSlot = raw.fixedSlot ?? null
  if (fixedSlot !== null && !(isCount(fixedSlot) && fixedSlot < slots)) {
    problems.push(`${where} (id ${id}): fixedSlot must be null or a slot in 0..${slots - 1}`)
  }
  const after = raw.after ?? []
  if (!Array.isArray(after) || !after.every((a) => Number.isInteger(a))) {
    problems.push(`${where} (id ${id}): after must be a list of meeting ids`)
  }
  const priority = raw.priority ?? 1
  if (typeof priority !== 'number' || !(priority > 0))
    problems.push(`${where} (id ${id}): priority must be a positive number`)
  return {
    id,
    participants: [pair[0] as number, pair[1] as number],
    session: session as Session,
    fixedSlot: fixedSlot as number | null,
    after: Array.isArray(after) ? (after as number[]) : [],
    priority: typeof priority === 'number' ? priority : 1,
  }
}

function checkReferences(meetings: Meeting[], problems: string[]): void {
  const ids = new Set<number>()
  for (const m of meetings) {
    if (ids.has(m.id)) problems.push(`meeting id ${m.id} is used twice`)
    ids.add(m.id)
  }
  for (const m of meetings) {
    for (const q of m.after) {
      if (!ids.has(q)) problems.push(`meeting ${m.id}: after lists unknown meeting ${q}`)
      if (q === m.id) problems.push(`meeting ${m.id} cannot come after itself`)
    }
  }
}

/** Parses and validates a `b2bsp-json` document; throws InstanceError listing every problem. */
export function parseInstance(raw: unknown): Instance {
  const problems: string[] = []
  if (!isObject(raw)) throw new InstanceError(['the instance must be a JSON object'])
  const slots = parseSlots(raw.slots, problems)
  if (!isCount(raw.tables) || raw.tables === 0) problems.push('tables must be a positive integer')
  if (!Array.isArray(raw.participants)) problems.push('participants must be a list')
  if (!Array.isArray(raw.meetings)) problems.push('meetings must be a list')
  if (problems.length > 0) throw new InstanceError(problems)
  const participants = (raw.participants as unknown[])
    .map((p, i) => parseParticipant(p, i, slots.count, problems))
    .filter((p): p is Participant => p !== null)
  const participantIds = new Set(participants.map((p) => p.id))
  if (participantIds.size !== participants.length) problems.push('participant ids must be unique')
  const meetings = (raw.meetings as unknown[])
    .map((m, i) => parseMeeting(m, i, { slots: slots.count, participantIds, problems }))
    .filter((m): m is Meeting => m !== null)
  checkReferences(meetings, problems)
  if (problems.length > 0) throw new InstanceError(problems)
  const name = typeof raw.name === 'string' ? raw.name : 'unnamed'
  return { name, slots, tables: raw.tables as number, participants, meetings }
}
