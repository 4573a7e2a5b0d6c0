import type { Line, Model } from './model.js'

/**
 * The incremental state local search works on: every meeting in a slot
 * (clashes allowed and counted), per participant a count per slot and a bit
 * mask of busy slots (`model.line.words` words each), per slot its load. Moving one meeting touches two
 * participants and one meeting's precedences, so a move is scored in O(1)
 * plus its precedence list, which is what makes millions of moves a second.
 *
 * Cost = hardWeight × (clashes + overfull slots + broken precedences)
 *      + excessWeight × (breaks over the fairness bound) + breaks.
 */
export class SearchState {
  readonly slot: Int32Array
  readonly count: Uint8Array
  readonly mask: Int32Array
  readonly gapsOf: Int32Array
  readonly load: Int32Array
  hard = 0
  breaks = 0
  excess = 0
  // Components of the last delta(): kept in fields to avoid allocating per move.
  dHard = 0
  dBreaks = 0
  dExcess = 0
  private readonly T: number
  private readonly W: number
  private readonly line: Line

  constructor(
    private readonly model: Model,
    private readonly fairness: number,
    start: Int32Array,
    public hardWeight: number,
    public excessWeight: number,
  ) {
    this.T = model.slots
    this.line = model.line
    this.W = model.line.words
    this.slot = new Int32Array(start.length).fill(-1)
    this.count = new Uint8Array(model.participants * model.slots)
    this.mask = model.line.masks(model.participants)
    this.gapsOf = new Int32Array(model.participants)
    this.load = new Int32Array(model.slots)
    start.forEach((t, i) => {
      if (t < 0) return
      this.slot[i] = t
      this.addSlot(i, t, 1)
    })
    this.recountHard()
  }

  cost(): number {
    return this.hardWeight * this.hard + this.excessWeight * this.excess + this.breaks
  }

  private addSlot(i: number, t: number, sign: 1 | -1): void {
    this.addParticipantSlot(this.model.a[i]!, t, sign)
    this.addParticipantSlot(this.model.b[i]!, t, sign)
    this.load[t]! += sign
  }

  private addParticipantSlot(p: number, t: number, sign: 1 | -1): void {
    {
      const k = p * this.T + t
      this.count[k] = this.count[k]! + sign
      const off = p * this.W
      if (this.count[k]) this.line.set(this.mask, off, t)
      else this.line.clear(this.mask, off, t)
      const g = this.line.breaks(this.mask, off)
      this.breaks += g - this.gapsOf[p]!
      this.excess += Math.max(0, g - this.fairness) - Math.max(0, this.gapsOf[p]! - this.fairness)
      this.gapsOf[p] = g
    }
  }

  private recountHard(): void {
    let hard = 0
    for (const c of this.count) if (c > 1) hard += c - 1
    for (const n of this.load) if (n > this.model.tables) hard += n - this.model.tables
    this.slot.forEach((t, i) => {
      if (t < 0) return
      for (const j of this.model.preds[i]!) if (this.slot[j]! >= 0 && this.slot[j]! >= t) hard++
    })
    this.hard = hard
  }

  private participantDelta(p: number, s: number, t: number): void {
    const base = p * this.T
    const cs = this.count[base + s]!
    if (cs > 1) this.dHard--
    if (this.count[base + t]! >= 1) this.dHard++
    // Breaks with s freed (if p has nothing else there) and t busy; the mask is restored after.
    const { line, mask } = this
    const off = p * this.W
    const freeS = cs === 1
    const takeT = !line.has(mask, off, t)
    if (freeS) line.clear(mask, off, s)
    if (takeT) line.set(mask, off, t)
    const g = line.breaks(mask, off)
    if (freeS) line.set(mask, off, s)
    if (takeT) line.clear(mask, off, t)
    const g0 = this.gapsOf[p]!
    this.dBreaks += g - g0
    this.dExcess += Math.max(0, g - this.fairness) - Math.max(0, g0 - this.fairness)
  }

  /** Weighted cost change of moving meeting i (placed) to slot t ≠ its slot. */
  delta(i: number, t: number): number {
    const s = this.slot[i]!
    this.dHard = 0
    this.dBreaks = 0
    this.dExcess = 0
    this.participantDelta(this.model.a[i]!, s, t)
    this.participantDelta(this.model.b[i]!, s, t)
    const L = this.model.tables
    if (this.load[s]! > L) this.dHard--
    if (this.load[t]! >= L) this.dHard++
    for (const j of this.model.preds[i]!) {
      const u = this.slot[j]!
      if (u >= 0) this.dHard += Number(u >= t) - Number(u >= s)
    }
    for (const j of this.model.succs[i]!) {
      const u = this.slot[j]!
      if (u >= 0) this.dHard += Number(t >= u) - Number(s >= u)
    }
    return this.hardWeight * this.dHard + this.excessWeight * this.dExcess + this.dBreaks
  }

  /** Moves meeting i to slot t, keeping every total exact. */
  move(i: number, t: number): void {
    this.delta(i, t)
    this.hard += this.dHard
    const s = this.slot[i]!
    this.addSlot(i, s, -1)
    this.addSlot(i, t, 1)
    this.slot[i] = t
  }
}
