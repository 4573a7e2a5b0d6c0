import { buildModel, precedenceOrder, type Model } from './model.js'
import type { Instance } from './instance.js'
import { buildResult, type ScheduleResult } from './result.js'

/**
 * The first-fit baseline the solver must never lose to: meetings in input
 * order (predecessors first), each in the first slot free for both
 * participants, with a table left, after its predecessors; otherwise left
 * unscheduled. Tables are numbered per slot in the same first-fit way.
 */
export function greedySlots(model: Model): Int32Array {
  const M = model.a.length
  const slotOf = new Int32Array(M).fill(-1)
  const { line, slots } = model
  const busy = line.masks(model.participants)
  const load = new Int32Array(model.slots)
  for (const i of precedenceOrder(model)) {
    let earliest = 0
    for (const j of model.preds[i]!) earliest = slotOf[j]! < 0 ? model.slots : Math.max(earliest, slotOf[j]! + 1)
    const offA = model.a[i]! * line.words
    const offB = model.b[i]! * line.words
    for (let t = earliest; t < slots; t++) {
      if (!model.allowed[i * slots + t] || line.has(busy, offA, t) || line.has(busy, offB, t)) continue
      if (load[t]! >= model.tables) continue
      slotOf[i] = t
      load[t]! += 1
      line.set(busy, offA, t)
      line.set(busy, offB, t)
      break
    }
  }
  return slotOf
}

/** First free table of each slot, in meeting order: the naive numbering. */
export function firstFitTables(model: Model, slotOf: Int32Array): Int32Array {
  const next = new Int32Array(model.slots)
  return slotOf.map((t) => (t < 0 ? -1 : next[t]!++))
}

export function solveGreedy(instance: Instance, options: { fairness?: number | null } = {}): ScheduleResult {
  const model = buildModel(instance)
  const slotOf = greedySlots(model)
  return buildResult(model, {
    slotOf,
    tableOf: firstFitTables(model, slotOf),
    fairness: options.fairness ?? 2,
    lowerBound: null,
    iterations: 0,
  })
}
