import type { Instance } from '../../server/scheduling/instance.js'
import { countBreaks } from '../../server/scheduling/check.js'
import type { Model } from '../../server/scheduling/model.js'
import { createRandom } from '../../server/scheduling/random.js'

/** `base + a random whole number below spread`. */
type Range = [base: number, spread: number]

export interface LimitedShape {
  people: Range
  slots: Range
  tables: Range
  /** Tries at drawing a new pair, and the most meetings kept. */
  attempts: (people: number) => number
  maxMeetings: number
  /** A meeting gets a fixed slot when its roll is above this. */
  fixedAbove: number
  /** Split the slots into this many days (at most one per slot), each with its own morning. */
  days?: Range
}

/** A random event with every kind of limit: unavailable slots, sessions, fixed slots, precedences, few tables. */
export function randomLimitedInstance(seed: number, shape: LimitedShape): Instance {
  const random = createRandom(seed)
  const int = (n: number) => Math.floor(random() * n)
  const people = shape.people[0] + int(shape.people[1])
  const count = shape.slots[0] + int(shape.slots[1])
  const morning = int(count + 1)
  const participants = [...Array(people).keys()].map((k) => ({
    id: k + 1,
    available: [...Array(count).keys()].map(() => random() > 0.15),
  }))
  const meetings: Instance['meetings'] = []
  const pairs = new Set<string>()
  for (let k = 0; k < shape.attempts(people) && meetings.length < shape.maxMeetings; k++) {
    const p = 1 + int(people)
    const q = 1 + int(people)
    if (p === q || pairs.has(`${Math.min(p, q)},${Math.max(p, q)}`)) continue
    pairs.add(`${Math.min(p, q)},${Math.max(p, q)}`)
    const id = meetings.length + 1
    const roll = random()
    meetings.push({
      id,
      participants: [p, q],
      session: roll < 0.15 ? (morning > 0 ? 'morning' : 'afternoon') : null,
      fixedSlot: roll > shape.fixedAbove ? int(count) : null,
      after: id > 1 && random() < 0.15 ? [1 + int(id - 1)] : [],
      priority: 1,
    })
  }
  const slots: Instance['slots'] = { count, morning }
  if (shape.days) {
    const n = Math.min(count, shape.days[0] + int(shape.days[1]))
    // n − 1 distinct cuts in 1..count−1.
    const cuts = new Set<number>()
    while (cuts.size < n - 1) cuts.add(1 + int(count - 1))
    const edges = [0, ...[...cuts].sort((x, y) => x - y), count]
    slots.days = edges.slice(1).map((end, d) => {
      const length = end - edges[d]!
      return { slots: length, morning: int(length + 1) }
    })
    slots.morning = slots.days.reduce((sum, day) => sum + day.morning, 0)
  }
  return {
    name: `random-${seed}`,
    slots,
    tables: shape.tables[0] + int(shape.tables[1]),
    participants,
    meetings,
  }
}

/** Every schedule placing all meetings, by depth-first search over the rules themselves. */
export function everySchedule(model: Model, visit: (slot: Int32Array) => void): void {
  const M = model.a.length
  const slot = new Int32Array(M).fill(-1)
  const busy = new Uint8Array(model.participants * model.slots)
  const load = new Int32Array(model.slots)
  const T = model.slots
  const go = (i: number): void => {
    if (i === M) {
      const ordered = model.preds.every((list, k) => list.every((j) => slot[j]! < slot[k]!))
      if (ordered) visit(slot)
      return
    }
    const a = model.a[i]! * T
    const b = model.b[i]! * T
    for (let s = 0; s < T; s++) {
      if (!model.allowed[i * T + s] || busy[a + s] || busy[b + s] || load[s]! >= model.tables) continue
      slot[i] = s
      busy[a + s] = busy[b + s] = 1
      load[s]!++
      go(i + 1)
      busy[a + s] = busy[b + s] = 0
      load[s]!--
    }
    slot[i] = -1
  }
  go(0)
}

/** The fewest breaks of any schedule placing every meeting with at most `fairness` breaks each; Infinity when there is none. */
export function fewestBreaks(model: Model, fairness: number): number {
  let best = Infinity
  // Breaks counted by the independent checker's rule, per day.
  const days = model.instance.slots.days ?? [{ slots: model.slots, morning: 0 }]
  const dayOf = days.flatMap((day, d) => Array<number>(day.slots).fill(d))
  everySchedule(model, (slot) => {
    const rows = Array.from({ length: model.participants }, () => Array<number>(model.slots).fill(0))
    slot.forEach((t, i) => {
      rows[model.a[i]!]![t] = 1
      rows[model.b[i]!]![t] = 1
    })
    const each = rows.map((row) => countBreaks(row, dayOf))
    if (each.every((g) => g <= fairness))
      best = Math.min(
        best,
        each.reduce((s, g) => s + g, 0),
      )
  })
  return best
}
