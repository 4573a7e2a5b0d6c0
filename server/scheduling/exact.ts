import { breaksPerParticipant, busyMasks } from './result.js'
import type { Model } from './model.js'
import { propagateDomains } from './propagate.js'
import { neg, negLit, posLit, SatSolver } from './sat.js'

/**
 * The exact phase: the problem as a SAT instance, solved by `sat.ts`.
 *
 * Variables: x(i,t) meeting i in slot t (t in its narrowed domain); y(p,t)
 * participant p busy in t; e(p,t) p busy somewhere in t's day up to t; g(p,t)
 * p starts a run of meetings at t after an earlier run of that day, i.e. a
 * break; z(p) p has a
 * break. Constraints: every meeting in exactly one slot; at most one meeting
 * per participant and slot, y(p,t) exactly when one is there; at most
 * `tables` meetings per slot; precedences; g(p,t) ⇔ y(p,t) ∧ ¬y(p,t−1) ∧
 * e(p,t−2), t−2 on t's day (lunch is no break, nor a night); at most `fairness`
 * breaks per participant and at most `bound` in all. Implied, for
 * propagation: each participant is busy in exactly as many slots as they
 * have meetings, and without a break those of one day lie within that many
 * consecutive slots; and at most 2 × `tables` participants are busy in a
 * slot, since each meeting takes two. Clause learning does not count, so
 * it finds that last fact only slowly; where many days must cover the
 * same middle slots, it decides which of them break (on the largest
 * benchmark events the probe then needs 5 to 50 times fewer conflicts).
 * Optionally (`intervals`, events of one day), a day without a break is
 * also one run chosen by its start s(p,k): ¬z(p) → some s(p,k), and s(p,k)
 * fixes y(p,·) busy from k for as many slots as p has meetings, free
 * elsewhere. The solver can then decide where a whole day goes; at zero
 * breaks on the largest events (302 meetings) the probe finds a schedule
 * in 20,000 conflicts where 40,000 found nothing. Not where nearly every
 * place is taken: there the slot counts decide, and the runs only slow
 * the search down.
 *
 * From a schedule with every meeting placed, the search looks for one with
 * fewer breaks, mostly in neighbourhoods (see `exactImprove`); each answer
 * lowers the bound, which keeps what the solver learnt valid; a proof that
 * none exists makes the schedule optimal. From a partial schedule it first
 * looks for a complete one, or proves there is none.
 */

export interface ExactOptions {
  /** Max breaks per participant (Infinity: none). */
  fairness: number
  /** Proven lower bound on breaks: reaching it ends the search. */
  lowerBound: number
  deadline: number
  clock: () => number
  random: () => number
  /** Conflicts allowed in all; with the seed, this (not the clock) decides the answer. */
  maxConflicts?: number
  onImproved?: (breaks: number) => void
}

export interface ExactResult {
  slot: Int32Array
  breaks: number
  /** Every meeting has a slot (from the start, or found here). */
  complete: boolean
  /** Proven: no complete schedule within the fairness bound has fewer breaks (none at all, if not complete). */
  proven: boolean
  conflicts: number
}

const breaksOf = (model: Model, slot: Int32Array) => breaksPerParticipant(model, slot).reduce((s, g) => s + g, 0)

/** Conflicts per neighbourhood, and after how many neighbourhoods the whole problem gets a longer try. */
const LNS_CONFLICTS = 1000
const FULL_EVERY = 20
const FULL_CONFLICTS = 4000

/**
 * Large-neighbourhood search on the SAT encoding: most meetings are held in
 * their slots by assumptions, the meetings of a few participants (around one
 * who has a break) or of a window of slots are free, and the solver looks for
 * a schedule with fewer breaks in that neighbourhood. Every few rounds the
 * whole problem is tried for longer, which may also prove the schedule optimal.
 */
/** `start`: a schedule within the fairness bound, or a partial one (unplaced meetings at -1). */
export function exactImprove(model: Model, start: Int32Array, options: ExactOptions): ExactResult {
  const M = start.length
  let complete = start.every((t) => t >= 0)
  let best = start
  let bestBreaks = complete ? breaksOf(model, start) : Infinity
  const done = (proven: boolean, conflicts: number): ExactResult => ({
    slot: best,
    breaks: complete ? bestBreaks : breaksOf(model, best),
    complete,
    proven,
    conflicts,
  })
  if (bestBreaks <= options.lowerBound) return done(true, 0)
  const domain = propagateDomains(model)
  const T = model.slots
  for (let i = 0; i < M; i++)
    if (start[i]! >= 0 && !domain[i * T + start[i]!]) domain.set(model.allowed.subarray(i * T, (i + 1) * T), i * T)
  const encoding = encode(model, domain, options.fairness, bestBreaks - 1)
  if (!encoding) return done(true, 0)
  const { solver, x, totalBreaks } = encoding
  const maxConflicts = options.maxConflicts ?? Infinity
  let free = Math.max(8, Math.round(M / 5))
  for (let round = 0; ; round++) {
    const left = maxConflicts - solver.conflicts
    if (left <= 0 || options.clock() >= options.deadline) return done(false, solver.conflicts)
    hint(model, solver, encoding, best)
    // Until every meeting has a slot, the whole problem is searched.
    const full = !complete || round % FULL_EVERY === FULL_EVERY - 1
    const assumptions: number[] = []
    if (!full) {
      const freed = neighbourhood(model, best, free, options.random)
      for (let i = 0; i < M; i++) if (!freed[i]) assumptions.push(posLit(x[i]!.find(([t]) => t === best[i])![1]))
    }
    const budget = {
      deadline: options.deadline,
      clock: options.clock,
      maxConflicts: Math.min(left, full ? FULL_CONFLICTS : LNS_CONFLICTS),
    }
    const status = solver.solve(budget, assumptions)
    if (status === 'unsat') return done(true, solver.conflicts)
    // Neighbourhoods proved barren grow; those that run out of conflicts shrink.
    if (status === 'failed' && !full) free = Math.min(M, Math.round(free * 1.1) + 1)
    if (status === 'unknown' && !full) free = Math.max(8, Math.round(free * 0.9))
    if (status !== 'sat') continue
    const slot = readSchedule(solver, x, M)
    best = slot
    complete = true
    bestBreaks = breaksOf(model, slot)
    options.onImproved?.(bestBreaks)
    if (bestBreaks <= options.lowerBound || !solver.tightenAtMost(totalBreaks, bestBreaks - 1))
      return done(true, solver.conflicts)
  }
}

/** The restart unit of a search over the whole problem. */
const WHOLE_RESTART_UNIT = 1000

/**
 * How the tables rule (at most `tables` meetings per slot) is encoded: as a
 * native at-most-k constraint (small and fast, but its explanations list
 * every meeting of a full slot), or as a totalizer (larger and slower per
 * conflict, but what is learnt speaks of partial counts; where slots are
 * nearly full, it finds a schedule in thousands of conflicts where the
 * native constraint does not in a hundred thousand). Where nearly every
 * place is taken (fewer than `tables` spare), the totalizer's counts are
 * exact and added up across slots to at least the number of meetings, so
 * that a slot short of meetings forces the others full: counting that
 * clause learning alone finds only slowly, as in the pigeonhole problem.
 */
export type TablesEncoding = 'native' | 'totalizer'

export interface ProbeResult {
  /** A complete schedule with `lowerBound` breaks, so optimal; null when none was found. */
  slot: Int32Array | null
  /** The bound, raised by one for each core: no complete schedule within the fairness bound has fewer breaks. */
  lowerBound: number
  conflicts: number
  /** Cores found: each raised the bound by one. */
  cores: number
  /** Proven: no complete schedule within the fairness bound exists at all. */
  impossible: boolean
}

export interface ProbeOptions {
  fairness: number
  /** Per participant: the fewest breaks they alone need (`bound.ts`). */
  perParticipant: Int32Array
  maxConflicts: number
  deadline: number
  clock: () => number
  tables?: TablesEncoding
  /** Also model a participant's day without a break as one run, chosen by its start (see `encode`). */
  intervals?: boolean
  /** Told each bound as soon as a core proves it. */
  onLowerBound?: (bound: number) => void
}

/**
 * Core-guided search (OLL): every participant is assumed to have no more
 * breaks than they alone need. While that fails, the solver names a core,
 * a few of those assumptions that cannot hold together; the bound rises by
 * one, the core's assumptions are relaxed by one break, and a counter over
 * them allows one of the core to take it. The first schedule found is
 * optimal. Unlike a bound on the total, the assumptions act on each
 * participant at once, and each core is a small, local proof.
 */
export function probeByCores(model: Model, options: ProbeOptions): ProbeResult {
  const lb = options.perParticipant
  let lowerBound = lb.reduce((s, v) => s + v, 0)
  const encoding = encode(model, propagateDomains(model), options.fairness, Infinity, options.tables, options.intervals)
  if (!encoding) return { slot: null, lowerBound, conflicts: 0, cores: 0, impossible: true }
  const { solver, x, g } = encoding
  // A soft literal is assumed: ¬(at least index + 1 of a counter's inputs). Relaxed by a core, it gives way to index + 1.
  interface Soft {
    lit: number
    outputs: number[]
    index: number
  }
  let softs: Soft[] = []
  const softOf = (outputs: number[], index: number): Soft | null =>
    index < outputs.length ? { lit: neg(outputs[index]!), outputs, index } : null
  for (let p = 0; p < model.participants; p++) {
    const breaks = [...g[p]!].filter((v) => v >= 0).map(posLit)
    if (breaks.length <= lb[p]!) continue
    const counts = solver.totalizer(breaks, Math.min(breaks.length, options.fairness))
    const soft = softOf(counts, lb[p]!)
    if (soft) softs.push(soft)
  }
  let cores = 0
  while (solver.conflicts < options.maxConflicts && options.clock() < options.deadline) {
    const status = solver.solve(
      {
        deadline: options.deadline,
        clock: options.clock,
        maxConflicts: options.maxConflicts - solver.conflicts,
        restartUnit: WHOLE_RESTART_UNIT,
      },
      softs.map((s) => s.lit),
    )
    if (status === 'sat')
      return {
        slot: readSchedule(solver, x, model.a.length),
        lowerBound,
        conflicts: solver.conflicts,
        cores,
        impossible: false,
      }
    // Nothing assumed and still no schedule: no complete schedule within the fairness bound exists.
    if (status === 'unsat') return { slot: null, lowerBound, conflicts: solver.conflicts, cores, impossible: true }
    if (status !== 'failed') break
    const failed = new Set(solver.failedAssumptions)
    const inCore = softs.filter((s) => failed.has(s.lit))
    if (inCore.length === 0) break
    cores++
    lowerBound++
    options.onLowerBound?.(lowerBound)
    softs = softs.filter((s) => !failed.has(s.lit))
    for (const s of inCore) {
      const next = softOf(s.outputs, s.index + 1)
      if (next) softs.push(next)
    }
    if (inCore.length > 1) {
      const sum = solver.totalizer(
        inCore.map((s) => neg(s.lit)),
        inCore.length,
      )
      const soft = softOf(sum, 1)
      if (soft) softs.push(soft)
    }
  }
  return { slot: null, lowerBound, conflicts: solver.conflicts, cores, impossible: false }
}

function readSchedule(solver: SatSolver, x: [number, number][][], meetings: number): Int32Array {
  const slot = new Int32Array(meetings).fill(-1)
  x.forEach((row, i) => {
    for (const [t, v] of row) if (solver.modelValue(v)) slot[i] = t
  })
  return slot
}

/** Meetings set free: those of participants gathered around one with a break, or those in a window of slots. */
function neighbourhood(model: Model, slot: Int32Array, size: number, random: () => number): Uint8Array {
  const M = slot.length
  const freed = new Uint8Array(M)
  let count = 0
  if (random() < 0.3) {
    const width = Math.max(2, Math.round((model.slots * size) / M))
    const from = Math.floor(random() * Math.max(1, model.slots - width + 1))
    for (let i = 0; i < M; i++) if (slot[i]! >= from && slot[i]! < from + width) freed[i] = 1
    return freed
  }
  const breaks = breaksPerParticipant(model, slot)
  const withBreaks: number[] = []
  for (let p = 0; p < model.participants; p++) if (breaks[p]! > 0) withBreaks.push(p)
  const seed =
    withBreaks.length > 0
      ? withBreaks[Math.floor(random() * withBreaks.length)]!
      : Math.floor(random() * model.participants)
  const queue = [seed]
  const taken = new Set(queue)
  while (count < size && queue.length > 0) {
    const p = queue.splice(Math.floor(random() * queue.length), 1)[0]!
    for (const i of model.meetingsOf[p]!) {
      if (!freed[i]) {
        freed[i] = 1
        count++
      }
      const other = model.a[i] === p ? model.b[i]! : model.a[i]!
      if (!taken.has(other)) {
        taken.add(other)
        queue.push(other)
      }
    }
  }
  return freed
}

interface Encoding {
  solver: SatSolver
  /** Per meeting: [slot, variable] pairs. */
  x: [number, number][][]
  /** Per participant and slot: variable or -1 (never busy there). */
  y: Int32Array[]
  /** Per participant and slot: the break variable, or -1. */
  g: Int32Array[]
  totalBreaks: number
}

function encode(
  model: Model,
  domain: Uint8Array,
  fairness: number,
  maxBreaks: number,
  tables: TablesEncoding = 'native',
  intervals = false,
): Encoding | null {
  const solver = new SatSolver()
  const T = model.slots
  const { dayOf } = model.line
  const M = model.a.length
  const x: [number, number][][] = []
  const xAt = (i: number, t: number) => x[i]!.find(([u]) => u === t)?.[1] ?? -1
  for (let i = 0; i < M; i++) {
    const row: [number, number][] = []
    for (let t = 0; t < T; t++) if (domain[i * T + t]) row.push([t, solver.newVar()])
    if (row.length === 0) return null
    x.push(row)
    solver.addClause(row.map(([, v]) => posLit(v)))
    if (row.length > 1)
      solver.addAtMost(
        row.map(([, v]) => posLit(v)),
        1,
      )
  }
  const inSlot: number[][] = []
  for (let t = 0; t < T; t++) {
    const here: number[] = []
    for (let i = 0; i < M; i++) {
      const v = xAt(i, t)
      if (v >= 0) here.push(posLit(v))
    }
    inSlot.push(here)
  }
  const places = inSlot.reduce((sum, here) => sum + Math.min(here.length, model.tables), 0)
  // Fewer places spare than there are tables: nearly every place is taken.
  const tight = M > places - model.tables
  if (tables === 'totalizer' && tight) {
    // Slots must also hold enough: exact counts per slot, added up to at least M.
    const counts = inSlot
      .filter((here) => here.length > 0)
      .map((here) => {
        const count = solver.unarySum(
          here.map((lit) => [lit]),
          model.tables + 1,
        )
        if (count.length > model.tables) solver.addClause([neg(count[model.tables]!)])
        return count.slice(0, model.tables)
      })
    const total = solver.unarySum(counts)
    if (total.length < M) return null
    solver.addClause([total[M - 1]!])
  } else {
    for (const here of inSlot) {
      if (here.length <= model.tables) continue
      if (tables === 'totalizer') solver.addAtMostTotalizer(here, model.tables)
      else solver.addAtMost(here, model.tables)
    }
  }
  const y: Int32Array[] = []
  const g: Int32Array[] = []
  const allBreaks: number[] = []
  for (let p = 0; p < model.participants; p++) {
    const mine = model.meetingsOf[p]!
    const yp = new Int32Array(T).fill(-1)
    const gp = new Int32Array(T).fill(-1)
    y.push(yp)
    g.push(gp)
    if (mine.length === 0) continue
    for (let t = 0; t < T; t++) {
      const here = mine
        .map((i) => xAt(i, t))
        .filter((v) => v >= 0)
        .map(posLit)
      if (here.length === 0) continue
      const v = solver.newVar()
      yp[t] = v
      for (const lit of here) solver.addClause([negLit(lit >> 1), posLit(v)])
      solver.addClause([negLit(v), ...here])
      if (here.length > 1) solver.addAtMost(here, 1)
    }
    const busy = [...yp].filter((v) => v >= 0)
    if (busy.length < mine.length) return null
    solver.addAtMost(busy.map(posLit), mine.length)
    solver.addAtMost(busy.map(negLit), busy.length - mine.length)
    // e(u): busy somewhere earlier in u's day, up to u; g(t): a run starts at t after an earlier one of its day,
    // i.e. a break.
    const e = new Int32Array(T).fill(-1)
    for (let u = 0; u < T; u++) {
      const prev = u > 0 && dayOf[u - 1] === dayOf[u] ? e[u - 1]! : -1
      if (yp[u]! < 0 && prev < 0) continue
      const v = solver.newVar()
      e[u] = v
      if (yp[u]! >= 0) solver.addClause([negLit(yp[u]!), posLit(v)])
      if (prev >= 0) solver.addClause([negLit(prev), posLit(v)])
      solver.addClause([negLit(v), ...(prev >= 0 ? [posLit(prev)] : []), ...(yp[u]! >= 0 ? [posLit(yp[u]!)] : [])])
    }
    const breaks: number[] = []
    for (let t = 2; t < T; t++) {
      if (yp[t]! < 0 || dayOf[t - 2] !== dayOf[t] || e[t - 2]! < 0) continue
      const v = solver.newVar()
      gp[t] = v
      breaks.push(posLit(v))
      const before = yp[t - 1]!
      solver.addClause([negLit(yp[t]!), ...(before >= 0 ? [posLit(before)] : []), negLit(e[t - 2]!), posLit(v)])
      solver.addClause([negLit(v), posLit(yp[t]!)])
      if (before >= 0) solver.addClause([negLit(v), negLit(before)])
      solver.addClause([negLit(v), posLit(e[t - 2]!)])
    }
    if (Number.isFinite(fairness) && breaks.length > fairness) solver.addAtMost(breaks, fairness)
    if (breaks.length > 0) {
      // Without a break, p's busy slots of a day lie within n consecutive slots: two slots of one day n apart are
      // never both busy.
      const z = solver.newVar()
      for (const lit of breaks) solver.addClause([negLit(lit >> 1), posLit(z)])
      solver.addClause([negLit(z), ...breaks])
      const n = mine.length
      for (let t = 0; t < T; t++)
        for (let u = t + n; u < T && dayOf[u] === dayOf[t]; u++)
          if (yp[t]! >= 0 && yp[u]! >= 0) solver.addClause([posLit(z), negLit(yp[t]!), negLit(yp[u]!)])
      if (intervals && !tight && model.line.days === 1) {
        // And they are exactly one run of n slots: which one is a choice of its start.
        const starts: [number, number][] = []
        for (let k = 0; k + n <= T; k++) {
          let possible = true
          for (let t = k; t < k + n; t++) if (yp[t]! < 0) possible = false
          if (possible) starts.push([k, solver.newVar()])
        }
        solver.addClause([posLit(z), ...starts.map(([, v]) => posLit(v))])
        for (const [k, v] of starts) {
          for (let t = 0; t < T; t++) {
            if (yp[t]! < 0) continue
            solver.addClause([negLit(v), t >= k && t < k + n ? posLit(yp[t]!) : negLit(yp[t]!)])
          }
        }
        for (let t = 0; t < T; t++) {
          if (yp[t]! < 0) continue
          solver.addClause([
            posLit(z),
            negLit(yp[t]!),
            ...starts.filter(([k]) => t >= k && t < k + n).map(([, v]) => posLit(v)),
          ])
        }
      }
    }
    allBreaks.push(...breaks)
  }
  // Each meeting occupies two participants: at most 2 × tables are busy in a slot.
  for (let t = 0; t < T; t++) {
    const busy = y
      .map((yp) => yp[t]!)
      .filter((v) => v >= 0)
      .map(posLit)
    if (busy.length > 2 * model.tables) solver.addAtMost(busy, 2 * model.tables)
  }
  model.preds.forEach((preds, j) => {
    for (const i of preds) {
      for (const [t, v] of x[j]!)
        solver.addClause([negLit(v), ...x[i]!.filter(([u]) => u < t).map(([, w]) => posLit(w))])
      for (const [t, v] of x[i]!)
        solver.addClause([negLit(v), ...x[j]!.filter(([u]) => u > t).map(([, w]) => posLit(w))])
    }
  })
  const totalBreaks = solver.addAtMost(allBreaks, Math.max(0, Math.min(maxBreaks, allBreaks.length)))
  return { solver, x, y, g, totalBreaks }
}

/** Saved phases set to a schedule, so the search starts next to it. */
function hint(model: Model, solver: SatSolver, encoding: Encoding, slot: Int32Array) {
  encoding.x.forEach((row, i) => {
    for (const [t, v] of row) solver.setPhase(v, slot[i] === t)
  })
  const { line } = model
  const busy = busyMasks(model, slot)
  const { dayOf } = model.line
  for (let p = 0; p < model.participants; p++) {
    const off = p * line.words
    let earlier = false
    for (let t = 0; t < model.slots; t++) {
      if (t > 0 && dayOf[t] !== dayOf[t - 1]) earlier = false
      const here = line.has(busy, off, t)
      const yv = encoding.y[p]![t]!
      if (yv >= 0) solver.setPhase(yv, here)
      const gv = encoding.g[p]![t]!
      if (gv >= 0) solver.setPhase(gv, here && !line.has(busy, off, t - 1) && earlier)
      // Busy somewhere in this day before t: what a break at t + 1 or later needs.
      if (t > 0 && dayOf[t - 1] === dayOf[t] && line.has(busy, off, t - 1)) earlier = true
    }
  }
}
