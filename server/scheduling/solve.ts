import { anneal } from './anneal.js'
import { breaksLowerBound } from './bound.js'
import { exactImprove } from './exact.js'
import { startProbe } from './probe.js'
import { konigColouring } from './colouring.js'
import { kempeSearch } from './kempe-search.js'
import { greedySlots } from './greedy.js'
import type { Instance } from './instance.js'
import { buildModel, type Model } from './model.js'
import { createRandom } from './random.js'
import { breaksPerParticipant, buildResult, type ScheduleResult } from './result.js'
import { assignTables } from './tables.js'

/**
 * The scheduler: a conflict-free start (König colouring when nothing
 * restricts slots, else first-fit with the leftovers dropped in anyway);
 * simulated annealing on clashes until every meeting has a clash-free slot;
 * a repair pass that keeps every meeting whose slot is conflict-free
 * (highest priority first) and re-inserts the rest; Kempe-chain annealing
 * that stays clash-free while it lowers fairness excess and breaks; then the
 * exact phase (SAT, `exact.ts`) for the rest of the time: it completes a
 * schedule the annealing could not, improves it neighbourhood by
 * neighbourhood, and may prove it optimal. Every phase stops early at the
 * lower bound. Beside them all, a second thread runs a core-guided SAT
 * search from each participant's own minimum of breaks (`probe.ts`); the
 * first schedule it finds is optimal. The greedy baseline is kept if it is ever better, so
 * the answer is never worse than first-fit.
 */

export interface SolveOptions {
  timeLimitMs?: number
  /** Max breaks per participant; null = no fairness rule (default 2). */
  fairness?: number | null
  seed?: number
  /** Search steps; with the seed, this (not the clock) decides the answer. */
  maxIterations?: number
  /** Conflicts the exact phase may spend (default: maxIterations / 20). */
  maxConflicts?: number
  /** 2 (default): the core-guided probe runs on a second thread beside the search (`probe.ts`); 1: one thread, no probe. */
  threads?: number
  clock?: () => number
  onProgress?: (progress: {
    iterations: number
    breaks: number
    hard: number
    excess: number
    elapsedMs: number
  }) => void
}

export interface SolveResult extends ScheduleResult {
  /** A participant alone already needs more breaks than the fairness bound. */
  fairnessProvenInfeasible: boolean
  /** The exact phase proved that no schedule places every meeting within the fairness bound. */
  completeProvenImpossible: boolean
  elapsedMs: number
}

const DEFAULTS = { timeLimitMs: 10_000, fairness: 2, seed: 1, maxIterations: 60_000_000 }
/** Shares of the time limit: the penalty search placing every meeting, and every annealing phase together. */
const FEASIBILITY_SHARE = 0.5
/** Meeting-slot pairs up to which the probe thread runs: 4 times the largest benchmark event (302 meetings × 30 slots). */
export const PROBE_MAX_PAIRS = 36_000
const ANNEALING_SHARE = 0.5

function canPlace(model: Model, slot: Int32Array, busy: Int32Array, load: Int32Array, i: number, t: number): boolean {
  const { line } = model
  if (!model.allowed[i * model.slots + t] || load[t]! >= model.tables) return false
  if (line.has(busy, model.a[i]! * line.words, t) || line.has(busy, model.b[i]! * line.words, t)) return false
  for (const j of model.preds[i]!) if (slot[j]! >= 0 && slot[j]! >= t) return false
  for (const j of model.succs[i]!) if (slot[j]! >= 0 && slot[j]! <= t) return false
  return true
}

/** Keeps conflict-free meetings, highest priority first, then fits leftovers with the fewest new breaks. */
export function repair(model: Model, proposed: Int32Array): Int32Array {
  const M = proposed.length
  const slot = new Int32Array(M).fill(-1)
  const { line } = model
  const busy = line.masks(model.participants)
  const load = new Int32Array(model.slots)
  const put = (i: number, t: number) => {
    slot[i] = t
    line.set(busy, model.a[i]! * line.words, t)
    line.set(busy, model.b[i]! * line.words, t)
    load[t]!++
  }
  // Breaks of p's mask with slot t made busy too.
  const breaksWith = (p: number, t: number) => {
    const off = p * line.words
    line.set(busy, off, t)
    const g = line.breaks(busy, off)
    line.clear(busy, off, t)
    return g - line.breaks(busy, off)
  }
  const order = [...Array(M).keys()].sort((i, j) => model.priority[j]! - model.priority[i]! || i - j)
  for (const i of order)
    if (proposed[i]! >= 0 && canPlace(model, slot, busy, load, i, proposed[i]!)) put(i, proposed[i]!)
  for (const i of order) {
    if (slot[i]! >= 0) continue
    let bestT = -1
    let bestCost = Infinity
    for (const t of model.slotsOf[i]!) {
      if (!canPlace(model, slot, busy, load, i, t)) continue
      const cost = breaksWith(model.a[i]!, t) + breaksWith(model.b[i]!, t)
      if (cost < bestCost) [bestT, bestCost] = [t, cost]
    }
    if (bestT >= 0) put(i, bestT)
  }
  return slot
}

/** Lexicographic quality: unscheduled priority, then breaks over the bound, then breaks. */
export function scheduleKey(model: Model, slot: Int32Array, fairness: number): [number, number, number] {
  let missing = 0
  slot.forEach((t, i) => {
    if (t < 0) missing += model.priority[i]!
  })
  let excess = 0
  let breaks = 0
  for (const g of breaksPerParticipant(model, slot)) {
    breaks += g
    excess += Math.max(0, g - fairness)
  }
  return [missing, excess, breaks]
}

const better = (x: number[], y: number[]) =>
  x[0]! < y[0]! || (x[0] === y[0] && (x[1]! < y[1]! || (x[1] === y[1] && x[2]! < y[2]!)))

function startingPoint(model: Model, greedy: Int32Array, random: () => number): Int32Array {
  const konig = konigColouring(model)
  if (konig) return konig
  // Leftovers go to a random slot of their domain: the search will untangle the clashes.
  return greedy.map((t, i) => {
    const list = model.slotsOf[i]!
    if (t >= 0 || list.length === 0) return t
    return list[Math.floor(random() * list.length)]!
  })
}

export function solve(instance: Instance, options: SolveOptions = {}): SolveResult {
  const clock = options.clock ?? (() => performance.now())
  const startedAt = clock()
  const settings = { ...DEFAULTS, ...options }
  const fairness = options.fairness === undefined ? DEFAULTS.fairness : options.fairness
  const limit = fairness ?? Infinity
  const model = buildModel(instance)
  const bound = breaksLowerBound(model)
  const random = createRandom(settings.seed)
  const greedy = greedySlots(model)
  const conflictBudget = options.maxConflicts ?? Math.floor(settings.maxIterations / 20)
  // Beside the search, a second thread searches by cores: the first schedule it finds is optimal, and ends the search.
  // Its encoding of the whole problem grows with meetings × slots; past PROBE_MAX_PAIRS it would only take memory.
  const pairs = model.slotsOf.reduce((n, list) => n + list.length, 0)
  const probe =
    (options.threads ?? 2) > 1 && bound.total !== null && pairs <= PROBE_MAX_PAIRS
      ? startProbe(instance, limit, bound.total)
      : null
  const searchClock = probe ? probe.searchClock(clock) : clock
  const common = {
    model,
    fairness: limit,
    random,
    maxIterations: settings.maxIterations,
    // Short cycles: phase 1 only needs to settle the clashes, and a short cooling settles them first.
    cycleIterations: Math.min(300_000, Math.max(20_000, 2_000 * instance.meetings.length)),
    patience: 6,
    target: bound.total ?? 0,
    clock: searchClock,
    deadline: startedAt + settings.timeLimitMs,
    onProgress:
      options.onProgress &&
      ((p: { iterations: number; breaks: number; hard: number; excess: number }) =>
        options.onProgress!({ ...p, elapsedMs: clock() - startedAt })),
  }
  // Phase 1, on penalties: the first conflict-free schedule (every meeting placed). Keep time for the rest.
  const feasibleBy = startedAt + FEASIBILITY_SHARE * settings.timeLimitMs
  let found = anneal({
    ...common,
    start: startingPoint(model, greedy, random),
    excessWeight: 3,
    untilFeasible: true,
    deadline: feasibleBy,
  })
  if (found.hard > 0 && fairness !== null) {
    // Every meeting comes before fairness: search again with the bound nearly free.
    const relaxed = anneal({
      ...common,
      start: found.slot,
      excessWeight: 0.25,
      untilFeasible: true,
      deadline: feasibleBy,
    })
    found = { ...relaxed, iterations: found.iterations + relaxed.iterations }
  }
  // Phase 2, on clash-free ground only: Kempe-chain annealing on fairness and breaks.
  const annealedBy = startedAt + ANNEALING_SHARE * settings.timeLimitMs
  const polished = kempeSearch({
    ...common,
    start: repair(model, found.slot),
    maxIterations: Math.max(0, settings.maxIterations - found.iterations),
    cycleIterations: Math.min(2_000_000, Math.max(20_000, 5_000 * instance.meetings.length)),
    patience: 5,
    excessWeight: 3,
    deadline: annealedBy,
    onCycle:
      options.onProgress &&
      ((best, iterations) =>
        options.onProgress!({
          iterations: found.iterations + iterations,
          breaks: best.breaks,
          hard: 0,
          excess: best.excess,
          elapsedMs: clock() - startedAt,
        })),
  })
  let slot = polished.slot
  let stoppedBy: ScheduleResult['stoppedBy'] = polished.stoppedBy === 'bound' ? 'bound' : 'iterations'
  let lowerBound = bound.total
  let iterations = found.iterations + polished.iterations
  let annealAgain = true
  let completeProvenImpossible = false
  // Phase 3, exact: complete, improve, prove. Skipped when the fairness bound is already relaxed.
  const [missing, excess] = scheduleKey(model, slot, limit)
  if (stoppedBy !== 'bound' && excess === 0) {
    const exact = exactImprove(model, slot, {
      fairness: limit,
      lowerBound: bound.total ?? 0,
      deadline: common.deadline,
      clock: searchClock,
      random,
      maxConflicts: conflictBudget,
      onImproved: (breaks) =>
        options.onProgress?.({ iterations, breaks, hard: 0, excess: 0, elapsedMs: clock() - startedAt }),
    })
    if (exact.complete && (missing > 0 || exact.breaks < scheduleKey(model, slot, limit)[2])) slot = exact.slot
    if (exact.proven && exact.complete) {
      stoppedBy = 'bound'
      lowerBound = Math.max(lowerBound ?? 0, exact.breaks)
    }
    // Only a proof that no complete schedule exists leaves time the annealing can still use.
    annealAgain = exact.proven && !exact.complete
    completeProvenImpossible = annealAgain
  }
  if (stoppedBy !== 'bound' && annealAgain && clock() < common.deadline) {
    // Meetings left out or fairness relaxed: the Kempe search keeps lowering breaks until the time limit.
    const more = kempeSearch({
      ...common,
      start: slot,
      maxIterations: Math.max(0, settings.maxIterations - iterations),
      cycleIterations: Math.min(2_000_000, Math.max(20_000, 5_000 * instance.meetings.length)),
      patience: 5,
      excessWeight: 3,
    })
    iterations += more.iterations
    if (better(scheduleKey(model, more.slot, limit), scheduleKey(model, slot, limit))) slot = more.slot
  }
  let fairBound = bound.total
  if (probe) {
    const verdict = probe.finish(common.deadline, clock, stoppedBy === 'bound')
    if (verdict.slot)
      return finish(instance, model, {
        slot: verdict.slot,
        fairness,
        limit,
        lowerBound: verdict.lowerBound,
        iterations,
        stoppedBy: 'bound',
        completeProvenImpossible: false,
        greedy,
        startedAt,
        clock,
        bound,
      })
    fairBound = verdict.lowerBound
  }
  if (stoppedBy !== 'bound' && clock() >= common.deadline) stoppedBy = 'time'
  // The probe's bound holds for complete schedules within the fairness bound only.
  const [left, over, breaks] = scheduleKey(model, slot, limit)
  if (left === 0 && over === 0 && fairBound !== null) {
    lowerBound = Math.max(lowerBound ?? 0, fairBound)
    if (breaks <= lowerBound) stoppedBy = 'bound'
  }
  return finish(instance, model, {
    slot,
    fairness,
    limit,
    lowerBound,
    iterations,
    stoppedBy,
    completeProvenImpossible,
    greedy,
    startedAt,
    clock,
    bound,
  })
}

interface Outcome {
  slot: Int32Array
  fairness: number | null
  limit: number
  lowerBound: number | null
  iterations: number
  stoppedBy: ScheduleResult['stoppedBy']
  completeProvenImpossible: boolean
  greedy: Int32Array
  startedAt: number
  clock: () => number
  bound: ReturnType<typeof breaksLowerBound>
}

/** The answer, or the greedy baseline when that is better; tables numbered. */
function finish(instance: Instance, model: Model, outcome: Outcome): SolveResult {
  const { fairness, limit, greedy, bound } = outcome
  const useGreedy = better(scheduleKey(model, greedy, limit), scheduleKey(model, outcome.slot, limit))
  const slot = useGreedy ? greedy : outcome.slot
  const result = buildResult(model, {
    slotOf: slot,
    tableOf: assignTables(instance, slot),
    fairness,
    lowerBound: outcome.lowerBound,
    iterations: outcome.iterations,
    stoppedBy: useGreedy ? 'baseline' : outcome.stoppedBy,
  })
  const fairnessProvenInfeasible = fairness !== null && bound.perParticipant.some((g) => g > fairness)
  return {
    ...result,
    fairnessProvenInfeasible,
    completeProvenImpossible: outcome.completeProvenImpossible,
    elapsedMs: outcome.clock() - outcome.startedAt,
  }
}
