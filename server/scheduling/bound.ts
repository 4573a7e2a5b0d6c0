import { popcount, type Model } from './model.js'
import { propagateDomains } from './propagate.js'

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
  slots: number
  morning: number
  allowed: number
  mandatory: number
  count: number
  needMorning: number
  needAfternoon: number
}

/** Minimum blocks over slot sets S: mandatory ⊆ S ⊆ allowed, |S| = count, session needs met. */
function minBlocks(need: Need): number {
  const { slots, count } = need
  const INF = 1 << 20
  // state index: (chosen * (count + 1) + chosenMorning) * 2 + previousSlotBusy
  const size = (count + 1) * (count + 1) * 2
  let dp = new Int32Array(size).fill(INF)
  dp[0] = 0
  for (let t = 0; t < slots; t++) {
    const next = new Int32Array(size).fill(INF)
    const bit = 1 << t
    const isMorning = t < need.morning
    for (let c = 0; c <= count; c++) {
      for (let cm = 0; cm <= c; cm++) {
        for (let prev = 0; prev < 2; prev++) {
          const v = dp[(c * (count + 1) + cm) * 2 + prev]!
          if (v >= INF) continue
          if (!(need.mandatory & bit)) relax(next, (c * (count + 1) + cm) * 2, v)
          if (need.allowed & bit && c < count) {
            const cm2 = isMorning ? cm + 1 : cm
            relax(next, ((c + 1) * (count + 1) + cm2) * 2 + 1, v + (prev ? 0 : 1))
          }
        }
      }
    }
    dp = next
  }
  let best = INF
  for (let cm = need.needMorning; cm <= count; cm++) {
    if (count - cm < need.needAfternoon) continue
    best = Math.min(best, dp[(count * (count + 1) + cm) * 2]!, dp[(count * (count + 1) + cm) * 2 + 1]!)
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
function exactMinBlocks(need: Need, doms: number[], from: number, budget: { left: number }): number {
  for (let b = from; b <= MAX_EXACT_BLOCKS; b++) {
    if (someRuns(need.slots, need.allowed, need.mandatory, need.count, b, (set) => fitsDistinct(doms, set), budget))
      return b
    if (budget.left <= 0) return b
  }
  return MAX_EXACT_BLOCKS + 1
}

export function breaksLowerBound(model: Model): BreaksBound {
  const perParticipant = new Int32Array(model.participants)
  const am = (1 << model.morning) - 1
  const all = (1 << model.slots) - 1
  const domain = propagateDomains(model)
  // Shared by all participants: the bound stays cheap on any instance (a few milliseconds).
  const budget = { left: ENUMERATION_BUDGET }
  let total: number | null = domain.some((d) => d === 0) ? null : 0
  for (let p = 0; p < model.participants; p++) {
    const mine = model.meetingsOf[p]!
    if (mine.length <= 1) continue
    const need: Need = {
      slots: model.slots,
      morning: model.morning,
      allowed: 0,
      mandatory: 0,
      count: mine.length,
      needMorning: 0,
      needAfternoon: 0,
    }
    for (const i of mine) {
      const d = domain[i]!
      need.allowed |= d
      if (popcount(d) === 1) need.mandatory |= d
      if ((d & ~am) === 0) need.needMorning++
      if ((d & am & all) === 0) need.needAfternoon++
    }
    let blocks = popcount(need.allowed) >= need.count ? minBlocks(need) : 1 << 20
    if (blocks < 1 << 20 && blocks <= MAX_EXACT_BLOCKS)
      blocks = exactMinBlocks(
        need,
        mine.map((i) => domain[i]!),
        blocks,
        budget,
      )
    if (blocks >= 1 << 20) {
      total = null
      continue
    }
    perParticipant[p] = blocks - 1
    if (total !== null) total += blocks - 1
  }
  return { total, perParticipant }
}
