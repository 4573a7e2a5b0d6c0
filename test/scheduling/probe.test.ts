import t from 'tap'
import { fewestBreaks, randomLimitedInstance } from '../helpers/random-instance.js'
import { checkSchedule } from '../../server/scheduling/check.js'
import { buildModel } from '../../server/scheduling/model.js'
import { solve } from '../../server/scheduling/solve.js'

const shape = {
  people: [4, 3] as [number, number],
  slots: [4, 3] as [number, number],
  tables: [1, 3] as [number, number],
  attempts: () => 16,
  maxMeetings: 9,
  fixedAbove: 0.9,
}

/** Wall time, read slowly: each reading first spins for half a millisecond. */
function slowClock(): number {
  const until = performance.now() + 0.5
  while (performance.now() < until);
  return performance.now()
}

t.test(
  'with the probe thread, the answer is the optimum exhaustive search finds, proven, feasible, and the same on every run, however fast each thread goes',
  async (t) => {
    let cases = 0
    for (let seed = 1; seed <= 150; seed++) {
      const instance = randomLimitedInstance(seed, shape)
      const model = buildModel(instance)
      const best = fewestBreaks(model, 2)
      if (!Number.isFinite(best)) continue
      cases++
      const options = { timeLimitMs: 10_000, maxIterations: 200_000, seed, threads: 2 }
      const first = solve(instance, options)
      const second = solve(instance, options)
      // The main search slowed down on the wall clock: the probe now gets everywhere first, and the answer must not change.
      const slowed = solve(instance, { ...options, clock: slowClock })
      const check = checkSchedule(instance, first, { fairness: 2 })
      if (!check.feasible) t.fail(`seed ${seed}: ${check.violations.map((v) => v.message).join('; ')}`)
      if (first.breaks !== best || first.stoppedBy !== 'bound' || first.lowerBound !== best)
        t.fail(
          `seed ${seed}: ${first.breaks} breaks (${first.stoppedBy}, bound ${first.lowerBound}); the optimum is ${best}`,
        )
      if (JSON.stringify(second.slotOfMeeting) !== JSON.stringify(first.slotOfMeeting))
        t.fail(`seed ${seed}: two runs, two schedules`)
      if (JSON.stringify(slowed.slotOfMeeting) !== JSON.stringify(first.slotOfMeeting))
        t.fail(`seed ${seed}: a slower main search changed the schedule`)
    }
    t.ok(cases > 40, `${cases} events with a complete schedule within the fairness bound`)
  },
)

t.test('one thread and two give schedules of the same quality on events both solve to the bound', async (t) => {
  const instance = randomLimitedInstance(11, {
    ...shape,
    people: [8, 1],
    slots: [8, 1],
    tables: [3, 1],
    attempts: () => 60,
    maxMeetings: 24,
  })
  const one = solve(instance, { timeLimitMs: 10_000, maxIterations: 300_000, seed: 3, threads: 1 })
  const two = solve(instance, { timeLimitMs: 10_000, maxIterations: 300_000, seed: 3, threads: 2 })
  t.ok(checkSchedule(instance, two, { allowUnscheduled: true }).feasible)
  t.same(two.unscheduled, one.unscheduled)
  t.ok(two.breaks <= one.breaks, `${two.breaks} breaks with the probe, ${one.breaks} without`)
})
