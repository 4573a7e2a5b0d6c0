import type { Day, Instance } from './instance.js'

/**
 * The instance compiled to dense indices, slot lists and bit masks, the form
 * the greedy baseline and the solver work on. A participant's busy slots are
 * a bit mask of `line.words` 32-bit words (slot t is bit t & 31 of word
 * t >> 5), so any number of slots and days fits; `Line` counts breaks and
 * idle slots on it day by day.
 */
export interface Model {
  instance: Instance
  slots: number
  tables: number
  participants: number
  /** The slots' days, and the break arithmetic on busy masks. */
  line: Line
  /** Per slot: 1 for a morning slot (of its day). */
  morning: Uint8Array
  /** Participant indices of meeting i. */
  a: Int32Array
  b: Int32Array
  /** Slots meeting i may take (both available, its session, its fixed slot), ascending. */
  slotsOf: number[][]
  /** 1 at i × slots + t when meeting i may take slot t. */
  allowed: Uint8Array
  fixed: boolean[]
  priority: Float64Array
  /** Meeting indices that must be strictly earlier than meeting i / later. */
  preds: number[][]
  succs: number[][]
  /** Meeting indices of participant p. */
  meetingsOf: number[][]
}

export function popcount(x: number): number {
  x -= (x >>> 1) & 0x55555555
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333)
  return (((x + (x >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24
}

/** Blocks of consecutive busy slots in a one-word, one-day mask. */
export function blocks(mask: number): number {
  return popcount(mask & ~(mask << 1))
}

/** Breaks of a one-word, one-day mask. */
export function gaps(mask: number): number {
  return mask === 0 ? 0 : blocks(mask) - 1
}

/** Free slots between the first and last busy slot of a one-word, one-day mask. */
export function idleSlots(mask: number): number {
  return mask === 0 ? 0 : Math.clz32(mask & -mask) - Math.clz32(mask) + 1 - popcount(mask)
}

/** The days of an instance: the format's `slots.days`, or one day of every slot. */
export function daysOf(instance: Instance): Day[] {
  return instance.slots.days ?? [{ slots: instance.slots.count, morning: instance.slots.morning }]
}

/**
 * The slots as days on a line of 32-bit words. A participant's breaks are,
 * per day, their blocks of consecutive busy slots minus one; nights and lunch
 * are not breaks (lunch is no slot: the last morning slot and the first
 * afternoon slot are consecutive). Masks are read at an offset into a
 * shared Int32Array, `words` words per participant.
 */
export class Line {
  readonly words: number
  /** One day in one word: the plain bit tricks apply. */
  readonly single: boolean
  /** Per day: its first slot; the last entry is the slot count. */
  readonly dayStart: Int32Array
  /** Per slot: its day. */
  readonly dayOf: Int32Array
  // Per day, the words it covers and the bits of each that are its slots: entries dayFrom[d] .. dayFrom[d+1]-1.
  private readonly dayFrom: Int32Array
  private readonly dayWord: Int32Array
  private readonly dayBits: Int32Array

  constructor(
    readonly slots: number,
    days: readonly Day[],
  ) {
    this.words = Math.max(1, Math.ceil(slots / 32))
    this.single = days.length === 1 && slots <= 32
    this.dayStart = new Int32Array(days.length + 1)
    days.forEach((d, k) => (this.dayStart[k + 1] = this.dayStart[k]! + d.slots))
    this.dayOf = new Int32Array(slots)
    for (let d = 0; d < days.length; d++) this.dayOf.fill(d, this.dayStart[d]!, this.dayStart[d + 1]!)
    const word: number[] = []
    const bits: number[] = []
    this.dayFrom = new Int32Array(days.length + 1)
    for (let d = 0; d < days.length; d++) {
      const from = this.dayStart[d]!
      const to = this.dayStart[d + 1]!
      for (let w = from >>> 5; w <= (to - 1) >>> 5; w++) {
        let m = 0
        for (let t = Math.max(from, w * 32); t < Math.min(to, w * 32 + 32); t++) m |= 1 << (t & 31)
        word.push(w)
        bits.push(m)
      }
      this.dayFrom[d + 1] = word.length
    }
    this.dayWord = Int32Array.from(word)
    this.dayBits = Int32Array.from(bits)
  }

  get days(): number {
    return this.dayStart.length - 1
  }

  /** A zeroed mask per participant. */
  masks(participants: number): Int32Array {
    return new Int32Array(participants * this.words)
  }

  has(mask: Int32Array, off: number, t: number): boolean {
    return ((mask[off + (t >>> 5)]! >>> (t & 31)) & 1) !== 0
  }

  set(mask: Int32Array, off: number, t: number): void {
    mask[off + (t >>> 5)]! |= 1 << (t & 31)
  }

  clear(mask: Int32Array, off: number, t: number): void {
    mask[off + (t >>> 5)]! &= ~(1 << (t & 31))
  }

  flip(mask: Int32Array, off: number, t: number): void {
    mask[off + (t >>> 5)]! ^= 1 << (t & 31)
  }

  /** Breaks of the mask at `off`: per day, blocks − 1. */
  breaks(mask: Int32Array, off: number): number {
    if (this.single) return gaps(mask[off]!)
    this.scan(mask, off)
    return this.lastBreaks
  }

  /** Idle slots of the mask at `off`: per day, free slots between its first and last busy slot. */
  idle(mask: Int32Array, off: number): number {
    if (this.single) return idleSlots(mask[off]!)
    this.scan(mask, off)
    return this.lastIdle
  }

  /** The free slots of `off`'s days between their first and last busy slot (a hole meeting could fill). */
  holes(mask: Int32Array, off: number, into: number[]): number[] {
    into.length = 0
    for (let d = 0; d < this.days; d++) {
      let first = -1
      let last = -1
      for (let t = this.dayStart[d]!; t < this.dayStart[d + 1]!; t++) {
        if (!this.has(mask, off, t)) continue
        if (first < 0) first = t
        last = t
      }
      for (let t = first + 1; t < last; t++) if (!this.has(mask, off, t)) into.push(t)
    }
    return into
  }

  private lastBreaks = 0
  private lastIdle = 0

  private scan(mask: Int32Array, off: number): void {
    let breaks = 0
    let idle = 0
    for (let d = 0; d < this.dayStart.length - 1; d++) {
      let count = 0
      let starts = 0
      let first = -1
      let last = -1
      let carry = 0
      for (let k = this.dayFrom[d]!; k < this.dayFrom[d + 1]!; k++) {
        const w = this.dayWord[k]!
        const m = mask[off + w]! & this.dayBits[k]!
        if (m !== 0) {
          count += popcount(m)
          starts += popcount(m & ~((m << 1) | carry))
          if (first < 0) first = w * 32 + 31 - Math.clz32(m & -m)
          last = w * 32 + 31 - Math.clz32(m)
        }
        carry = m >>> 31
      }
      if (count === 0) continue
      breaks += starts - 1
      idle += last - first + 1 - count
    }
    this.lastBreaks = breaks
    this.lastIdle = idle
  }
}

export function buildModel(instance: Instance): Model {
  const { count: slots } = instance.slots
  const days = daysOf(instance)
  const line = new Line(slots, days)
  const morning = new Uint8Array(slots)
  days.forEach((d, k) => morning.fill(1, line.dayStart[k]!, line.dayStart[k]! + d.morning))
  const pIndex = new Map(instance.participants.map((p, i) => [p.id, i]))
  const mIndex = new Map(instance.meetings.map((m, i) => [m.id, i]))
  const M = instance.meetings.length
  const a = new Int32Array(M)
  const b = new Int32Array(M)
  const allowed = new Uint8Array(M * slots)
  const slotsOf: number[][] = []
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
    const availA = instance.participants[pa]!.available
    const availB = instance.participants[pb]!.available
    const list: number[] = []
    for (let t = 0; t < slots; t++) {
      if (!availA[t] || !availB[t]) continue
      if (m.session === 'morning' && !morning[t]) continue
      if (m.session === 'afternoon' && morning[t]) continue
      if (m.fixedSlot !== null && m.fixedSlot !== t) continue
      allowed[i * slots + t] = 1
      list.push(t)
    }
    slotsOf.push(list)
    priority[i] = m.priority
    preds.push(m.after.map((id) => mIndex.get(id)!))
  })
  preds.forEach((list, i) => list.forEach((j) => succs[j]!.push(i)))
  const fixed = instance.meetings.map((m) => m.fixedSlot !== null)
  return {
    instance,
    slots,
    tables: instance.tables,
    participants: instance.participants.length,
    line,
    morning,
    a,
    b,
    slotsOf,
    allowed,
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
