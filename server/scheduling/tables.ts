import type { Instance } from './instance.js'

/**
 * Tables for a slot-feasible schedule. Buyers stay, SMEs walk: when there are
 * at least as many tables as "hosts", each host keeps one table all day, and
 * every meeting is held at the table of one of its hosts. That never double-
 * books a table, because two meetings at one host's table in one slot would
 * be two meetings of that host in one slot.
 *
 * Hosts are the buyers when roles are given and every meeting has a buyer;
 * otherwise a small vertex cover of the meeting graph (every meeting has a
 * host), taken greedily by number of meetings. With fewer tables than hosts,
 * the busiest hosts still get a home table whenever it is free, and the rest
 * of a slot's meetings take the lowest free table.
 */

export function chooseHosts(instance: Instance): number[] {
  const buyers = new Set(instance.participants.filter((p) => p.role === 'buyer').map((p) => p.id))
  if (
    buyers.size > 0 &&
    instance.meetings.every((m) => buyers.has(m.participants[0]) || buyers.has(m.participants[1]))
  ) {
    return instance.participants.filter((p) => buyers.has(p.id)).map((p) => p.id)
  }
  const uncovered = new Set(instance.meetings.map((m) => m.id))
  const degree = new Map<number, number>(instance.participants.map((p) => [p.id, 0]))
  for (const m of instance.meetings) for (const p of m.participants) degree.set(p, degree.get(p)! + 1)
  const hosts: number[] = []
  while (uncovered.size > 0) {
    // Ties go to the lower id so the cover, hence the table plan, is deterministic.
    let best = -1
    let bestDegree = 0
    for (const [p, d] of degree)
      if (d > bestDegree || (d === bestDegree && d > 0 && p < best)) [best, bestDegree] = [p, d]
    hosts.push(best)
    degree.set(best, 0)
    for (const m of instance.meetings) {
      if (!uncovered.has(m.id) || !m.participants.includes(best)) continue
      uncovered.delete(m.id)
      const other = m.participants[0] === best ? m.participants[1] : m.participants[0]
      degree.set(other, degree.get(other)! - 1)
    }
  }
  return hosts
}

/**
 * slotOf[i] is the slot of instance.meetings[i], or -1 when unscheduled.
 * Returns the table of each meeting (-1 when unscheduled). The schedule must
 * be slot-feasible: no participant twice in a slot, at most `tables` per slot.
 */
export function assignTables(instance: Instance, slotOf: ArrayLike<number>): Int32Array {
  const hosts = chooseHosts(instance)
  const home = new Map<number, number>()
  hosts.slice(0, instance.tables).forEach((p, k) => home.set(p, k))
  const tableOf = new Int32Array(instance.meetings.length).fill(-1)
  const used =
    instance.slots.count > 0 ? Array.from({ length: instance.slots.count }, () => new Uint8Array(instance.tables)) : []
  const homeTable = (i: number): number => {
    const [p, q] = instance.meetings[i]!.participants
    return home.get(p) ?? home.get(q) ?? -1
  }
  // Meetings with a home table first, so a walking meeting never takes a host's table.
  const order = [...instance.meetings.keys()].filter((i) => slotOf[i]! >= 0)
  order.sort((i, j) => Number(homeTable(j) >= 0) - Number(homeTable(i) >= 0) || i - j)
  for (const i of order) {
    const row = used[slotOf[i]!]!
    let k = homeTable(i)
    if (k < 0 || row[k]) k = row.indexOf(0)
    if (k < 0) throw new Error(`slot ${slotOf[i]} holds more meetings than tables`)
    row[k] = 1
    tableOf[i] = k
  }
  return tableOf
}
