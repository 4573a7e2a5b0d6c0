import t from 'tap'
import { randomLimitedInstance } from '../helpers/random-instance.js'
import { checkSchedule, countBreaks } from '../../server/scheduling/check.js'
import { solveGreedy } from '../../server/scheduling/greedy.js'
import { type InstanceError, parseInstance, type Instance } from '../../server/scheduling/instance.js'
import { buildModel, Line } from '../../server/scheduling/model.js'
import { createRandom } from '../../server/scheduling/random.js'
import { solve } from '../../server/scheduling/solve.js'

const everyDay = (days: number, slots: number, morning: number) =>
  Array.from({ length: days }, () => ({ slots, morning }))

t.test('the format adds slots.days; a file without it is one day, a bad one is named', async (t) => {
  const raw = (slots: unknown) => ({
    slots,
    tables: 1,
    participants: [{ id: 1 }, { id: 2 }],
    meetings: [{ id: 1, participants: [1, 2] }],
  })
  t.same(parseInstance(raw({ count: 4, morning: 2 })).slots, { count: 4, morning: 2 })
  t.same(parseInstance(raw({ count: 5, morning: 3, days: everyDay(1, 2, 1).concat({ slots: 3, morning: 2 }) })).slots, {
    count: 5,
    morning: 3,
    days: [
      { slots: 2, morning: 1 },
      { slots: 3, morning: 2 },
    ],
  })
  const problems = (slots: unknown) => {
    try {
      parseInstance(raw(slots))
      return []
    } catch (error) {
      return (error as InstanceError).problems
    }
  }
  t.match(problems({ count: 5, morning: 5, days: everyDay(2, 2, 1) }), [
    /slots.days must add up to slots.count \(5\), not 4/,
  ])
  t.match(problems({ count: 4, morning: 4, days: [{ slots: 2, morning: 3 }] }), [/slots.days must list the days/])
  t.match(problems({ count: 4, morning: 4, days: [] }), [/slots.days must list the days/])
})

t.test('a break counts only between two meetings of one day: nights and lunch are not breaks', async (t) => {
  // Day 0: slots 0..3, day 1: slots 4..7.
  const dayOf = [0, 0, 0, 0, 1, 1, 1, 1]
  t.equal(countBreaks([0, 0, 0, 1, 1, 0, 0, 0], dayOf), 0, 'last slot of a day, first of the next')
  t.equal(countBreaks([1, 0, 1, 0, 1, 0, 0, 1], dayOf), 2, 'one break each day')
  t.equal(countBreaks([1, 0, 0, 0, 0, 0, 0, 1], dayOf), 0, 'a meeting each day')
  t.equal(countBreaks([1, 0, 0, 0, 0, 0, 0, 1]), 1, 'the same slots as one day')
  // The solver's count agrees with the checker's on random masks over 1 to 5 days of up to 70 slots.
  const random = createRandom(7)
  const wrong: string[] = []
  for (let n = 0; n < 400; n++) {
    const days = Array.from({ length: 1 + Math.floor(random() * 5) }, () => 1 + Math.floor(random() * 70))
    const slots = days.reduce((s, d) => s + d, 0)
    const line = new Line(
      slots,
      days.map((d) => ({ slots: d, morning: 0 })),
    )
    const row = Array.from({ length: slots }, () => (random() < 0.3 ? 1 : 0))
    // The second participant's mask: the first must stay untouched.
    const mask = line.masks(2)
    row.forEach((busy, s) => busy && line.set(mask, line.words, s))
    const dayOf = days.flatMap((d, k) => Array<number>(d).fill(k))
    // Idle slots: free slots between a day's first and last meeting.
    let idle = 0
    days.forEach((_, k) => {
      const busy = row.map((b, s) => (dayOf[s] === k && b ? s : -1)).filter((s) => s >= 0)
      if (busy.length > 0) idle += busy.at(-1)! - busy[0]! + 1 - busy.length
    })
    const got = [line.breaks(mask, line.words), line.idle(mask, line.words), line.breaks(mask, 0)]
    const want = [countBreaks(row, dayOf), idle, 0]
    if (got.join() !== want.join()) wrong.push(`days ${days.join('+')}, ${row.join('')}: ${got} for ${want}`)
  }
  t.same(wrong, [], 'breaks and idle slots of 400 random days agree with the checker')
})

t.test('morning and afternoon meetings keep to the sessions of whichever day they take', async (t) => {
  const instance: Instance = {
    name: 'sessions',
    slots: { count: 6, morning: 3, days: [...everyDay(2, 3, 1)] },
    tables: 1,
    participants: [1, 2].map((id) => ({ id, available: Array<boolean>(6).fill(true) })),
    meetings: [{ id: 1, participants: [1, 2], session: 'morning', fixedSlot: null, after: [], priority: 1 }],
  }
  t.same(buildModel(instance).slotsOf[0], [0, 3])
})

/** Many days of many slots: every meeting placed, the schedule checked by the independent checker. */
t.test('random events over 2 to 4 days stay feasible under the independent checker', async (t) => {
  let meetings = 0
  for (let seed = 1; seed <= 60; seed++) {
    const instance = randomLimitedInstance(seed, {
      people: [4, 10],
      slots: [6, 40],
      tables: [1, 4],
      attempts: (people) => people * 3,
      maxMeetings: 30,
      fixedAbove: 0.95,
      days: [2, 3],
    })
    const result = solve(instance, { timeLimitMs: 400, threads: 1, seed })
    const greedy = solveGreedy(instance)
    const check = checkSchedule(instance, result, { allowUnscheduled: true })
    t.ok(check.feasible, `seed ${seed}: ${check.violations[0]?.message ?? 'feasible'}`)
    t.equal(result.breaks, check.breaks, `seed ${seed}: breaks as the checker counts them`)
    t.ok(result.unscheduled.length <= greedy.unscheduled.length, `seed ${seed}: places at least what first-fit places`)
    if (result.lowerBound !== null) t.ok(result.lowerBound <= result.breaks, `seed ${seed}: bound below the schedule`)
    meetings += instance.meetings.length
  }
  t.ok(meetings > 600, `${meetings} meetings in all`)
})

t.test('4 days × 40 slots: 20 buyers at their tables, every meeting placed, no break a night would make', async (t) => {
  // Each SME meets 4 buyers on one day, back to back; the optimum is 0 breaks.
  const days = 4
  const perDay = 40
  const buyers = 20
  const slots = days * perDay
  const participants: Instance['participants'] = []
  const meetings: Instance['meetings'] = []
  for (let b = 1; b <= buyers; b++)
    participants.push({ id: b, available: Array<boolean>(slots).fill(true), role: 'buyer' })
  let sme = buyers
  for (let day = 0; day < days; day++) {
    for (let lane = 0; lane < buyers; lane++) {
      for (let start = 0; start < perDay; start += 4) {
        sme++
        const available = Array.from({ length: slots }, (_, s) => Math.floor(s / perDay) === day)
        participants.push({ id: sme, available, role: 'sme' })
        for (let k = 0; k < 4; k++) {
          const buyer = 1 + ((lane + start + k) % buyers)
          meetings.push({
            id: meetings.length + 1,
            participants: [buyer, sme],
            session: null,
            fixedSlot: null,
            after: [],
            priority: 1,
          })
        }
      }
    }
  }
  const instance: Instance = {
    name: 'four-days',
    slots: { count: slots, morning: days * 20, days: everyDay(days, perDay, 20) },
    tables: buyers,
    participants,
    meetings,
  }
  const result = solve(instance, { timeLimitMs: 20_000, seed: 1 })
  const check = checkSchedule(instance, result)
  t.ok(check.feasible, check.violations[0]?.message ?? 'every meeting placed, every rule kept')
  t.equal(result.breaks, check.breaks)
  t.equal(result.lowerBound, 0)
  t.ok(result.breaks <= meetings.length / 20, `${result.breaks} breaks for ${meetings.length} meetings`)
})
