import t from 'tap'
import { everySchedule, fewestBreaks, randomLimitedInstance } from '../helpers/random-instance.js'
import { checkSchedule } from '../../server/scheduling/check.js'
import { breaksLowerBound } from '../../server/scheduling/bound.js'
import { exactImprove, probeByCores } from '../../server/scheduling/exact.js'
import { greedySlots } from '../../server/scheduling/greedy.js'
import { buildModel, gaps, type Model } from '../../server/scheduling/model.js'
import { createRandom } from '../../server/scheduling/random.js'
import { busyMasks } from '../../server/scheduling/result.js'

const perParticipant = (model: Model, slot: Int32Array) => Array.from(busyMasks(model, slot), gaps)

t.test(
  'from the worst complete schedule, the exact phase reaches the fewest breaks any schedule has, proves it, and stays feasible',
  async (t) => {
    let improved = 0
    let cases = 0
    for (let seed = 1; seed <= 300; seed++) {
      const instance = randomLimitedInstance(seed, {
        people: [3, 3],
        slots: [4, 3],
        tables: [1, 3],
        attempts: () => 14,
        maxMeetings: 8,
        fixedAbove: 0.9,
      })
      const model = buildModel(instance)
      for (const fairness of [1, Infinity]) {
        let best = Infinity
        let worst: Int32Array | null = null
        let worstBreaks = -1
        everySchedule(model, (slot) => {
          const each = perParticipant(model, slot)
          if (each.some((g) => g > fairness)) return
          const total = each.reduce((s, g) => s + g, 0)
          best = Math.min(best, total)
          if (total > worstBreaks) [worst, worstBreaks] = [slot.slice(), total]
        })
        if (!worst) continue
        cases++
        const clock = () => 0
        const result = exactImprove(model, worst, {
          fairness,
          lowerBound: 0,
          deadline: Infinity,
          clock,
          random: createRandom(seed),
        })
        if (result.breaks !== best || !result.proven)
          t.fail(
            `seed ${seed}, fairness ${fairness}: ${result.breaks} breaks (proven: ${result.proven}), the optimum is ${best}`,
          )
        const schedule = { slotOfMeeting: Object.fromEntries(instance.meetings.map((m, i) => [m.id, result.slot[i]!])) }
        const check = checkSchedule(instance, schedule, { fairness: Number.isFinite(fairness) ? fairness : null })
        if (!check.feasible || check.breaks !== result.breaks)
          t.fail(`seed ${seed}, fairness ${fairness}: ${check.violations.map((v) => v.message).join('; ')}`)
        if (worstBreaks > best) improved++
      }
    }
    t.ok(cases > 200, `${cases} cases with a complete schedule`)
    t.ok(improved > 50, `${improved} of them started above the optimum`)
  },
)

t.test(
  "the core-guided probe, with either tables encoding and with or without runs chosen by their start, rises from each participant's own minimum to the fewest breaks any schedule has, one core at a time, and returns a schedule there",
  async (t) => {
    let cases = 0
    let climbed = 0
    let impossible = 0
    let tight = 0
    for (let seed = 1; seed <= 200; seed++) {
      const instance = randomLimitedInstance(seed, {
        people: [3, 3],
        slots: [4, 3],
        tables: [1, 3],
        attempts: () => 14,
        maxMeetings: 8,
        fixedAbove: 0.9,
      })
      const model = buildModel(instance)
      // Fewer spare places than tables: the totalizer encoding then also adds up the slots' counts.
      let places = 0
      for (let t = 0; t < model.slots; t++)
        places += Math.min(model.tables, model.slotsOf.filter((list) => list.includes(t)).length)
      if (model.a.length > places - model.tables) tight++
      for (const fairness of [1, Infinity]) {
        const best = fewestBreaks(model, fairness)
        // From the participants' own minima, and from nothing: the cores must make up the difference either way.
        const own = breaksLowerBound(model).perParticipant
        const start = seed % 2 === 0 ? own : new Int32Array(own.length)
        const tables = seed % 4 < 2 ? 'native' : 'totalizer'
        const intervals = seed % 3 === 0
        const told: number[] = []
        const probe = probeByCores(model, {
          fairness,
          perParticipant: start,
          maxConflicts: 100_000,
          deadline: Infinity,
          clock: () => 0,
          tables,
          intervals,
          onLowerBound: (bound) => told.push(bound),
        })
        // Each core's bound is told as it is proven: one more each time, never above the optimum.
        const startSum = start.reduce((s, v) => s + v, 0)
        if (told.some((bound, i) => bound !== startSum + i + 1 || bound > best) || told.length !== probe.cores) {
          t.fail(
            `seed ${seed}, fairness ${fairness}: bounds told ${told.join(', ')} from ${startSum}, ${probe.cores} cores, optimum ${best}`,
          )
        }
        if (!Number.isFinite(best)) {
          if (probe.slot || !probe.impossible)
            t.fail(
              `seed ${seed}, fairness ${fairness}: no schedule exists, yet ${probe.slot ? 'one was found' : 'that was not proven'}`,
            )
          impossible++
          continue
        }
        cases++
        const startTotal = start.reduce((s, v) => s + v, 0)
        if (best > startTotal) climbed++
        if (!probe.slot || probe.lowerBound !== best || probe.cores !== best - startTotal || probe.impossible) {
          t.fail(
            `seed ${seed}, fairness ${fairness}: bound ${probe.lowerBound} after ${probe.cores} cores, schedule ${probe.slot ? 'found' : 'missing'}; the optimum is ${best}`,
          )
          continue
        }
        const schedule = { slotOfMeeting: Object.fromEntries(instance.meetings.map((m, i) => [m.id, probe.slot![i]!])) }
        const check = checkSchedule(instance, schedule, { fairness: Number.isFinite(fairness) ? fairness : null })
        if (!check.feasible || check.breaks !== best)
          t.fail(
            `seed ${seed}, fairness ${fairness}: ${check.breaks} breaks; ${check.violations.map((v) => v.message).join('; ')}`,
          )
      }
    }
    t.ok(cases > 150, `${cases} cases with a complete schedule`)
    t.ok(climbed > 30, `${climbed} of them need cores`)
    t.ok(impossible > 5, `${impossible} cases without a complete schedule`)
    t.ok(tight > 20, `${tight} events with nearly every place taken`)
  },
)

const larger = () =>
  buildModel(
    randomLimitedInstance(7, {
      people: [14, 1],
      slots: [12, 1],
      tables: [6, 1],
      attempts: () => 200,
      maxMeetings: 45,
      fixedAbove: 1,
    }),
  )

t.test('from a partial schedule, the exact phase finds a complete one that the checker accepts', async (t) => {
  const model = larger()
  // First-fit with every third meeting taken out again.
  const start = greedySlots(model).map((s, i) => (i % 3 === 0 ? -1 : s))
  const result = exactImprove(model, start, {
    fairness: 3,
    lowerBound: 0,
    deadline: Infinity,
    clock: () => 0,
    random: createRandom(1),
    maxConflicts: 20_000,
  })
  t.ok(result.complete, 'every meeting placed')
  const schedule = { slotOfMeeting: Object.fromEntries(model.instance.meetings.map((m, i) => [m.id, result.slot[i]!])) }
  const check = checkSchedule(model.instance, schedule, { fairness: 3 })
  t.ok(check.feasible, check.violations.map((v) => v.message).join('; ') || 'feasible within fairness 3')
  t.equal(check.breaks, result.breaks)
})

t.test('out of conflicts, the probe returns no schedule and a bound it has proven', async (t) => {
  const model = larger()
  const probe = probeByCores(model, {
    fairness: 3,
    perParticipant: new Int32Array(model.participants),
    maxConflicts: 5,
    deadline: Infinity,
    clock: () => 0,
  })
  t.equal(probe.slot, null)
  t.notOk(probe.impossible)
  t.ok(probe.conflicts <= 5, `${probe.conflicts} conflicts`)
  t.equal(probe.lowerBound, probe.cores, 'from a start of 0, each proven core raised the bound by one')
  const found = exactImprove(model, greedySlots(model), {
    fairness: 3,
    lowerBound: 0,
    deadline: Infinity,
    clock: () => 0,
    random: createRandom(1),
    maxConflicts: 20_000,
  })
  t.ok(found.complete, 'a complete schedule to compare the bound with')
  t.ok(probe.lowerBound <= found.breaks, `bound ${probe.lowerBound} ≤ ${found.breaks} breaks of a real schedule`)
})

t.test(
  'a conflict budget ends the search without a proof; the same budget and seed give the same schedule',
  async (t) => {
    const model = larger()
    const run = () =>
      exactImprove(model, greedySlots(model), {
        fairness: 3,
        lowerBound: 0,
        deadline: Infinity,
        clock: () => 0,
        random: createRandom(1),
        maxConflicts: 30,
      })
    const first = run()
    t.ok(first.conflicts <= 30, `${first.conflicts} conflicts`)
    t.notOk(first.proven)
    t.same([...run().slot], [...first.slot])
  },
)

t.test(
  'three people meeting each other in two slots: the exact phase proves that no schedule places every meeting',
  async (t) => {
    const model = buildModel({
      name: 'triangle',
      slots: { count: 2, morning: 2 },
      tables: 3,
      participants: [1, 2, 3].map((id) => ({ id, available: [true, true] })),
      meetings: [
        [1, 2],
        [1, 3],
        [2, 3],
      ].map(([a, b], k) => ({
        id: k + 1,
        participants: [a!, b!] as [number, number],
        session: null,
        fixedSlot: null,
        after: [],
        priority: 1,
      })),
    })
    const result = exactImprove(model, Int32Array.from([0, 1, -1]), {
      fairness: 2,
      lowerBound: 0,
      deadline: Infinity,
      clock: () => 0,
      random: createRandom(1),
    })
    t.notOk(result.complete)
    t.ok(result.proven, 'proven impossible')
    t.same([...result.slot], [0, 1, -1], 'the partial schedule is kept')
  },
)
