import t from 'tap'
import { InstanceError, parseInstance } from '../../server/scheduling/instance.js'

const valid = {
  format: 'b2bsp-json',
  name: 'small',
  slots: { count: 3, morning: 2, afternoon: 1, amPmSplit: true },
  tables: 2,
  participants: [
    { id: 1, available: [1, 1, 0], meetings: 1 },
    { id: 2, available: [1, 1, 1], meetings: 1 },
  ],
  meetings: [{ id: 1, participants: [1, 2], session: 'morning', fixedSlot: null, after: [] }],
}

t.test('a valid file parses to typed slots, availability and meetings', async (t) => {
  const instance = parseInstance(valid)
  t.same(instance.slots, { count: 3, morning: 2 })
  t.same(instance.participants[0]!.available, [true, true, false])
  t.same(instance.meetings[0], {
    id: 1,
    participants: [1, 2],
    session: 'morning',
    fixedSlot: null,
    after: [],
    priority: 1,
  })
})

t.test('without a morning/afternoon split every slot is a morning slot', async (t) => {
  t.same(parseInstance({ ...valid, slots: { count: 3, morning: 3, afternoon: 0, amPmSplit: false } }).slots, {
    count: 3,
    morning: 3,
  })
})

t.test('every problem of a malformed file is listed at once', async (t) => {
  const broken = {
    ...valid,
    participants: [
      { id: 1, available: [1, 1] },
      { id: 2, available: [1, 1, 1] },
      { id: 3, available: [0, 0, 1] },
    ],
    meetings: [
      { id: 1, participants: [1, 9], session: null, fixedSlot: null, after: [] },
      { id: 2, participants: [2, 2], session: null, fixedSlot: null, after: [] },
      { id: 3, participants: [3, 2], session: null, fixedSlot: null, after: [7] },
    ],
  }
  const error = t.throws(() => parseInstance(broken)) as InstanceError
  t.ok(error instanceof InstanceError)
  t.same(error.problems, [
    'participants[0] (id 1): available must list 3 flags (0/1)',
    'meetings[0] (id 1): participants must be two different known participant ids',
    'meetings[1] (id 2): participants must be two different known participant ids',
    'meeting 3: after lists unknown meeting 7',
  ])
})

t.test('bad top-level fields are named', async (t) => {
  const error = t.throws(() => parseInstance({ slots: { count: 0 }, tables: -1 })) as InstanceError
  t.same(error.problems, [
    'slots.count must be a positive integer',
    'tables must be a positive integer',
    'participants must be a list',
    'meetings must be a list',
  ])
  t.throws(() => parseInstance([]), /the instance must be a JSON object/)
})

t.test('session, fixed slot and duplicate ids are checked', async (t) => {
  const error = t.throws(() =>
    parseInstance({
      ...valid,
      meetings: [
        { id: 1, participants: [1, 2], session: 'evening', fixedSlot: 5, after: [1] },
        { id: 1, participants: [1, 2], session: null, fixedSlot: null, after: [] },
      ],
    }),
  ) as InstanceError
  t.same(error.problems, [
    'meetings[0] (id 1): session must be "morning", "afternoon" or null',
    'meetings[0] (id 1): fixedSlot must be null or a slot in 0..2',
    'meeting id 1 is used twice',
    'meeting 1 cannot come after itself',
  ])
})
