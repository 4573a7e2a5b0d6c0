import type { Model } from './model.js'

/**
 * A conflict-free start when nothing restricts slots (no availability,
 * session, fixed-slot or precedence rules) and the meeting graph is
 * bipartite (SMEs meet buyers): König's theorem says Δ slots suffice, and
 * the alternating-path proof builds the colouring. De Werra's balancing then
 * moves meetings along two-slot alternating paths until no slot holds more
 * meetings than tables, which works whenever slots × tables ≥ meetings.
 * Local search alone can miss such tight colourings; this never does.
 */

function isBipartite(model: Model): boolean {
  const side = new Int8Array(model.participants).fill(-1)
  for (let start = 0; start < model.participants; start++) {
    if (side[start] !== -1) continue
    side[start] = 0
    const queue = [start]
    while (queue.length > 0) {
      const p = queue.pop()!
      for (const i of model.meetingsOf[p]!) {
        const q = model.a[i] === p ? model.b[i]! : model.a[i]!
        if (side[q] === -1) {
          side[q] = 1 - side[p]!
          queue.push(q)
        } else if (side[q] === side[p]) return false
      }
    }
  }
  return true
}

function unrestricted(model: Model): boolean {
  return model.slotsOf.every((list) => list.length === model.slots) && model.preds.every((p) => p.length === 0)
}

class Colouring {
  readonly at: Int32Array
  readonly slotOf: Int32Array
  constructor(private readonly model: Model) {
    this.at = new Int32Array(model.participants * model.slots).fill(-1)
    this.slotOf = new Int32Array(model.a.length).fill(-1)
  }

  other(i: number, p: number): number {
    return this.model.a[i] === p ? this.model.b[i]! : this.model.a[i]!
  }

  freeSlot(p: number): number {
    for (let c = 0; c < this.model.slots; c++) if (this.at[p * this.model.slots + c] === -1) return c
    return -1
  }

  set(i: number, c: number): void {
    const T = this.model.slots
    const old = this.slotOf[i]!
    if (old >= 0) {
      this.at[this.model.a[i]! * T + old] = -1
      this.at[this.model.b[i]! * T + old] = -1
    }
    this.slotOf[i] = c
    this.at[this.model.a[i]! * T + c] = i
    this.at[this.model.b[i]! * T + c] = i
  }

  /** The path from p alternating slots x, y, x, … as a list of meetings. */
  path(p: number, x: number, y: number): number[] {
    const T = this.model.slots
    const meetings: number[] = []
    let [current, colour, other] = [p, x, y]
    for (;;) {
      const i = this.at[current * T + colour]!
      if (i < 0) return meetings
      meetings.push(i)
      current = this.other(i, current)
      ;[colour, other] = [other, colour]
    }
  }

  /** Swaps slots x and y along a path; clears first so no cell is overwritten mid-way. */
  swapAlong(meetings: number[], x: number, y: number): void {
    const T = this.model.slots
    const before = meetings.map((i) => this.slotOf[i]!)
    for (const i of meetings) {
      this.at[this.model.a[i]! * T + this.slotOf[i]!] = -1
      this.at[this.model.b[i]! * T + this.slotOf[i]!] = -1
      this.slotOf[i] = -1
    }
    meetings.forEach((i, k) => this.set(i, before[k] === x ? y : x))
  }
}

function colourEdges(model: Model, colouring: Colouring): void {
  const T = model.slots
  for (let i = 0; i < model.a.length; i++) {
    const u = model.a[i]!
    const v = model.b[i]!
    const alpha = colouring.freeSlot(u)
    const beta = colouring.freeSlot(v)
    if (colouring.at[v * T + alpha] !== -1) {
      // Free alpha at v by flipping the alpha/beta path from v; bipartite, so it never reaches u.
      colouring.swapAlong(colouring.path(v, alpha, beta), alpha, beta)
    }
    colouring.set(i, alpha)
  }
}

function balance(model: Model, colouring: Colouring): void {
  const load = new Int32Array(model.slots)
  colouring.slotOf.forEach((c) => load[c]!++)
  for (;;) {
    const x = load.findIndex((n) => n > model.tables)
    if (x < 0) return
    const y = load.findIndex((n) => n < model.tables)
    flipOddPath(model, colouring, x, y)
    load[x]!--
    load[y]!++
  }
}

/**
 * Slots x ∪ y form paths and even cycles; with more x- than y-meetings some
 * path starts and ends with x. Flipping it moves one meeting from x to y.
 */
function flipOddPath(model: Model, colouring: Colouring, x: number, y: number): void {
  const T = model.slots
  for (let p = 0; p < model.participants; p++) {
    if (colouring.at[p * T + x] === -1 || colouring.at[p * T + y] !== -1) continue
    const path = colouring.path(p, x, y)
    if (path.length % 2 === 0) continue
    colouring.swapAlong(path, x, y)
    return
  }
  throw new Error('no odd alternating path: slot loads cannot be balanced')
}

/** A feasible slot for every meeting by König + de Werra, or null when they do not apply. */
export function konigColouring(model: Model): Int32Array | null {
  const degree = model.meetingsOf.reduce((max, list) => Math.max(max, list.length), 0)
  if (degree > model.slots || model.slots * model.tables < model.a.length) return null
  if (!unrestricted(model) || !isBipartite(model)) return null
  const colouring = new Colouring(model)
  colourEdges(model, colouring)
  balance(model, colouring)
  return colouring.slotOf
}
