import type { Line, Model } from './model.js'

/**
 * A clash-free schedule and the one move that keeps it clash-free: the
 * Kempe chain. The meetings in slots s and t form paths and even cycles
 * (each participant has at most one meeting per slot); swapping s and t
 * along one of them never double-books anyone. Only the two end participants
 * of a path change their busy slots, so a chain's effect on breaks is two
 * bit flips, and a whole chain is scored in its length.
 *
 * A chain is rejected when a member is fixed or cannot take the other slot,
 * when the slot receiving more meetings would hold more than `tables`, or
 * when a precedence would break. Unscheduled meetings (slot -1) stay out.
 */
export const CHAIN_OK = 0
export const CHAIN_FULL = 1
export const CHAIN_NO = 2
export type ChainStatus = typeof CHAIN_OK | typeof CHAIN_FULL | typeof CHAIN_NO

export class Timetable {
  readonly slot: Int32Array
  /** Meeting of participant p in slot t, at p × slots + t, or -1. */
  readonly at: Int32Array
  /** Busy slots of participant p at p × line.words. */
  readonly mask: Int32Array
  readonly gapsOf: Int32Array
  readonly idleOf: Int32Array
  readonly load: Int32Array
  breaks = 0
  excess = 0
  idle = 0
  /** The chain of the last `chain()` call and its effect, kept in fields to avoid allocating per move. */
  readonly members: number[] = []
  from = 0
  to = 0
  /** The slot the last chain would overfill, or -1. */
  overfull = -1
  dBreaks = 0
  dExcess = 0
  dIdle = 0
  private readonly seen: Int32Array
  private readonly touched: Int32Array
  private stamp = 0
  private readonly T: number
  private readonly W: number
  private readonly line: Line

  constructor(
    private readonly model: Model,
    private readonly fairness: number,
    start: Int32Array,
    private readonly maxChain = 1 << 30,
  ) {
    this.T = model.slots
    this.line = model.line
    this.W = model.line.words
    this.slot = start.slice()
    this.at = new Int32Array(model.participants * model.slots).fill(-1)
    this.mask = model.line.masks(model.participants)
    this.gapsOf = new Int32Array(model.participants)
    this.idleOf = new Int32Array(model.participants)
    this.load = new Int32Array(model.slots)
    this.seen = new Int32Array(start.length)
    this.touched = new Int32Array(model.participants)
    start.forEach((t, i) => {
      if (t < 0) return
      for (const p of [model.a[i]!, model.b[i]!]) {
        if (this.at[p * this.T + t] !== -1) throw new Error(`participant ${p} has two meetings in slot ${t}`)
        this.at[p * this.T + t] = i
        this.line.set(this.mask, p * this.W, t)
      }
      this.load[t]!++
    })
    for (let p = 0; p < model.participants; p++) {
      const g = this.line.breaks(this.mask, p * this.W)
      this.gapsOf[p] = g
      this.breaks += g
      this.excess += Math.max(0, g - fairness)
      this.idleOf[p] = this.line.idle(this.mask, p * this.W)
      this.idle += this.idleOf[p]!
    }
  }

  /** Weighted change of the last chain: `excessWeight` per break over the fairness bound, 1 per break. */
  weighted(excessWeight: number, idleWeight = 0): number {
    return excessWeight * this.dExcess + this.dBreaks + idleWeight * this.dIdle
  }

  /**
   * Builds the chain moving scheduled meeting i to slot t and scores it.
   * `CHAIN_OK` when it may be applied; `CHAIN_FULL` when it would be, but
   * for one slot going over the table count (`overfull` names it); `CHAIN_NO`
   * otherwise (see the class comment) or when longer than maxChain.
   */
  chain(i: number, t: number, slack = 0): ChainStatus {
    const { model, members, seen, T } = this
    const s = this.slot[i]!
    if (s < 0 || s === t) return CHAIN_NO
    const stamp = ++this.stamp
    members.length = 0
    members.push(i)
    seen[i] = stamp
    let toT = 0
    for (let k = 0; k < members.length; k++) {
      if (members.length > this.maxChain) return CHAIN_NO
      const j = members[k]!
      const here = this.slot[j]!
      const there = here === s ? t : s
      if (model.fixed[j] || !model.allowed[j * T + there]) return CHAIN_NO
      if (here === s) toT++
      else toT--
      const qa = this.at[model.a[j]! * T + there]!
      if (qa >= 0 && seen[qa] !== stamp) {
        seen[qa] = stamp
        members.push(qa)
      }
      const qb = this.at[model.b[j]! * T + there]!
      if (qb >= 0 && seen[qb] !== stamp) {
        seen[qb] = stamp
        members.push(qb)
      }
    }
    this.from = s
    this.to = t
    if (!this.precedencesHold(s, t, stamp)) return CHAIN_NO
    this.score(s, t, stamp)
    this.overfull = this.load[t]! + toT > model.tables ? t : this.load[s]! - toT > model.tables ? s : -1
    if (this.overfull < 0) return CHAIN_OK
    return Math.max(this.load[t]! + toT, this.load[s]! - toT) <= model.tables + slack ? CHAIN_FULL : CHAIN_NO
  }

  private newSlot(j: number, s: number, t: number, stamp: number): number {
    const u = this.slot[j]!
    return this.seen[j] === stamp ? (u === s ? t : s) : u
  }

  private precedencesHold(s: number, t: number, stamp: number): boolean {
    const { model } = this
    for (const j of this.members) {
      const u = this.slot[j] === s ? t : s
      for (const k of model.preds[j]!) {
        if (this.slot[k]! >= 0 && this.newSlot(k, s, t, stamp) >= u) return false
      }
      for (const k of model.succs[j]!) {
        if (this.slot[k]! >= 0 && this.newSlot(k, s, t, stamp) <= u) return false
      }
    }
    return true
  }

  private score(s: number, t: number, stamp: number): void {
    const { model } = this
    this.dBreaks = 0
    this.dExcess = 0
    this.dIdle = 0
    for (const j of this.members) {
      this.scoreParticipant(model.a[j]!, s, t, stamp)
      this.scoreParticipant(model.b[j]!, s, t, stamp)
    }
  }

  /** Flips p's bits s and t when p is busy in exactly one of them (the only participants a chain changes). */
  private flipPair(p: number, s: number, t: number): boolean {
    const { line, mask } = this
    const off = p * this.W
    if (line.has(mask, off, s) === line.has(mask, off, t)) return false
    line.flip(mask, off, s)
    line.flip(mask, off, t)
    return true
  }

  /** Scores p with its two bits flipped, then flips them back. */
  private scoreParticipant(p: number, s: number, t: number, stamp: number): void {
    if (this.touched[p] === stamp) return
    this.touched[p] = stamp
    if (!this.flipPair(p, s, t)) return
    const g = this.line.breaks(this.mask, p * this.W)
    const idle = this.line.idle(this.mask, p * this.W)
    this.flipPair(p, s, t)
    const g0 = this.gapsOf[p]!
    this.dIdle += idle - this.idleOf[p]!
    this.dBreaks += g - g0
    this.dExcess += Math.max(0, g - this.fairness) - Math.max(0, g0 - this.fairness)
  }

  /** Swaps the slots of the last built chain. */
  apply(): void {
    this.swap(this.members, this.from, this.to)
  }

  /** Swaps slots s and t for these meetings (a chain: applying it twice undoes it). */
  swap(members: readonly number[], s: number, t: number): void {
    const { model, T } = this
    for (const j of members) {
      const u = this.slot[j]!
      this.at[model.a[j]! * T + u] = -1
      this.at[model.b[j]! * T + u] = -1
    }
    for (const j of members) {
      const u = this.slot[j] === s ? t : s
      this.slot[j] = u
      this.load[u]!++
      this.load[u === s ? t : s]!--
      this.at[model.a[j]! * T + u] = j
      this.at[model.b[j]! * T + u] = j
    }
    const stamp = ++this.stamp
    for (const j of members) {
      this.applyParticipant(model.a[j]!, s, t, stamp)
      this.applyParticipant(model.b[j]!, s, t, stamp)
    }
  }

  private applyParticipant(p: number, s: number, t: number, stamp: number): void {
    if (this.touched[p] === stamp) return
    this.touched[p] = stamp
    if (!this.flipPair(p, s, t)) return
    const { line, mask } = this
    const off = p * this.W
    const idle = line.idle(mask, off)
    this.idle += idle - this.idleOf[p]!
    this.idleOf[p] = idle
    const g = line.breaks(mask, off)
    this.breaks += g - this.gapsOf[p]!
    this.excess += Math.max(0, g - this.fairness) - Math.max(0, this.gapsOf[p]! - this.fairness)
    this.gapsOf[p] = g
  }
}
