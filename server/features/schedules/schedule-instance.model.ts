import { countBreaks } from '../../scheduling/check.js'
import type { Instance } from '../../scheduling/instance.js'

/**
 * From an event's accepted requests to the scheduler's instance, and back.
 * Pure: the service reads the rows, this decides who the scheduler's
 * participants are and which meetings stay where they were published.
 *
 * Participants: each SME is one; each buyer representative is one (a buyer
 * without named representatives is one). A request whose buyer has several
 * representatives goes to the one chosen for it, else to the one who is
 * already holding it in the published agenda, else to the least loaded one
 * who is free most often.
 */

export interface SlotInfo {
  index: number
  day: number
  session: number
}

export interface PartyInput {
  organisationId: string
  kind: 'sme' | 'buyer'
  name: string
  unavailable: number[]
  representatives: { id: string; name: string; unavailable: number[] }[]
}

export interface RequestInput {
  id: string
  smeId: string
  buyerId: string
  representativeId: string | null
  priority: 'must_meet' | 'meet'
}

export interface PublishedMeeting {
  requestId: string
  slot: number
  tableIndex: number
  representativeId: string | null
}

export interface InstanceInput {
  name: string
  slots: SlotInfo[]
  /** Named tables of the event; 0 means the room is not the limit (online, or not set). */
  tables: number
  parties: PartyInput[]
  requests: RequestInput[]
  published: PublishedMeeting[]
  /** Keep published meetings in their slot (a re-plan); false lets the solver move them too. */
  keepPublished: boolean
}

export interface SchedulerParticipant {
  key: string
  organisationId: string
  representativeId: string | null
  name: string
}

export interface BuiltInstance {
  instance: Instance
  /** Index = the scheduler's participant id. */
  participants: SchedulerParticipant[]
  /** Index = the scheduler's meeting id. */
  requests: (RequestInput & { representativeId: string | null })[]
  /** Requests that have no slot both sides can attend, before any solving. */
  impossible: string[]
}

export interface Assignment {
  slot: number
  tableIndex: number
  representativeId: string | null
}

/**
 * The event's slots as the solver's days: per day its slots, the first session's being the morning when the day has
 * two (lunch between them is no break; nor is the night). One day needs no `days`.
 */
export function slotsOfDays(slots: SlotInfo[]): Instance['slots'] {
  const days: { slots: number; morning: number }[] = []
  let previous: SlotInfo | undefined
  for (const slot of [...slots].sort((x, y) => x.index - y.index)) {
    if (!previous || previous.day !== slot.day) days.push({ slots: 0, morning: 0 })
    const day = days.at(-1)!
    day.slots++
    if (!previous || previous.day !== slot.day || previous.session === slot.session) {
      if (day.morning === day.slots - 1) day.morning++
    }
    previous = slot
  }
  // A day of one session has no afternoon: every slot is a morning slot.
  const count = slots.length
  const morning = days.reduce((sum, d) => sum + d.morning, 0)
  return days.length <= 1 ? { count, morning: days[0]?.morning ?? count } : { count, morning, days }
}

export function buildInstance(input: InstanceInput): BuiltInstance {
  const count = input.slots.length
  const participants: SchedulerParticipant[] = []
  const available: boolean[][] = []
  const roles: ('sme' | 'buyer')[] = []
  const indexOf = new Map<string, number>()
  const add = (party: PartyInput, representative: PartyInput['representatives'][number] | null) => {
    const key = representative ? `${party.organisationId}/${representative.id}` : party.organisationId
    const blocked = new Set([...party.unavailable, ...(representative?.unavailable ?? [])])
    indexOf.set(key, participants.length)
    participants.push({
      key,
      organisationId: party.organisationId,
      representativeId: representative?.id ?? null,
      name: representative ? `${party.name} — ${representative.name}` : party.name,
    })
    available.push(Array.from({ length: count }, (_, s) => !blocked.has(s)))
    roles.push(party.kind)
  }
  const parties = new Map(input.parties.map((p) => [p.organisationId, p]))
  for (const party of input.parties) {
    if (party.kind === 'buyer' && party.representatives.length > 0) for (const r of party.representatives) add(party, r)
    else add(party, null)
  }

  const published = new Map(input.published.map((m) => [m.requestId, m]))
  const load = new Map<number, number>()
  const freeCount = (p: number) => available[p]!.filter(Boolean).length
  const buyerSide = (request: RequestInput): number => {
    const buyer = parties.get(request.buyerId)!
    if (buyer.representatives.length === 0) return indexOf.get(buyer.organisationId)!
    const wanted = request.representativeId ?? published.get(request.id)?.representativeId ?? null
    if (wanted && indexOf.has(`${buyer.organisationId}/${wanted}`))
      return indexOf.get(`${buyer.organisationId}/${wanted}`)!
    const options = buyer.representatives.map((r) => indexOf.get(`${buyer.organisationId}/${r.id}`)!)
    return options.reduce((best, p) =>
      (load.get(p) ?? 0) < (load.get(best) ?? 0) ||
      ((load.get(p) ?? 0) === (load.get(best) ?? 0) && freeCount(p) > freeCount(best))
        ? p
        : best,
    )
  }
  // Requests already tied to a representative first, so the rest balance around them.
  const ordered = [...input.requests]
    .filter((r) => parties.has(r.smeId) && parties.has(r.buyerId))
    .sort(
      (a, b) =>
        Number(!(a.representativeId ?? published.get(a.id)?.representativeId)) -
        Number(!(b.representativeId ?? published.get(b.id)?.representativeId)),
    )
  const requests: BuiltInstance['requests'] = []
  const meetings: Instance['meetings'] = []
  const impossible: string[] = []
  for (const request of ordered) {
    const sme = indexOf.get(request.smeId)!
    const buyer = buyerSide(request)
    load.set(buyer, (load.get(buyer) ?? 0) + 1)
    const common = available[sme]!.some((free, s) => free && available[buyer]![s])
    if (!common) impossible.push(request.id)
    const before = published.get(request.id)
    const keep =
      input.keepPublished &&
      before !== undefined &&
      before.slot < count &&
      available[sme]![before.slot] &&
      available[buyer]![before.slot]
    meetings.push({
      id: meetings.length,
      participants: [sme, buyer],
      session: null,
      fixedSlot: keep ? before.slot : null,
      after: [],
      priority: request.priority === 'must_meet' ? 2 : 1,
    })
    requests.push({ ...request, representativeId: participants[buyer]!.representativeId })
  }
  const buyerParticipants = roles.filter((r) => r === 'buyer').length
  const tables = input.tables > 0 ? input.tables : Math.max(1, buyerParticipants)
  const instance: Instance = {
    name: input.name,
    slots: slotsOfDays(input.slots),
    tables,
    participants: available.map((flags, id) => ({ id, available: flags, role: roles[id]! })),
    meetings,
  }
  return { instance, participants, requests, impossible }
}

/** Breaks per scheduler participant: idle stretches between its meetings (slots are one line, as the solver counts them). */
export function breaksOf(built: BuiltInstance, assignments: Map<number, number>): number[] {
  const { slots } = built.instance
  const busy = built.participants.map(() => new Array<number>(slots.count).fill(0))
  for (const [meeting, slot] of assignments)
    for (const p of built.instance.meetings[meeting]!.participants) busy[p]![slot] = 1
  const dayOf = (slots.days ?? [{ slots: slots.count }]).flatMap((day, d) => Array<number>(day.slots).fill(d))
  return busy.map((row) => countBreaks(row, dayOf))
}

/** Each slot's day, by slot index. */
export function dayOfSlots(slots: SlotInfo[]): number[] {
  const dayOf: number[] = []
  for (const slot of slots) dayOf[slot.index] = slot.day
  return dayOf
}
