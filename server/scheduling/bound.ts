import { popcount, type Model } from './model.js'

/**
 * A lower bound on breaks for schedules holding every meeting: each
 * participant alone, with only their own meetings' slot domains, fixed slots
 * and session needs, must still spread their meetings over some number of
 * blocks. Summing the per-participant minimum gaps is a valid bound, and a
 * participant whose minimum exceeds the fairness bound proves the fairness
 * rule infeasible. On the fixed-meeting variants this bound is often tight,
 * which lets the search stop as soon as it reaches it.
 */

export interface BreaksBound {
  /** Sum of per-participant minimum gaps; null when some meeting can never be scheduled. */
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

export function breaksLowerBound(model: Model): BreaksBound {
  const perParticipant = new Int32Array(model.participants)
  const am = (1 << model.morning) - 1
  const all = (1 << model.slots) - 1
  let total: number | null = 0
  for (let p = 0; p < model.participants; p++) {
    const mine = model.meetingsOf[p]!
    if (mine.length <= 1) continue
    const need: Need = { slots: model.slots, morning: model.morning, allowed: 0, mandatory: 0, count: mine.length, needMorning: 0, needAfternoon: 0 }
    for (const i of mine) {
      const d = model.domain[i]!
      need.allowed |= d
      if (model.fixed[i]) need.mandatory |= d
      if ((d & ~am) === 0) need.needMorning++
      if ((d & am & all) === 0) need.needAfternoon++
    }
    const blocks = popcount(need.allowed) >= need.count ? minBlocks(need) : 1 << 20
    if (blocks >= 1 << 20) {
      total = null
      continue
    }
    perParticipant[p] = blocks - 1
    if (total !== null) total += blocks - 1
  }
  return { total, perParticipant }
}
