import t from 'tap'
import { everySchedule, randomLimitedInstance } from '../helpers/random-instance.js'
import { breaksLowerBound } from '../../server/scheduling/bound.js'
import type { Instance } from '../../server/scheduling/instance.js'
import { countBreaks } from '../../server/scheduling/check.js'
import { buildModel } from '../../server/scheduling/model.js'
import { propagateDomains } from '../../server/scheduling/propagate.js'

/** A small random event with every kind of limit, small enough to enumerate every schedule. */
const randomInstance = (seed: number, days?: [number, number]): Instance =>
  randomLimitedInstance(seed, {
    days,
    people: [3, 4],
    slots: [3, 4],
    tables: [1, 3],
    attempts: () => 12,
    maxMeetings: 7,
    fixedAbove: 0.85,
  })

/** Each slot's day, read from the instance as the checker does. */
const dayOf = (instance: Instance) =>
  (instance.slots.days ?? [{ slots: instance.slots.count, morning: 0 }]).flatMap((day, d) =>
    Array<number>(day.slots).fill(d),
  )

for (const [what, days] of [
  ['one day', undefined],
  ['two to four days', [2, 3]],
] as const) {
  t.test(
    `${what}: the lower bound never exceeds the fewest breaks of any complete schedule, and narrowed domains keep every schedule`,
    async (t) => {
      let tight = 0
      let complete = 0
      for (let seed = 1; seed <= 400; seed++) {
        const instance = randomInstance(seed, days ? [...days] : undefined)
        const model = buildModel(instance)
        const T = model.slots
        const bound = breaksLowerBound(model)
        const domain = propagateDomains(model)
        const slotDay = dayOf(instance)
        let best = Infinity
        everySchedule(model, (slot) => {
          slot.forEach((s, i) => {
            if (!domain[i * T + s]) t.fail(`seed ${seed}: meeting ${i} in slot ${s} was filtered out`)
          })
          const rows = Array.from({ length: model.participants }, () => Array<number>(T).fill(0))
          slot.forEach((s, i) => {
            rows[model.a[i]!]![s] = 1
            rows[model.b[i]!]![s] = 1
          })
          const each = rows.map((row) => countBreaks(row, slotDay))
          best = Math.min(
            best,
            each.reduce((sum, g) => sum + g, 0),
          )
          each.forEach((g, p) => {
            if (g < bound.perParticipant[p]!) t.fail(`seed ${seed}: participant ${p} has ${g} breaks, below its bound`)
          })
        })
        if (best === Infinity) continue
        complete++
        if (bound.total === null) t.fail(`seed ${seed}: a complete schedule exists, yet the bound says none does`)
        else if (bound.total > best) t.fail(`seed ${seed}: bound ${bound.total} above the optimum ${best}`)
        else if (bound.total === best) tight++
      }
      t.ok(complete > 100, `${complete} instances with a complete schedule`)
      t.ok(tight > complete / 2, `bound tight on ${tight} of them`)
    },
  )
}

t.test('the bound asks for distinct slots: runs long enough but unusable by the meetings do not count', async (t) => {
  // Participant 1 meets 2, 3 and 4; participants 2 and 3 are only free in slots 0 and 3, participant 4 in slots 1 and 2.
  // Slots 0-2 would be one run, but meetings with 2 and 3 need both 0 and 3: one break at least.
  const free = (slots: number[]) => [0, 1, 2, 3].map((s) => slots.includes(s))
  const instance: Instance = {
    name: 'distinct',
    slots: { count: 4, morning: 4 },
    tables: 3,
    participants: [
      { id: 1, available: free([0, 1, 2, 3]) },
      { id: 2, available: free([0, 3]) },
      { id: 3, available: free([0, 3]) },
      { id: 4, available: free([1, 2]) },
    ],
    meetings: [2, 3, 4].map((q, k) => ({
      id: k + 1,
      participants: [1, q] as [number, number],
      session: null,
      fixedSlot: null,
      after: [],
      priority: 1,
    })),
  }
  const bound = breaksLowerBound(buildModel(instance))
  t.equal(bound.perParticipant[0], 1)
  t.equal(bound.total, 1)
})

t.test('a fixed meeting closes its slot to the other meetings of both its participants', async (t) => {
  // Meeting 1 (participants 1, 2) is fixed in slot 1; meeting 2 (participants 2, 3) could go anywhere else.
  const instance: Instance = {
    name: 'fixed',
    slots: { count: 3, morning: 3 },
    tables: 2,
    participants: [1, 2, 3].map((id) => ({ id, available: [true, true, true] })),
    meetings: [
      { id: 1, participants: [1, 2], session: null, fixedSlot: 1, after: [], priority: 1 },
      { id: 2, participants: [2, 3], session: null, fixedSlot: null, after: [], priority: 1 },
    ],
  }
  t.same([...propagateDomains(buildModel(instance))], [0, 1, 0, 1, 0, 1])
})
