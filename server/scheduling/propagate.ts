import { popcount, type Model } from './model.js'

/**
 * Slot domains narrowed by reasoning that holds in every schedule placing
 * all meetings (so they serve the lower bound, not the search, which may
 * have to leave meetings out):
 *
 * - a participant's meetings take distinct slots: a slot kept by a meeting
 *   must leave the participant's other meetings a matching into their
 *   domains (all-different, checked by one augmenting path per slot);
 * - a slot whose tables are all taken by meetings that can only go there is
 *   closed to every other meeting;
 * - precedences: a meeting must come after the earliest slot of the ones it
 *   follows and before the latest slot of the ones following it.
 *
 * Repeated until nothing changes. An empty domain proves that not every
 * meeting can be scheduled.
 */
export function propagateDomains(model: Model): Int32Array {
  const domain = model.domain.slice()
  let changed = true
  let rounds = 0
  while (changed && rounds++ < 50) {
    changed = false
    for (let p = 0; p < model.participants; p++)
      if (allDifferent(domain, model.meetingsOf[p]!, model.slots)) changed = true
    if (capacity(model, domain)) changed = true
    if (precedences(model, domain)) changed = true
    if (domain.some((d) => d === 0)) break
  }
  return domain
}

const lowest = (d: number) => 31 - Math.clz32(d & -d)
const highest = (d: number) => 31 - Math.clz32(d)

/** Removes every slot of a meeting that no assignment of distinct slots to these meetings can use. */
function allDifferent(domain: Int32Array, meetings: number[], slots: number): boolean {
  const k = meetings.length
  if (k <= 1) return false
  const doms = meetings.map((i) => domain[i]!)
  const owner = new Int32Array(slots).fill(-1)
  const slotOf = new Int32Array(k).fill(-1)
  for (let x = 0; x < k; x++) {
    if (!augment(x, doms, owner, slotOf, 0)) {
      // No matching at all: not every meeting fits. Empty one domain so callers see it.
      for (const i of meetings) domain[i] = 0
      return true
    }
  }
  let changed = false
  for (let x = 0; x < k; x++) {
    let keep = 0
    for (let d = doms[x]!; d !== 0; d &= d - 1) {
      const t = lowest(d)
      if (slotOf[x] === t || supports(x, t, doms, owner, slotOf)) keep |= 1 << t
    }
    if (keep !== doms[x]) {
      doms[x] = keep
      domain[meetings[x]!] = keep
      changed = true
    }
  }
  return changed
}

/** Augmenting path from meeting x, slots in `banned` excluded (Kuhn). */
function augment(x: number, doms: number[], owner: Int32Array, slotOf: Int32Array, banned: number): boolean {
  const visited = { mask: banned }
  const go = (y: number): boolean => {
    for (let d = doms[y]! & ~visited.mask; d !== 0; d &= d - 1) {
      const t = lowest(d)
      if (visited.mask & (1 << t)) continue
      visited.mask |= 1 << t
      if (owner[t]! < 0 || go(owner[t]!)) {
        owner[t] = y
        slotOf[y] = t
        return true
      }
    }
    return false
  }
  return go(x)
}

/** Whether meeting x may take slot t while the others keep distinct slots of their domains. */
function supports(x: number, t: number, doms: number[], owner: Int32Array, slotOf: Int32Array): boolean {
  const other = owner[t]!
  if (other < 0) return true
  // x takes t; `other` must find another slot, with x's old slot now free and t banned.
  const owner2 = owner.slice()
  const slotOf2 = slotOf.slice()
  owner2[slotOf[x]!] = -1
  owner2[t] = x
  slotOf2[x] = t
  slotOf2[other] = -1
  return augment(other, doms, owner2, slotOf2, 1 << t)
}

/** Closes a slot that meetings bound to it already fill to the last table. */
function capacity(model: Model, domain: Int32Array): boolean {
  const forced = new Int32Array(model.slots)
  domain.forEach((d) => {
    if (d !== 0 && popcount(d) === 1) forced[lowest(d)]!++
  })
  let full = 0
  for (let t = 0; t < model.slots; t++) if (forced[t]! >= model.tables) full |= 1 << t
  if (full === 0) return false
  let changed = false
  domain.forEach((d, i) => {
    if (popcount(d) > 1 && d & full) {
      domain[i] = d & ~full
      changed = true
    }
  })
  return changed
}

function precedences(model: Model, domain: Int32Array): boolean {
  let changed = false
  for (let i = 0; i < domain.length; i++) {
    let d = domain[i]!
    if (d === 0) continue
    for (const j of model.preds[i]!) {
      const dj = domain[j]!
      if (dj !== 0) d &= ~((2 << lowest(dj)) - 1)
    }
    for (const j of model.succs[i]!) {
      const dj = domain[j]!
      if (dj !== 0) d &= (1 << highest(dj)) - 1
    }
    if (d !== domain[i]) {
      domain[i] = d
      changed = true
    }
  }
  return changed
}
