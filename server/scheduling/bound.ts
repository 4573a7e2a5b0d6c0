import type { Model } from './model.js'
import { emptyDomain, propagateDomains, slotsIn } from './propagate.js'

/**
 * A lower bound on breaks for schedules holding every meeting: each
 * participant alone, with only their own meetings' slot domains (narrowed
 * by `propagateDomains`), fixed slots and session needs, must still spread
 * their meetings over some number of blocks: first by a count-only dynamic
 * programme, then raised while no set of that many runs lets every meeting
 * take its own slot. Summing the per-participant minimum gaps is a valid
 * bound, and a participant whose minimum exceeds the fairness bound proves
 * the fairness rule infeasible. Tight on most original, forbidden-slot and
 * precedence variants; loose where participants' days interact (fixed
 * meetings), since each participant is taken alone.
 */

export interface BreaksBound {
  /** Sum of per-participant minimum gaps; null when the meetings provably cannot all be scheduled. */
  total: number | null
  perParticipant: Int32Array
}

interface Need {
  /** Per slot: 1 when one of the participant's meetings may take it / when one must. */
  allowed: Uint8Array
  mandatory: Uint8Array
  count: number
  needMorning: number
  needAfternoon: number
}

/**
 * Fewest breaks over slot sets S: mandatory ⊆ S ⊆ allowed, |S| = count, session needs met. A dynamic
 * programme over slots; per day, the first block is free and each later one is a break.
 */
function minBreaks(model: Model, need: Need): number {
  const { count } = need
  const INF = 1 << 20
  // state index: (chosen * (count + 1) + chosenMorning) * 3 + day, where day is 0 (nothing yet this day),
  // 1 (busy earlier this day, the previous slot free) or 2 (the previous slot busy).
  const size = (count + 1) * (count + 1) * 3
  let dp = new Int32Array(size).fill(INF)
  dp[0] = 0
  const dayStart = model.line.dayStart
  let day = 0
  for (let t = 0; t < model.slots; t++) {
    if (t === dayStart[day + 1]) {
      day++
      // A new day: what came before it is no break.
      for (let k = 0; k < size; k += 3) {
        dp[k] = Math.min(dp[k]!, dp[k + 1]!, dp[k + 2]!)
        dp[k + 1] = INF
        dp[k + 2] = INF
      }
    }
    const next = new Int32Array(size).fill(INF)
    const isMorning = model.morning[t] === 1
    for (let c = 0; c <= count; c++) {
      for (let cm = 0; cm <= c; cm++) {
        const base = (c * (count + 1) + cm) * 3
        for (let state = 0; state < 3; state++) {
          const v = dp[base + state]!
          if (v >= INF) continue
          if (!need.mandatory[t]) relax(next, base + (state === 2 ? 1 : state), v)
          if (need.allowed[t] && c < count) {
            const cm2 = isMorning ? cm + 1 : cm
            relax(next, ((c + 1) * (count + 1) + cm2) * 3 + 2, v + (state === 1 ? 1 : 0))
          }
        }
      }
    }
    dp = next
  }
  let best = INF
  for (let cm = need.needMorning; cm <= count; cm++) {
    if (count - cm < need.needAfternoon) continue
    const base = (count * (count + 1) + cm) * 3
    best = Math.min(best, dp[base]!, dp[base + 1]!, dp[base + 2]!)
  }
  return best
}

function relax(table: Int32Array, index: number, value: number): void {
  if (value < table[index]!) table[index] = value
}

/** Whether every meeting gets its own slot of `within` (Kuhn's augmenting paths on bit masks). */
function fitsDistinct(doms: number[], within: number): boolean {
  const owner = new Int32Array(32).fill(-1)
  let visited = 0
  const go = (y: number): boolean => {
    for (let d = doms[y]! & within & ~visited; d !== 0; d &= d - 1) {
      const t = 31 - Math.clz32(d & -d)
      visited |= 1 << t
      if (owner[t]! < 0 || go(owner[t]!)) {
        owner[t] = y
        return true
      }
    }
    return false
  }
  for (let x = 0; x < doms.length; x++) {
    visited = 0
    if (!go(x)) return false
  }
  return true
}

/** Sets of `blocks` separate runs of `count` slots within `allowed`, covering `mandatory`; true as soon as `accept` takes one. */
function someRuns(
  slots: number,
  allowed: number,
  mandatory: number,
  count: number,
  blocks: number,
  accept: (set: number) => boolean,
  budget: { left: number },
): boolean {
  const place = (from: number, left: number, runs: number, set: number): boolean => {
    if (runs === 0) return left === 0 && (mandatory & ~set) === 0 && accept(set)
    for (let start = from; start < slots; start++) {
      if (budget.left-- <= 0) return false
      // A mandatory slot skipped before this run could never be covered.
      if (mandatory & ((1 << start) - 1) & ~((1 << from) - 1)) break
      if (!(allowed & (1 << start))) continue
      let run = 0
      for (let len = 1; len <= left - (runs - 1) && start + len <= slots; len++) {
        if (!(allowed & (1 << (start + len - 1)))) break
        run |= 1 << (start + len - 1)
        if (runs === 1 && len < left) continue
        if (place(start + len + 1, left - len, runs - 1, set | run)) return true
        if (budget.left <= 0) return false
      }
    }
    return false
  }
  return place(0, count, blocks, 0)
}

/** Up to this many blocks, the bound checks that the meetings can take distinct slots of the chosen runs. */
const MAX_EXACT_BLOCKS = 4
const ENUMERATION_BUDGET = 300_000

/**
 * A participant's fewest blocks: the DP's count-only answer, raised while
 * no set of that many runs lets every meeting take its own slot of it.
 */
function exactMinBlocks(
  slots: number,
  need: { allowed: number; mandatory: number; count: number },
  doms: number[],
  from: number,
  budget: { left: number },
): number {
  for (let b = from; b <= MAX_EXACT_BLOCKS; b++) {
    if (someRuns(slots, need.allowed, need.mandatory, need.count, b, (set) => fitsDistinct(doms, set), budget)) return b
    if (budget.left <= 0) return b
  }
  return MAX_EXACT_BLOCKS + 1
}

export function breaksLowerBound(model: Model): BreaksBound {
  const T = model.slots
  const perParticipant = new Int32Array(model.participants)
  const domain = propagateDomains(model)
  // Shared by all participants: the bound stays cheap on any instance (a few milliseconds).
  const budget = { left: ENUMERATION_BUDGET }
  let total: number | null = emptyDomain(domain, T) ? null : 0
  const INF = 1 << 20
  for (let p = 0; p < model.participants; p++) {
    const mine = model.meetingsOf[p]!
    if (mine.length <= 1) continue
    const need: Need = {
      allowed: new Uint8Array(T),
      mandatory: new Uint8Array(T),
      count: mine.length,
      needMorning: 0,
      needAfternoon: 0,
    }
    const doms = mine.map((i) => slotsIn(domain, T, i))
    for (const d of doms) {
      for (const t of d) need.allowed[t] = 1
      if (d.length === 1) need.mandatory[d[0]!] = 1
      if (d.every((t) => model.morning[t])) need.needMorning++
      if (d.every((t) => !model.morning[t])) need.needAfternoon++
    }
    let breaks = need.allowed.reduce((n, x) => n + x, 0) >= need.count ? minBreaks(model, need) : INF
    // One day in one word: raised while no set of that many runs lets every meeting take its own slot.
    if (breaks < INF && breaks + 1 <= MAX_EXACT_BLOCKS && model.line.single) {
      const mask = (flags: Uint8Array) => flags.reduce((m, x, t) => (x ? m | (1 << t) : m), 0)
      const masks = doms.map((d) => d.reduce((m, t) => m | (1 << t), 0))
      const runs = { allowed: mask(need.allowed), mandatory: mask(need.mandatory), count: need.count }
      breaks = exactMinBlocks(T, runs, masks, breaks + 1, budget) - 1
    }
    if (breaks >= INF) {
      total = null
      continue
    }
    perParticipant[p] = breaks
    if (total !== null) total += breaks
  }
  return { total, perParticipant }
}
