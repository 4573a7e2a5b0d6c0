import type { Instance } from './instance.js'

/**
 * The instance compiled to dense indices and bit masks, the form the greedy
 * baseline and the solver work on. Slots fit a 32-bit mask (events have at
 * most a few dozen slots), so a participant's day is one integer and counting
 * their blocks of consecutive meetings is a couple of bit operations.
 */
export interface Model {
  instance: Instance
  slots: number
  morning: number
  tables: number
  participants: number
  /** Participant indices of meeting i. */
  a: Int32Array
  b: Int32Array
  /** Slots meeting i may take: both available, its session, its fixed slot. */
  domain: Int32Array
  fixed: boolean[]
  priority: Float64Array
  /** Meeting indices that must be strictly earlier than meeting i / later. */
  preds: number[][]
  succs: number[][]
  /** Meeting indices of participant p. */
  meetingsOf: number[][]
}

export const MAX_SLOTS = 30

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Blocks of consecutive busy slots. Lunch is not a gap: slots are one line. */
export function blocks(mask: number): number {
  return popcount(mask & ~(mask << 1))
}

export function gaps(mask: number): number {
  return mask === 0 ? 0 : blocks(mask) - 1
}

function sessionMask(session: string | null, slots: number, morning: number): number {
  const all = (1 << slots) - 1
  const am = (1 << morning) - 1
  if (session === 'morning') return am
  if (session === 'afternoon') return all & ~am
  return all
}

export function buildModel(instance: Instance): Model {
  const { count: slots, morning } = instance.slots
  if (slots > MAX_SLOTS) throw new RangeError(`at most ${MAX_SLOTS} slots are supported (got ${slots})`)
  const pIndex = new Map(instance.participants.map((p, i) => [p.id, i]))
  const mIndex = new Map(instance.meetings.map((m, i) => [m.id, i]))
  const availMask = instance.participants.map((p) =>
    p.available.reduce((mask, ok, t) => (ok ? mask | (1 << t) : mask), 0),
  )
  const M = instance.meetings.length
  const a = new Int32Array(M)
  const b = new Int32Array(M)
  const domain = new Int32Array(M)
  const priority = new Float64Array(M)
  const preds: number[][] = []
  const succs: number[][] = instance.meetings.map(() => [])
  const meetingsOf: number[][] = instance.participants.map(() => [])
  instance.meetings.forEach((m, i) => {
    const pa = pIndex.get(m.participants[0])!
    const pb = pIndex.get(m.participants[1])!
    a[i] = pa
    b[i] = pb
    meetingsOf[pa]!.push(i)
    meetingsOf[pb]!.push(i)
    let d = availMask[pa]! & availMask[pb]! & sessionMask(m.session, slots, morning)
    if (m.fixedSlot !== null) d &= 1 << m.fixedSlot
    domain[i] = d
    priority[i] = m.priority
    preds.push(m.after.map((id) => mIndex.get(id)!))
  })
  preds.forEach((list, i) => list.forEach((j) => succs[j]!.push(i)))
  const fixed = instance.meetings.map((m) => m.fixedSlot !== null)
  return {
    instance,
    slots,
    morning,
    tables: instance.tables,
    participants: instance.participants.length,
    a,
    b,
    domain,
    fixed,
    priority,
    preds,
    succs,
    meetingsOf,
  }
}

/** Meetings ordered so that every meeting comes after the ones it must follow (Kahn, stable). */
export function precedenceOrder(model: Model): number[] {
  const M = model.a.length
  const indegree = model.preds.map((p) => p.length)
  const order: number[] = []
  const ready = [...Array(M).keys()].filter((i) => indegree[i] === 0)
  while (ready.length > 0) {
    const i = ready.shift()!
    order.push(i)
    for (const j of model.succs[i]!) if (--indegree[j]! === 0) ready.push(j)
  }
  // A precedence cycle leaves some meetings out; they go last and stay unscheduled if need be.
  if (order.length < M) for (let i = 0; i < M; i++) if (indegree[i]! > 0) order.push(i)
  return order
}
