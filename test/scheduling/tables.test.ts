import t from 'tap'
import { checkSchedule } from '../../server/scheduling/check.js'
import type { Instance } from '../../server/scheduling/instance.js'
import { solve } from '../../server/scheduling/solve.js'
import { assignTables, chooseHosts } from '../../server/scheduling/tables.js'

/** Three buyers (ids 1-3) each meeting the four SMEs (ids 4-7) over four slots. */
function event(tables: number, roles: boolean): Instance {
  const participants = [1, 2, 3, 4, 5, 6, 7].map((id) => ({
    id,
    available: [true, true, true, true],
    ...(roles ? { role: id <= 3 ? ('buyer' as const) : ('sme' as const) } : {}),
  }))
  const meetings = [1, 2, 3].flatMap((buyer) =>
    [4, 5, 6, 7].map((sme) => ({
      participants: [sme, buyer] as [number, number],
      session: null,
      fixedSlot: null,
      after: [],
      priority: 1,
    })),
  )
  return {
    name: 'buyers-stay',
    slots: { count: 4, morning: 2 },
    tables,
    participants,
    meetings: meetings.map((m, k) => ({ ...m, id: k + 1 })),
  }
}

const tableOfParticipant = (instance: Instance, tableOfMeeting: Record<string, number>, participant: number) =>
  new Set(instance.meetings.filter((m) => m.participants.includes(participant)).map((m) => tableOfMeeting[m.id]))

t.test('with as many tables as buyers, each buyer keeps one table all day', async (t) => {
  const instance = event(3, true)
  const result = solve(instance, { timeLimitMs: 2_000, maxIterations: 50_000 })
  t.same(result.unscheduled, [])
  t.ok(checkSchedule(instance, result).feasible)
  t.same(
    [1, 2, 3].map((buyer) => [...tableOfParticipant(instance, result.tableOfMeeting, buyer)]),
    [[0], [1], [2]],
  )
})

t.test('without roles, the hosts are a vertex cover of the meetings: here the three buyers', async (t) => {
  const instance = event(5, false)
  t.same(chooseHosts(instance), [1, 2, 3])
  const slotOf = Int32Array.from(instance.meetings, (m) => (m.participants[0] - 4 + m.participants[1] - 1) % 4)
  const tables = assignTables(instance, slotOf)
  const byMeeting = Object.fromEntries(instance.meetings.map((m, i) => [m.id, tables[i]!]))
  for (const buyer of [1, 2, 3]) t.equal(tableOfParticipant(instance, byMeeting, buyer).size, 1, `buyer ${buyer} stays`)
  t.ok(
    checkSchedule(instance, {
      slotOfMeeting: Object.fromEntries(instance.meetings.map((m, i) => [m.id, slotOf[i]!])),
      tableOfMeeting: byMeeting,
    }).feasible,
  )
})

t.test('with fewer tables than buyers, every meeting still gets a distinct table in its slot', async (t) => {
  const instance = { ...event(2, true), slots: { count: 6, morning: 3 } }
  for (const p of instance.participants) p.available = new Array<boolean>(6).fill(true)
  const result = solve(instance, { timeLimitMs: 2_000, maxIterations: 50_000 })
  t.same(result.unscheduled, [])
  t.ok(checkSchedule(instance, result).feasible)
})
