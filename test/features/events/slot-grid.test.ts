import t from 'tap'
import { buildSlotGrid, gridErrors } from '../../../server/features/events/slot-grid.model.js'

t.test('a morning session of 20-minute slots with 5-minute gaps', async (t) => {
  const slots = buildSlotGrid({
    timeZone: 'Europe/Rome',
    slotMinutes: 20,
    gapMinutes: 5,
    days: [{ date: '2026-11-24', sessions: [{ name: 'morning', start: '09:00', end: '10:40' }] }],
  })
  t.same(
    slots.map((s) => `${s.localStart}-${s.localEnd}`),
    ['2026-11-24 09:00-09:20', '2026-11-24 09:25-09:45', '2026-11-24 09:50-10:10', '2026-11-24 10:15-10:35'],
  )
  t.equal(slots[0]!.startsAt, '2026-11-24T08:00:00.000Z', 'Rome is UTC+1 in November')
})

t.test(
  'on the night clocks go forward, a session across 02:00 is one hour shorter and slots follow real time',
  async (t) => {
    const slots = buildSlotGrid({
      timeZone: 'Europe/Rome',
      slotMinutes: 30,
      gapMinutes: 0,
      days: [{ date: '2027-03-28', sessions: [{ name: 'night', start: '01:00', end: '04:00' }] }],
    })
    t.same(
      slots.map((s) => s.startsAt),
      ['2027-03-28T00:00:00.000Z', '2027-03-28T00:30:00.000Z', '2027-03-28T01:00:00.000Z', '2027-03-28T01:30:00.000Z'],
    )
    t.same(
      slots.map((s) => s.localStart.slice(11)),
      ['01:00', '01:30', '03:00', '03:30'],
      '02:00–03:00 does not exist on the wall',
    )
  },
)

t.test('on the night clocks go back, the repeated hour is real time too', async (t) => {
  const slots = buildSlotGrid({
    timeZone: 'Europe/Rome',
    slotMinutes: 30,
    gapMinutes: 0,
    days: [{ date: '2026-10-25', sessions: [{ name: 'night', start: '01:00', end: '04:00' }] }],
  })
  t.equal(slots.length, 8, 'four real hours between 01:00 and 04:00')
  t.same(
    slots.map((s) => s.localStart.slice(11)),
    ['01:00', '01:30', '02:00', '02:30', '02:00', '02:30', '03:00', '03:30'],
  )
})

t.test('a daytime event the day after the change keeps its wall-clock times', async (t) => {
  const before = buildSlotGrid({
    timeZone: 'Europe/Rome',
    slotMinutes: 30,
    gapMinutes: 0,
    days: [{ date: '2027-03-27', sessions: [{ name: 'm', start: '09:00', end: '09:30' }] }],
  })
  const after = buildSlotGrid({
    timeZone: 'Europe/Rome',
    slotMinutes: 30,
    gapMinutes: 0,
    days: [{ date: '2027-03-29', sessions: [{ name: 'm', start: '09:00', end: '09:30' }] }],
  })
  t.equal(before[0]!.startsAt, '2027-03-27T08:00:00.000Z')
  t.equal(after[0]!.startsAt, '2027-03-29T07:00:00.000Z')
})

t.test('the same wall-clock grid in two time zones gives different instants', async (t) => {
  const spec = {
    slotMinutes: 45,
    gapMinutes: 15,
    days: [
      {
        date: '2026-12-01',
        sessions: [
          { name: 'morning', start: '09:00', end: '11:00' },
          { name: 'afternoon', start: '14:00', end: '15:00' },
        ],
      },
    ],
  }
  const rome = buildSlotGrid({ ...spec, timeZone: 'Europe/Rome' })
  const newYork = buildSlotGrid({ ...spec, timeZone: 'America/New_York' })
  t.same(
    rome.map((s) => s.sessionName),
    ['morning', 'morning', 'afternoon'],
  )
  t.equal(rome[0]!.startsAt, '2026-12-01T08:00:00.000Z')
  t.equal(newYork[0]!.startsAt, '2026-12-01T14:00:00.000Z')
  t.equal(rome[2]!.startsAt, '2026-12-01T13:00:00.000Z')
})

t.test('days are ordered and slots numbered across them', async (t) => {
  const slots = buildSlotGrid({
    timeZone: 'Europe/Rome',
    slotMinutes: 60,
    gapMinutes: 0,
    days: [
      { date: '2026-12-02', sessions: [{ name: 'm', start: '09:00', end: '10:00' }] },
      { date: '2026-12-01', sessions: [{ name: 'm', start: '09:00', end: '11:00' }] },
    ],
  })
  t.same(
    slots.map((s) => [s.index, s.day, s.localStart]),
    [
      [0, 0, '2026-12-01 09:00'],
      [1, 0, '2026-12-01 10:00'],
      [2, 1, '2026-12-02 09:00'],
    ],
  )
})

t.test('bad grids are refused field by field', async (t) => {
  const errors = gridErrors({
    timeZone: 'Europe/Milano',
    slotMinutes: 2,
    gapMinutes: 0,
    days: [
      {
        date: '2026-02-30',
        sessions: [
          { name: 'm', start: '10:00', end: '09:00' },
          { name: 'a', start: '09:30', end: '25:00' },
        ],
      },
    ],
  })
  t.same(
    errors.map((e) => e.field),
    [
      'body.timeZone',
      'body.slotMinutes',
      'body.days.0.date',
      'body.days.0.sessions.0.end',
      'body.days.0.sessions.1.end',
      'body.days.0.sessions.1.start',
    ],
  )
})
