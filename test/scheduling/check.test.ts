import t from 'tap'
import { checkSchedule, countBreaks } from '../../server/scheduling/check.js'
import { parseInstance } from '../../server/scheduling/instance.js'

// Three participants, four slots (two morning, two afternoon), two tables.
const instance = parseInstance({
  name: 'tiny',
  slots: { count: 4, morning: 2, afternoon: 2, amPmSplit: true },
  tables: 2,
  participants: [
    { id: 1, available: [1, 1, 1, 1] },
    { id: 2, available: [1, 1, 1, 0] },
    { id: 3, available: [1, 1, 1, 1] },
    { id: 4, available: [1, 1, 1, 1] },
  ],
  meetings: [
    { id: 1, participants: [1, 2], session: 'morning', fixedSlot: null, after: [] },
    { id: 2, participants: [1, 3], session: null, fixedSlot: null, after: [1] },
    { id: 3, participants: [2, 3], session: null, fixedSlot: 2, after: [] },
    { id: 4, participants: [3, 4], session: 'afternoon', fixedSlot: null, after: [] },
  ],
})
const good = { slotOfMeeting: { 1: 0, 2: 1, 3: 2, 4: 3 }, tableOfMeeting: { 1: 0, 2: 0, 3: 1, 4: 0 } }
const kinds = (slots: Record<string, number>, tables?: Record<string, number>) =>
  checkSchedule(
    instance,
    tables ? { slotOfMeeting: slots, tableOfMeeting: tables } : { slotOfMeeting: slots },
  ).violations.map((v) => v.kind)

t.test('a schedule keeping every rule is feasible, and breaks are counted with lunch not a break', async (t) => {
  const result = checkSchedule(instance, good, { fairness: 2 })
  t.same(result.violations, [])
  t.equal(result.feasible, true)
  // Participant 2 meets in slots 0 and 2: one break. Participant 3 in 1, 2, 3: none, across lunch (1→2).
  t.same(result.breaksByParticipant, { 1: 0, 2: 1, 3: 0, 4: 0 })
  t.equal(result.breaks, 1)
})

t.test('each kind of violation is caught', async (t) => {
  t.same(kinds({ 1: 0, 2: 1, 3: 2 }), ['unscheduled'])
  t.same(kinds({ 1: 0, 2: 7, 3: 2, 4: 3 }), ['bad-slot'])
  t.same(kinds({ 1: 1, 2: 1, 3: 2, 4: 3 }).sort(), ['double-booked', 'precedence'])
  t.same(kinds({ 1: 0, 2: 3, 3: 2, 4: 3 }), ['double-booked'], 'participant 3 meets 1 and 4 in slot 3')
  t.same(kinds({ 1: 2, 2: 3, 3: 2, 4: 3 }).sort(), ['double-booked', 'double-booked', 'session'].sort())
  t.same(kinds({ 1: 0, 2: 1, 3: 1, 4: 3 }).sort(), ['double-booked', 'fixed-slot'])
  t.same(kinds({ 1: 1, 2: 0, 3: 2, 4: 3 }), ['precedence'])
  t.same(kinds(good.slotOfMeeting, { 1: 0, 2: 0, 3: 5, 4: 0 }), ['table'], 'table 5 does not exist')
})

t.test('an unavailable slot and an overfull slot are caught', async (t) => {
  const open = parseInstance({ ...structuredClone(rawOpen), tables: 1 })
  const result = checkSchedule(open, { slotOfMeeting: { 1: 3, 2: 3 } })
  t.same(result.violations.map((v) => v.kind).sort(), ['over-tables', 'unavailable'])
})

t.test('two meetings at one table in one slot is a table violation', async (t) => {
  const open = parseInstance(rawOpen)
  const result = checkSchedule(open, { slotOfMeeting: { 1: 0, 2: 0 }, tableOfMeeting: { 1: 1, 2: 1 } })
  t.same(
    result.violations.map((v) => v.kind),
    ['table'],
  )
})

t.test('the fairness rule bounds the spread of breaks; unscheduled meetings can be allowed', async (t) => {
  const result = checkSchedule(instance, { slotOfMeeting: { 1: 0, 3: 2 } }, { fairness: 0, allowUnscheduled: true })
  t.same(result.unscheduled, [2, 4])
  t.same(
    result.violations.map((v) => v.kind),
    ['fairness'],
  )
  t.equal(result.maxBreaks, 1)
})

t.test('breaks are blocks of consecutive busy slots minus one', async (t) => {
  t.equal(countBreaks([0, 0, 0]), 0)
  t.equal(countBreaks([1, 1, 0, 1, 0, 0, 1]), 2)
  t.equal(countBreaks([0, 1, 1, 1, 0]), 0)
})

const rawOpen = {
  name: 'open',
  slots: { count: 4, morning: 4, afternoon: 0, amPmSplit: false },
  tables: 2,
  participants: [
    { id: 1, available: [1, 1, 1, 0] },
    { id: 2, available: [1, 1, 1, 1] },
    { id: 3, available: [1, 1, 1, 1] },
    { id: 4, available: [1, 1, 1, 1] },
  ],
  meetings: [
    { id: 1, participants: [1, 2], session: null, fixedSlot: null, after: [] },
    { id: 2, participants: [3, 4], session: null, fixedSlot: null, after: [] },
  ],
}
