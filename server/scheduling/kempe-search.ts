import type { Model } from './model.js'
import { CHAIN_NO, CHAIN_OK, Timetable } from './timetable.js'
import type { SearchOptions } from './anneal.js'

/**
 * Simulated annealing that never leaves clash-free ground: every move is a
 * Kempe chain of `Timetable`, so each schedule visited is feasible and the
 * cost is only `excessWeight × breaks over the bound + breaks`. Cycles cool
 * from `hot` to `cold`; each restarts from the best schedule so far. Stops at
 * the target (a proven lower bound), after `patience` idle cycles, at the
 * iteration budget or at the deadline; all but the last are deterministic.
 */

/** `start` must be clash-free (unscheduled meetings, slot -1, stay out). */
export interface KempeSearchOptions extends SearchOptions {
  hot?: number
  cold?: number
  onCycle?: (best: KempeBest, iterations: number) => void
}

export interface KempeBest {
  slot: Int32Array
  breaks: number
  excess: number
}

export interface KempeSearchResult extends KempeBest {
  iterations: number
  stoppedBy: 'bound' | 'iterations' | 'time'
}

const MAX_CHAIN = 80
/** Weight of idle slots inside a participant's day: a slope towards closing gaps, which breaks alone do not give. */
const IDLE = 0.2

const chainA: number[] = []
const PROBES = 40
/** Share of moves that start at a meeting of a participant with a break. */
const FOCUS = 0.3
/** Share of those moves aimed at a hole in that participant's day. */
const AIM = 0.5

// A plain function, not a closure per move: the hot loop should not allocate.
function accepts(delta: number, temperature: number, random: () => number): boolean {
  return delta <= 0 || random() < Math.exp(-delta / temperature)
}

/**
 * One move: the Kempe chain of meeting i towards slot t, or, when that chain
 * would overfill a slot by one, that chain together with another chain of the
 * same two slots flowing the other way (two components swapped at once).
 * Returns the accepted weighted change, or null when nothing moved.
 */
function step(ctx: StepContext, i: number, t: number, temperature: number): number | null {
  const { table, random, excessWeight } = ctx
  const status = table.chain(i, t, 1)
  if (status === CHAIN_NO) return null
  const first = table.weighted(excessWeight, IDLE)
  if (status === CHAIN_OK) {
    if (!accepts(first, temperature, random)) return null
    table.apply()
    return first
  }
  const s = table.from
  const full = table.overfull
  chainA.length = 0
  for (const j of table.members) chainA.push(j)
  table.apply()
  const j = meetingIn(ctx, full, chainA)
  if (j >= 0 && table.chain(j, full === t ? s : t) === CHAIN_OK) {
    const delta = first + table.weighted(excessWeight, IDLE)
    if (accepts(delta, temperature, random)) {
      table.apply()
      return delta
    }
  }
  table.swap(chainA, s, t)
  return null
}

/**
 * A free slot inside the day of one of meeting i's participants who has a
 * break (a hole that i could fill), or `fallback` when there is none in i's domain.
 */
function holeFor(table: Timetable, model: Model, i: number, fallback: number, random: () => number): number {
  const a = model.a[i]!
  const b = model.b[i]!
  const pa = table.gapsOf[a]! > 0
  const p = pa && (table.gapsOf[b]! === 0 || random() < 0.5) ? a : b
  const { line } = model
  if (line.single) {
    const m = table.mask[p]!
    const span = m === 0 ? 0 : ((1 << (31 - Math.clz32(m))) << 1) - (m & -m)
    let holes = span & ~m
    for (let d = holes; d !== 0; d &= d - 1) {
      const t = 31 - Math.clz32(d & -d)
      if (!model.allowed[i * model.slots + t]) holes &= ~(1 << t)
    }
    if (holes === 0) return fallback
    let pick = Math.floor(random() * bitsOf(holes))
    for (let d = holes; d !== 0; d &= d - 1) if (pick-- === 0) return 31 - Math.clz32(d & -d)
    return fallback
  }
  const holes = line.holes(table.mask, p * line.words, scratch).filter((t) => model.allowed[i * model.slots + t])
  return holes.length === 0 ? fallback : holes[Math.floor(random() * holes.length)]!
}

const scratch: number[] = []

function bitsOf(x: number): number {
  let n = 0
  for (; x !== 0; x &= x - 1) n++
  return n
}

/** A random movable meeting in slot u outside the given chain, or -1 (a few random probes). */
function meetingIn(ctx: StepContext, u: number, chain: number[]): number {
  const { movable, table, random } = ctx
  for (let n = 0; n < PROBES; n++) {
    const j = movable[Math.floor(random() * movable.length)]!
    if (table.slot[j] === u && !chain.includes(j)) return j
  }
  return -1
}

interface StepContext {
  table: Timetable
  random: () => number
  excessWeight: number
  movable: number[]
}

export function kempeSearch(options: KempeSearchOptions): KempeSearchResult {
  const { model, random, excessWeight } = options
  const hot = options.hot ?? 0.7
  const cold = options.cold ?? 0.08
  const slotsOf = model.slotsOf
  const movable = [...slotsOf.keys()].filter((i) => options.start[i]! >= 0 && !model.fixed[i] && slotsOf[i]!.length > 1)
  const key = (b: { breaks: number; excess: number }) => b.excess * excessWeight + b.breaks
  let table = new Timetable(model, options.fairness, options.start, MAX_CHAIN)
  let best: KempeBest = { slot: table.slot.slice(), breaks: table.breaks, excess: table.excess }
  const done = () => best.excess === 0 && best.breaks <= options.target
  let iterations = 0
  let idle = 0
  let stoppedBy: KempeSearchResult['stoppedBy'] = 'iterations'
  const gappy: number[] = []
  while (
    iterations < options.maxIterations &&
    idle < options.patience &&
    movable.length > 0 &&
    !done() &&
    stoppedBy === 'iterations'
  ) {
    const before = key(best)
    const length = Math.min(options.cycleIterations, options.maxIterations - iterations)
    const ctx: StepContext = { table, random, excessWeight, movable }
    let temperature = hot
    for (let k = 0; k < length; k++, iterations++) {
      // The temperature steps every 256 moves: the same cooling, without a power per move.
      if ((k & 255) === 0) temperature = hot * Math.pow(cold / hot, k / length)
      if ((k & 1023) === 0) {
        if ((k & 4095) === 0 && options.clock() > options.deadline) {
          stoppedBy = 'time'
          break
        }
        gappy.length = 0
        for (const j of movable) if (table.gapsOf[model.a[j]!]! > 0 || table.gapsOf[model.b[j]!]! > 0) gappy.push(j)
      }
      const focus = gappy.length > 0 && random() < FOCUS
      const pool = focus ? gappy : movable
      const i = pool[Math.floor(random() * pool.length)]!
      const list = slotsOf[i]!
      let t = list[Math.floor(random() * list.length)]!
      if (focus && random() < AIM) t = holeFor(table, model, i, t, random)
      const delta = step(ctx, i, t, temperature)
      if (delta === null) continue
      if (key(table) < key(best)) {
        best = { slot: table.slot.slice(), breaks: table.breaks, excess: table.excess }
        if (done()) break
      }
    }
    idle = key(best) < before ? 0 : idle + 1
    options.onCycle?.(best, iterations)
    table = new Timetable(model, options.fairness, best.slot, MAX_CHAIN)
  }
  return { ...best, iterations, stoppedBy: done() ? 'bound' : stoppedBy }
}
