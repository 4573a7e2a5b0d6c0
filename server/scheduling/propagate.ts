import type { Model } from './model.js'

/**
 * Slot domains narrowed by reasoning that holds in every schedule placing
 * all meetings (so they serve the lower bound, not the search, which may
 * have to leave meetings out):
 *
 * - a participant's meetings take distinct slots: a slot kept by a meeting
 *   must leave the participant's other meetings a matching into their
 *   domains (all-different, checked by one augmenting path per slot; for a
 *   participant with many meetings over many slots, only whether a matching
 *   exists at all);
 * - a slot whose tables are all taken by meetings that can only go there is
 *   closed to every other meeting;
 * - precedences: a meeting must come after the earliest slot of the ones it
 *   follows and before the latest slot of the ones following it.
 *
 * Repeated until nothing changes. Domains are rows of `model.slots` flags
 * (1 at i × slots + t: meeting i may take slot t). An empty domain proves that
 * not every meeting can be scheduled.
 */
export function propagateDomains(model: Model): Uint8Array {
  const domain = model.allowed.slice()
  const T = model.slots
  let changed = true
  let rounds = 0
  while (changed && rounds++ < 50) {
    changed = false
    for (let p = 0; p < model.participants; p++) if (allDifferent(domain, model.meetingsOf[p]!, T)) changed = true
    if (capacity(model, domain)) changed = true
    if (precedences(model, domain)) changed = true
    if (emptyDomain(domain, T)) break
  }
  return domain
}

/** Slots of meeting i in a domain array. */
export function slotsIn(domain: Uint8Array, T: number, i: number): number[] {
  const list: number[] = []
  for (let t = 0; t < T; t++) if (domain[i * T + t]) list.push(t)
  return list
}

/** Whether some meeting has no slot left. */
export function emptyDomain(domain: Uint8Array, T: number): boolean {
  const M = T === 0 ? 0 : domain.length / T
  rows: for (let i = 0; i < M; i++) {
    for (let t = 0; t < T; t++) if (domain[i * T + t]) continue rows
    return true
  }
  return false
}

/** Above this many meeting-slot pairs, a participant's all-different rule only checks that a matching exists. */
const MAX_SUPPORT_CHECK = 1500

/** Removes every slot of a meeting that no assignment of distinct slots to these meetings can use. */
function allDifferent(domain: Uint8Array, meetings: number[], T: number): boolean {
  const k = meetings.length
  if (k <= 1) return false
  const doms = meetings.map((i) => slotsIn(domain, T, i))
  const matching = new Matching(doms, T)
  for (let x = 0; x < k; x++) {
    if (!matching.augment(x, -1)) {
      // No matching at all: not every meeting fits. Empty one domain so callers see it.
      for (const i of meetings) domain.fill(0, i * T, (i + 1) * T)
      return true
    }
  }
  if (doms.reduce((n, d) => n + d.length, 0) > MAX_SUPPORT_CHECK) return false
  let changed = false
  for (let x = 0; x < k; x++) {
    const keep = doms[x]!.filter((t) => matching.slotOf[x] === t || matching.supports(x, t))
    if (keep.length === doms[x]!.length) continue
    const i = meetings[x]!
    for (const t of doms[x]!) if (!keep.includes(t)) domain[i * T + t] = 0
    doms[x] = keep
    changed = true
  }
  return changed
}

/** A matching of meetings to distinct slots, grown by augmenting paths (Kuhn). */
class Matching {
  owner: Int32Array
  slotOf: Int32Array
  private readonly visited: Int32Array
  private stamp = 0

  constructor(
    private readonly doms: number[][],
    T: number,
  ) {
    this.owner = new Int32Array(T).fill(-1)
    this.slotOf = new Int32Array(doms.length).fill(-1)
    this.visited = new Int32Array(T)
  }

  /** An augmenting path from meeting x, slot `banned` excluded. */
  augment(x: number, banned: number): boolean {
    const stamp = ++this.stamp
    if (banned >= 0) this.visited[banned] = stamp
    const go = (y: number): boolean => {
      for (const t of this.doms[y]!) {
        if (this.visited[t] === stamp) continue
        this.visited[t] = stamp
        if (this.owner[t]! < 0 || go(this.owner[t]!)) {
          this.owner[t] = y
          this.slotOf[y] = t
          return true
        }
      }
      return false
    }
    return go(x)
  }

  /** Whether meeting x may take slot t while the others keep distinct slots of their domains. */
  supports(x: number, t: number): boolean {
    const other = this.owner[t]!
    if (other < 0) return true
    // x takes t; `other` must find another slot, with x's old slot now free and t banned.
    const owner = this.owner.slice()
    const slotOf = this.slotOf.slice()
    this.owner[slotOf[x]!] = -1
    this.owner[t] = x
    this.slotOf[x] = t
    this.slotOf[other] = -1
    const ok = this.augment(other, t)
    this.owner = owner
    this.slotOf = slotOf
    return ok
  }
}

/** Closes a slot that meetings bound to it already fill to the last table. */
function capacity(model: Model, domain: Uint8Array): boolean {
  const T = model.slots
  const M = model.a.length
  const forced = new Int32Array(T)
  const only = new Int32Array(M).fill(-1)
  for (let i = 0; i < M; i++) {
    const list = slotsIn(domain, T, i)
    if (list.length === 1) {
      only[i] = list[0]!
      forced[list[0]!]!++
    }
  }
  let changed = false
  for (let t = 0; t < T; t++) {
    if (forced[t]! < model.tables) continue
    for (let i = 0; i < M; i++) {
      if (only[i] === -1 && domain[i * T + t]) {
        domain[i * T + t] = 0
        changed = true
      }
    }
  }
  return changed
}

function precedences(model: Model, domain: Uint8Array): boolean {
  const T = model.slots
  const lowest = (j: number) => {
    for (let t = 0; t < T; t++) if (domain[j * T + t]) return t
    return -1
  }
  const highest = (j: number) => {
    for (let t = T - 1; t >= 0; t--) if (domain[j * T + t]) return t
    return -1
  }
  let changed = false
  for (let i = 0; i < model.a.length; i++) {
    if (lowest(i) < 0) continue
    let from = 0
    let to = T
    for (const j of model.preds[i]!) {
      const low = lowest(j)
      if (low >= 0) from = Math.max(from, low + 1)
    }
    for (const j of model.succs[i]!) {
      const high = highest(j)
      if (high >= 0) to = Math.min(to, high)
    }
    for (let t = 0; t < T; t++) {
      if ((t < from || t >= to) && domain[i * T + t]) {
        domain[i * T + t] = 0
        changed = true
      }
    }
  }
  return changed
}
