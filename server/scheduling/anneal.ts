import { type Model } from './model.js'
import { SearchState } from './state.js'

/**
 * Simulated annealing over slot assignments, with clashes, overfull slots and
 * broken precedences as weighted penalties, so the search can cross
 * infeasible ground between good schedules. Moves: one meeting to another
 * slot of its domain; that move plus sending the meeting it clashes with the
 * other way (a two-meeting Kempe swap); or two random meetings trading slots,
 * which keeps slot loads unchanged when every slot is full. Each cycle cools
 * from hot to cold and the next one restarts from the best schedule found.
 * The run stops at the lower bound, after `patience` cycles without progress,
 * at the iteration budget, or at the deadline; all but the last are
 * deterministic for a given seed.
 */

/** What both searches (this annealing and the Kempe search) are given: the model, the start, and their budgets. */
export interface SearchOptions {
  model: Model
  /** Max breaks per participant; Infinity when there is no fairness rule. */
  fairness: number
  start: Int32Array
  random: () => number
  maxIterations: number
  cycleIterations: number
  patience: number
  /** Cost of one break over the fairness bound, against 4 per conflict and 1 per break. */
  excessWeight: number
  /** Stop once a conflict-free, fair schedule has this many breaks. */
  target: number
  clock: () => number
  deadline: number
}

export interface AnnealOptions extends SearchOptions {
  /** Stop at the first conflict-free schedule, fair or not (the Kempe search takes over from there). */
  untilFeasible?: boolean
  onProgress?: (progress: { iterations: number; breaks: number; hard: number; excess: number }) => void
}

export interface AnnealResult {
  slot: Int32Array
  hard: number
  excess: number
  breaks: number
  iterations: number
  stoppedBy: 'bound' | 'iterations' | 'time'
}

// Temperatures in breaks: hot enough to trade one break for another, cold enough to settle.
const HARD = 4
const HOT = 0.6
const COLD = 0.05
/** Share of Kempe-chain moves; chains longer than MAX_CHAIN are too disruptive to help. */
const KEMPE = 0.3
const MAX_CHAIN = 60
const key = (s: { hard: number; excess: number; breaks: number }) => s.hard * 1e6 + s.excess * 1e3 + s.breaks

/** The meeting of participant a or b (other than i) sitting in slot t, if any. */
function clashing(model: Model, state: SearchState, i: number, t: number): number {
  for (const p of [model.a[i]!, model.b[i]!]) {
    for (const j of model.meetingsOf[p]!) if (j !== i && state.slot[j] === t) return j
  }
  return -1
}

interface Step {
  state: SearchState
  random: () => number
  temperature: number
}

function tryMove(step: Step, i: number, t: number): boolean {
  const delta = step.state.delta(i, t)
  if (delta > 0 && step.random() >= Math.exp(-delta / step.temperature)) return false
  step.state.move(i, t)
  return true
}

function trySwap(step: Step, i: number, j: number): boolean {
  const { state } = step
  const s = state.slot[i]!
  const t = state.slot[j]!
  const first = state.delta(i, t)
  state.move(i, t)
  const delta = first + state.delta(j, s)
  if (delta > 0 && step.random() >= Math.exp(-delta / step.temperature)) {
    state.move(i, s)
    return false
  }
  state.move(j, s)
  return true
}

/**
 * The Kempe chain of meeting i between its slot s and slot t: meetings of the
 * same participants in the other slot, closed transitively. Swapping the
 * whole chain never creates a clash, which single moves almost always do in
 * a tight schedule. Returns null when a member cannot take the other slot.
 */
function kempeChain(model: Model, state: SearchState, i: number, t: number, chain: Chain): boolean {
  const s = state.slot[i]!
  const { members, seen } = chain
  chain.stamp++
  members.length = 0
  members.push(i)
  seen[i] = chain.stamp
  for (let k = 0; k < members.length; k++) {
    if (members.length > MAX_CHAIN) return false
    const j = members[k]!
    const there = state.slot[j] === s ? t : s
    if (model.fixed[j] || !model.allowed[j * model.slots + there]) return false
    addNeighbours(model, state, model.meetingsOf[model.a[j]!]!, there, chain)
    addNeighbours(model, state, model.meetingsOf[model.b[j]!]!, there, chain)
  }
  return true
}

function addNeighbours(model: Model, state: SearchState, list: number[], slot: number, chain: Chain): void {
  for (const q of list) {
    if (state.slot[q] !== slot || chain.seen[q] === chain.stamp) continue
    chain.seen[q] = chain.stamp
    chain.members.push(q)
  }
}

interface Chain {
  members: number[]
  seen: Int32Array
  stamp: number
}

function tryChain(step: Step, chain: number[], s: number, t: number): boolean {
  const { state } = step
  let delta = 0
  for (const j of chain) {
    const to = state.slot[j] === s ? t : s
    delta += state.delta(j, to)
    state.move(j, to)
  }
  if (delta > 0 && step.random() >= Math.exp(-delta / step.temperature)) {
    for (let k = chain.length - 1; k >= 0; k--) state.move(chain[k]!, state.slot[chain[k]!] === s ? t : s)
    return false
  }
  return true
}

interface Search {
  model: Model
  domains: number[][]
  movable: number[]
  chain: Chain
  step: Step
}

const canTake = (model: Model, j: number, s: number) => model.allowed[j * model.slots + s] === 1 && !model.fixed[j]

/** One random move of one of the four kinds; true when it was accepted. */
function randomStep(search: Search): boolean {
  const { model, movable, step } = search
  const { state, random } = step
  const i = movable[Math.floor(random() * movable.length)]!
  const list = search.domains[i]!
  const t = list[Math.floor(random() * list.length)]!
  const s = state.slot[i]!
  if (t === s) return false
  const r = random()
  if (r < KEMPE)
    return kempeChain(model, state, i, t, search.chain)
      ? tryChain(step, search.chain.members, s, t)
      : tryMove(step, i, t)
  if (r < KEMPE + 0.2) {
    const j = clashing(model, state, i, t)
    return j >= 0 && canTake(model, j, s) ? trySwap(step, i, j) : tryMove(step, i, t)
  }
  if (r < KEMPE + 0.35) {
    const j = movable[Math.floor(random() * movable.length)]!
    return j !== i && state.slot[j] !== s && canTake(model, j, s) && canTake(model, i, state.slot[j]!)
      ? trySwap(step, i, j)
      : false
  }
  return tryMove(step, i, t)
}

type Best = { slot: Int32Array; hard: number; excess: number; breaks: number }
const snapshot = (state: SearchState): Best => ({
  slot: state.slot.slice(),
  hard: state.hard,
  excess: state.excess,
  breaks: state.breaks,
})

export function anneal(options: AnnealOptions): AnnealResult {
  const { model, random } = options
  const domains = model.slotsOf
  const movable = [...domains.keys()].filter((i) => options.start[i]! >= 0 && !model.fixed[i] && domains[i]!.length > 1)
  const fresh = (slot: Int32Array) => new SearchState(model, options.fairness, slot, HARD, options.excessWeight)
  const search: Search = {
    model,
    domains,
    movable,
    chain: { members: [], seen: new Int32Array(model.a.length), stamp: 0 },
    step: { state: fresh(options.start), random, temperature: HOT },
  }
  let best = snapshot(search.step.state)
  const done = () =>
    best.hard === 0 && (options.untilFeasible === true || (best.excess === 0 && best.breaks <= options.target))
  let iterations = 0
  let idleCycles = 0
  let stoppedBy: AnnealResult['stoppedBy'] = 'iterations'
  while (
    iterations < options.maxIterations &&
    idleCycles < options.patience &&
    movable.length > 0 &&
    !done() &&
    stoppedBy !== 'time'
  ) {
    const before = key(best)
    const length = Math.min(options.cycleIterations, options.maxIterations - iterations)
    for (let k = 0; k < length && !done(); k++, iterations++) {
      if ((k & 4095) === 0 && options.clock() > options.deadline) {
        stoppedBy = 'time'
        break
      }
      search.step.temperature = HOT * Math.pow(COLD / HOT, k / length)
      if (randomStep(search) && key(search.step.state) < key(best)) best = snapshot(search.step.state)
    }
    idleCycles = key(best) < before ? 0 : idleCycles + 1
    options.onProgress?.({ iterations, breaks: best.breaks, hard: best.hard, excess: best.excess })
    // Each cycle restarts from the best schedule so far: cooling again from there beats wandering on.
    search.step.state = fresh(best.slot)
  }
  return { ...best, iterations, stoppedBy: done() ? 'bound' : stoppedBy }
}
