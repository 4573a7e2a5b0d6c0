import t from 'tap'
import { checkSchedule } from '../../server/scheduling/check.js'
import { solveGreedy } from '../../server/scheduling/greedy.js'
import type { Instance } from '../../server/scheduling/instance.js'
import { createRandom } from '../../server/scheduling/random.js'
import { solve } from '../../server/scheduling/solve.js'

interface Shape {
  seed: number
  limits: boolean
}

/** A random event: SMEs meet buyers (bipartite); with limits, also unavailable slots, sessions, fixed slots and precedences. */
function randomInstance({ seed, limits }: Shape): Instance {
  const random = createRandom(seed)
  const int = (n: number) => Math.floor(random() * n)
  const smes = 2 + int(5)
  const buyers = 2 + int(4)
  const count = 3 + int(6)
  const morning = int(count + 1)
  const participants = [...Array(smes + buyers).keys()].map((k) => ({
    id: k + 1,
    available: [...Array(count).keys()].map(() => !limits || random() > 0.15),
  }))
  const pairs = new Set<string>()
  const meetings: Instance['meetings'] = []
  for (let k = 0; k < smes * buyers; k++) {
    const pair: [number, number] = [1 + int(smes), smes + 1 + int(buyers)]
    if (pairs.has(pair.join()) || random() < 0.3) continue
    pairs.add(pair.join())
    const id = meetings.length + 1
    const roll = random()
    meetings.push({
      id,
      participants: pair,
      session: limits && roll < 0.15 ? (morning > 0 ? 'morning' : 'afternoon') : null,
      fixedSlot: limits && roll > 0.95 ? int(count) : null,
      after: limits && id > 1 && random() < 0.1 ? [1 + int(id - 1)] : [],
      priority: 1 + int(3),
    })
  }
  const degree = Math.max(...participants.map((p) => meetings.filter((m) => m.participants.includes(p.id)).length))
  const slots = limits ? count : Math.max(degree, 1)
  if (!limits) for (const p of participants) p.available = new Array<boolean>(slots).fill(true)
  const tables = limits ? 1 + int(buyers) : Math.max(1, Math.ceil(meetings.length / slots))
  return {
    name: `random-${seed}`,
    slots: { count: slots, morning: Math.min(morning, slots) },
    tables,
    participants,
    meetings,
  }
}

const quick = { timeLimitMs: 2_000, maxIterations: 30_000 }
/** The solver's order of objectives: priority of the meetings left out, then breaks over the fairness bound (2), then breaks. */
function quality(instance: Instance, schedule: { slotOfMeeting: Record<string, number> }): [number, number, number] {
  const check = checkSchedule(instance, schedule, { allowUnscheduled: true })
  const missing = instance.meetings
    .filter((m) => check.unscheduled.includes(m.id))
    .reduce((sum, m) => sum + m.priority, 0)
  const excess = Object.values(check.breaksByParticipant).reduce((sum, b) => sum + Math.max(0, b - 2), 0)
  return [missing, excess, check.breaks]
}
const worseThan = (x: number[], y: number[]) =>
  x[0]! > y[0]! || (x[0] === y[0] && (x[1]! > y[1]! || (x[1] === y[1] && x[2]! > y[2]!)))

t.test('every schedule the solver returns is feasible, and never worse than first-fit', async (t) => {
  for (let seed = 1; seed <= 300; seed++) {
    const instance = randomInstance({ seed, limits: true })
    const result = solve(instance, { ...quick, seed })
    const check = checkSchedule(instance, result, { allowUnscheduled: true })
    if (!check.feasible) t.fail(`seed ${seed}: ${check.violations[0]!.message}`)
    if (check.breaks !== result.breaks)
      t.fail(`seed ${seed}: solver says ${result.breaks} breaks, checker ${check.breaks}`)
    if (worseThan(quality(instance, result), quality(instance, solveGreedy(instance))))
      t.fail(`seed ${seed}: worse than greedy`)
  }
  t.pass('300 random events checked')
})

t.test('without availability limits every meeting fits in max-degree slots (König)', async (t) => {
  for (let seed = 1; seed <= 200; seed++) {
    const instance = randomInstance({ seed, limits: false })
    const result = solve(instance, { ...quick, seed })
    t.same(
      result.unscheduled,
      [],
      `seed ${seed}: all ${instance.meetings.length} meetings in ${instance.slots.count} slots`,
    )
    if (!checkSchedule(instance, result).feasible) t.fail(`seed ${seed}: infeasible`)
  }
})

t.test('the same seed gives the same schedule; on one thread, after the same work', async (t) => {
  const instance = randomInstance({ seed: 42, limits: true })
  for (const threads of [2, 1]) {
    const first = solve(instance, { ...quick, seed: 7, threads })
    const second = solve(instance, { ...quick, seed: 7, threads })
    t.same(second.slotOfMeeting, first.slotOfMeeting, `${threads} threads`)
    t.same(second.tableOfMeeting, first.tableOfMeeting)
    t.same([second.breaks, second.lowerBound, second.stoppedBy], [first.breaks, first.lowerBound, first.stoppedBy])
    // With the probe thread, how far the main search got before the probe's answer stopped it depends on timing.
    if (threads === 1) t.equal(second.iterations, first.iterations)
  }
})

t.test('the time limit is respected, measured on the injected clock', async (t) => {
  let now = 0
  // Each clock reading advances 10 ms: the search must stop after about 100 readings.
  const clock = () => (now += 10)
  const instance = randomInstance({ seed: 5, limits: true })
  const result = solve(instance, { timeLimitMs: 1_000, maxIterations: 1e12, clock, seed: 1 })
  t.ok(result.elapsedMs <= 1_100, `stopped after ${result.elapsedMs} ms of clock time`)
  t.ok(['time', 'bound', 'iterations', 'baseline'].includes(result.stoppedBy))
  t.ok(checkSchedule(instance, result, { allowUnscheduled: true }).feasible)
})

t.test(
  'a participant who cannot avoid breaks is reported over the fairness bound, meetings still all scheduled',
  async (t) => {
    // Participant 1 meets four others, fixed in slots 0, 2, 4, 6: three breaks are unavoidable.
    const instance: Instance = {
      name: 'unfair',
      slots: { count: 7, morning: 7 },
      tables: 4,
      participants: [1, 2, 3, 4, 5].map((id) => ({ id, available: new Array<boolean>(7).fill(true) })),
      meetings: [2, 3, 4, 5].map((other, k) => ({
        id: k + 1,
        participants: [1, other] as [number, number],
        session: null,
        fixedSlot: 2 * k,
        after: [],
        priority: 1,
      })),
    }
    const result = solve(instance, { ...quick, fairness: 2 })
    t.same(result.unscheduled, [])
    t.equal(result.breaks, 3)
    t.equal(result.lowerBound, 3)
    t.same(result.fairnessViolations, [{ participant: 1, breaks: 3 }])
    t.equal(result.fairnessProvenInfeasible, true)
  },
)

t.test('more meetings than a participant has slots: the higher-priority ones are kept', async (t) => {
  const instance: Instance = {
    name: 'overbooked',
    slots: { count: 2, morning: 2 },
    tables: 3,
    participants: [1, 2, 3, 4].map((id) => ({ id, available: [true, true] })),
    meetings: [2, 3, 4].map((other, k) => ({
      id: k + 1,
      participants: [1, other] as [number, number],
      session: null,
      fixedSlot: null,
      after: [],
      priority: k === 1 ? 1 : 5,
    })),
  }
  const result = solve(instance, quick)
  t.same(result.unscheduled, [2])
  t.equal(result.breaks, 0)
})
