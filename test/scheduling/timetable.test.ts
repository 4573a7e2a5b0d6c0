import t from 'tap'
import { randomLimitedInstance } from '../helpers/random-instance.js'
import { checkSchedule } from '../../server/scheduling/check.js'
import { greedySlots } from '../../server/scheduling/greedy.js'
import type { Instance } from '../../server/scheduling/instance.js'
import { kempeSearch } from '../../server/scheduling/kempe-search.js'
import { buildModel, idleSlots, type Model } from '../../server/scheduling/model.js'
import { createRandom } from '../../server/scheduling/random.js'
import { CHAIN_FULL, CHAIN_NO, CHAIN_OK, Timetable } from '../../server/scheduling/timetable.js'

/** A random event with every kind of limit: unavailable slots, sessions, fixed slots, precedences, few tables. */
const randomInstance = (seed: number): Instance =>
  randomLimitedInstance(seed, {
    people: [5, 8],
    slots: [4, 7],
    tables: [2, 4],
    attempts: (people) => people * 3,
    maxMeetings: Infinity,
    fixedAbove: 0.93,
  })

const scheduleOf = (instance: Instance, slot: Int32Array) => ({
  slotOfMeeting: Object.fromEntries(instance.meetings.flatMap((m, i) => (slot[i]! >= 0 ? [[m.id, slot[i]!]] : []))),
})

function tiny(
  meetings: [number, number, number[]][],
  tables: number,
  slots: number,
): { instance: Instance; model: Model } {
  const instance: Instance = {
    name: 'tiny',
    slots: { count: slots, morning: slots },
    tables,
    participants: [1, 2, 3, 4, 5].map((id) => ({ id, available: new Array<boolean>(slots).fill(true) })),
    meetings: meetings.map(([p, q, after], k) => ({
      id: k + 1,
      participants: [p, q],
      session: null,
      fixedSlot: null,
      after,
      priority: 1,
    })),
  }
  return { instance, model: buildModel(instance) }
}

t.test('idle slots are the free slots between the first and the last meeting', async (t) => {
  t.equal(idleSlots(0), 0)
  t.equal(idleSlots(0b1), 0)
  t.equal(idleSlots(0b111000), 0)
  t.equal(idleSlots(0b1001), 2)
  t.equal(idleSlots(0b1010010), 3)
})

t.test('a Kempe chain drags along the meetings that would clash, and its break change is exact', async (t) => {
  // Participant 1 meets 2 in slot 0 and 3 in slot 2; participant 2 also meets 4 in slot 2.
  const { model } = tiny(
    [
      [1, 2, []],
      [1, 3, []],
      [2, 4, []],
    ],
    3,
    3,
  )
  const table = new Timetable(model, 2, Int32Array.from([0, 2, 2]))
  t.equal(table.breaks, 2)
  // Moving meeting 1 to slot 2 must send meeting 2 (participant 1) and meeting 3 (participant 2) to slot 0.
  t.equal(table.chain(0, 2), CHAIN_OK)
  t.same([...table.members].sort(), [0, 1, 2])
  t.equal(table.dBreaks, 0)
  t.equal(table.chain(1, 1), CHAIN_OK, 'meeting 2 alone to slot 1 closes the gap of participant 1')
  t.equal(table.dBreaks, -1)
  table.apply()
  t.same([...table.slot], [0, 1, 2])
  t.equal(table.breaks, 1)
})

t.test('a chain that would put a meeting before one it must follow is refused', async (t) => {
  // Meeting 2 must come after meeting 1; both involve participant 1.
  const { model } = tiny(
    [
      [1, 2, []],
      [1, 3, [1]],
    ],
    3,
    3,
  )
  const table = new Timetable(model, 2, Int32Array.from([0, 1]))
  t.equal(table.chain(0, 1), CHAIN_NO, 'swapping slots 0 and 1 would reverse them')
  t.equal(table.chain(0, 2), CHAIN_NO, 'meeting 1 after meeting 2')
  t.equal(table.chain(1, 2), CHAIN_OK)
})

t.test('a chain overfilling a slot is reported as full, and a chain flowing back makes room', async (t) => {
  const { model } = tiny(
    [
      [1, 2, []],
      [3, 4, []],
    ],
    1,
    2,
  )
  const table = new Timetable(model, 2, Int32Array.from([0, 1]))
  t.equal(table.chain(0, 1), CHAIN_NO, 'one table: slot 1 would hold two meetings')
  t.equal(table.chain(0, 1, 1), CHAIN_FULL)
  t.equal(table.overfull, 1)
  table.apply()
  t.equal(table.chain(1, 0), CHAIN_OK)
  table.apply()
  t.same([...table.slot], [1, 0])
  t.same([...table.load], [1, 1])
})

t.test('any sequence of Kempe chains keeps every rule, and the kept break count is the checker’s', async (t) => {
  for (let seed = 1; seed <= 150; seed++) {
    const instance = randomInstance(seed)
    const model = buildModel(instance)
    const table = new Timetable(model, 2, greedySlots(model))
    const random = createRandom(seed)
    for (let k = 0; k < 400; k++) {
      const i = Math.floor(random() * model.a.length)
      const status = table.chain(i, Math.floor(random() * model.slots))
      if (status !== CHAIN_OK) continue
      const expected = table.breaks + table.dBreaks
      table.apply()
      if (table.breaks !== expected) t.fail(`seed ${seed}: predicted ${expected} breaks, kept ${table.breaks}`)
    }
    const check = checkSchedule(instance, scheduleOf(instance, table.slot), { allowUnscheduled: true })
    if (!check.feasible) t.fail(`seed ${seed}: ${check.violations[0]!.message}`)
    if (check.breaks !== table.breaks)
      t.fail(`seed ${seed}: ${table.breaks} breaks kept, checker counts ${check.breaks}`)
  }
  t.pass('150 random events, 400 chain attempts each')
})

t.test('the Kempe search closes every gap it can, reaches the bound and stays feasible', async (t) => {
  // Two buyers (1, 2) each meet SMEs 3, 4, 5, started every other slot: four gaps, none needed.
  const instance: Instance = {
    name: 'gaps',
    slots: { count: 6, morning: 3 },
    tables: 2,
    participants: [1, 2, 3, 4, 5].map((id) => ({ id, available: new Array<boolean>(6).fill(true) })),
    meetings: [1, 2].flatMap((buyer, b) =>
      [3, 4, 5].map((sme, k) => ({
        id: 3 * b + k + 1,
        participants: [buyer, sme] as [number, number],
        session: null,
        fixedSlot: null,
        after: [],
        priority: 1,
      })),
    ),
  }
  const model = buildModel(instance)
  const start = Int32Array.from([0, 2, 4, 1, 3, 5])
  const before = new Timetable(model, 2, start).breaks
  t.ok(before > 0, `the start has ${before} breaks`)
  const run = (seed: number) =>
    kempeSearch({
      model,
      fairness: 2,
      start,
      random: createRandom(seed),
      maxIterations: 200_000,
      cycleIterations: 20_000,
      patience: 3,
      excessWeight: 3,
      target: 0,
      clock: () => 0,
      deadline: 1,
    })
  const found = run(1)
  t.equal(found.breaks, 0)
  t.equal(found.stoppedBy, 'bound')
  t.ok(checkSchedule(instance, scheduleOf(instance, found.slot)).feasible)
  t.same([...run(1).slot], [...found.slot], 'the same seed gives the same schedule')
})

t.test(
  'on events with every kind of limit, the Kempe search keeps every rule and never ends worse than its start',
  async (t) => {
    for (let seed = 1; seed <= 60; seed++) {
      const instance = randomInstance(seed)
      const model = buildModel(instance)
      const start = greedySlots(model)
      const begin = new Timetable(model, 2, start)
      const run = () =>
        kempeSearch({
          model,
          fairness: 2,
          start,
          random: createRandom(seed),
          maxIterations: 30_000,
          cycleIterations: 5_000,
          patience: 2,
          excessWeight: 3,
          target: 0,
          clock: () => 0,
          deadline: 1,
        })
      const found = run()
      const check = checkSchedule(instance, scheduleOf(instance, found.slot), { allowUnscheduled: true })
      if (!check.feasible) t.fail(`seed ${seed}: ${check.violations[0]!.message}`)
      if (check.breaks !== found.breaks)
        t.fail(`seed ${seed}: ${found.breaks} breaks reported, checker counts ${check.breaks}`)
      if (3 * found.excess + found.breaks > 3 * begin.excess + begin.breaks)
        t.fail(`seed ${seed}: ended worse than it started`)
      if (found.slot.some((s, i) => s < 0 !== start[i]! < 0)) t.fail(`seed ${seed}: a meeting was added or dropped`)
      if (seed <= 10 && run().slot.join() !== found.slot.join())
        t.fail(`seed ${seed}: the same seed gave another schedule`)
    }
    t.pass('60 random events')
  },
)
