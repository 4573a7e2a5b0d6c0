import t from 'tap'
import ICAL from 'ical.js'
import { buildInstance, type InstanceInput } from '../../../server/features/schedules/schedule-instance.model.js'
import { calendar, escapeText, foldLine } from '../../../server/features/schedules/ical.js'

const slots = Array.from({ length: 4 }, (_, index) => ({ index, day: 0, session: 0 }))
const input = (overrides: Partial<InstanceInput> = {}): InstanceInput => ({
  name: 'probe',
  slots,
  tables: 0,
  parties: [
    { organisationId: 's1', kind: 'sme', name: 'S1', unavailable: [], representatives: [] },
    { organisationId: 's2', kind: 'sme', name: 'S2', unavailable: [0, 1], representatives: [] },
    {
      organisationId: 'b1',
      kind: 'buyer',
      name: 'B1',
      unavailable: [],
      representatives: [
        { id: 'r1', name: 'R1', unavailable: [2, 3] },
        { id: 'r2', name: 'R2', unavailable: [] },
      ],
    },
  ],
  requests: [
    { id: 'q1', smeId: 's1', buyerId: 'b1', representativeId: null, priority: 'meet' },
    { id: 'q2', smeId: 's2', buyerId: 'b1', representativeId: null, priority: 'must_meet' },
  ],
  published: [],
  keepPublished: true,
  ...overrides,
})

t.test('buyer representatives are the scheduler’s participants, with their own availability', async (t) => {
  const built = buildInstance(input())
  t.same(
    built.participants.map((p) => p.key),
    ['s1', 's2', 'b1/r1', 'b1/r2'],
  )
  t.same(built.instance.participants[2]!.available, [true, true, false, false], 'R1 is away in the afternoon')
  t.equal(built.instance.tables, 2, 'without named tables, one table per buyer representative')
  t.same(
    built.requests.map((r) => r.representativeId),
    ['r2', 'r1'],
    'meetings are spread over the representatives, the freer one first',
  )
  t.same(built.impossible, ['q2'], 'S2 (free from slot 2) and R1 (free until slot 1) never meet')
  t.same(
    built.instance.meetings.map((m) => m.priority),
    [1, 2],
    'must-meet weighs more',
  )
})

t.test(
  'a chosen representative holds the meeting, and published meetings stay put when both sides can still attend',
  async (t) => {
    const chosen = buildInstance(
      input({ requests: [{ id: 'q1', smeId: 's1', buyerId: 'b1', representativeId: 'r1', priority: 'meet' }] }),
    )
    t.same(chosen.requests[0]!.representativeId, 'r1')
    const published = [
      { requestId: 'q1', slot: 3, tableIndex: 0, representativeId: 'r2' },
      { requestId: 'q2', slot: 1, tableIndex: 1, representativeId: 'r1' },
    ]
    const replan = buildInstance(input({ published }))
    t.same(
      replan.requests.map((r) => [r.id, r.representativeId]),
      [
        ['q1', 'r2'],
        ['q2', 'r1'],
      ],
      'the published representative keeps the meeting',
    )
    t.same(
      replan.instance.meetings.map((m) => m.fixedSlot),
      [3, null],
      'q1 stays in slot 3; q2 cannot (S2 is now away in slot 1)',
    )
    t.same(
      buildInstance(input({ published, keepPublished: false })).instance.meetings.map((m) => m.fixedSlot),
      [null, null],
    )
    const gone = buildInstance(input({ parties: input().parties.filter((p) => p.organisationId !== 's2') }))
    t.same(
      gone.requests.map((r) => r.id),
      ['q1'],
      'a participant who left takes its requests along',
    )
  },
)

t.test('iCalendar text is escaped, folded at 75 octets and read back by a real parser', async (t) => {
  t.equal(escapeText('a;b,c\\d\ne'), 'a\\;b\\,c\\\\d\\ne')
  const long = `SUMMARY:${'Incontro con Società Àlpha '.repeat(6)}`
  const folded = foldLine(long)
  t.ok(
    folded.split('\r\n').every((line) => Buffer.byteLength(line) <= 75),
    'no line over 75 octets',
  )
  t.equal(folded.replace(/\r\n /g, ''), long, 'unfolding gives the line back, multi-byte characters whole')
  const text = calendar('Agenda', [
    {
      uid: 'm1@meet-the-buyer',
      sequence: 2,
      status: 'cancelled',
      startsAt: new Date('2027-03-10T08:00:00Z'),
      endsAt: new Date('2027-03-10T08:20:00Z'),
      stamp: new Date('2027-02-01T10:00:00Z'),
      summary: 'Meeting with Nordbahn, GmbH; Torino',
      description: 'Line one\nLine two',
      location: 'Table 3, Lingotto',
      url: 'https://meet.example/m1',
    },
  ])
  t.ok(text.endsWith('\r\n') && !/[^\r]\n/.test(text), 'CRLF line ends only')
  const [event] = new ICAL.Component(ICAL.parse(text) as unknown[]).getAllSubcomponents('vevent')
  t.equal(event!.getFirstPropertyValue('summary'), 'Meeting with Nordbahn, GmbH; Torino')
  t.equal(event!.getFirstPropertyValue('description'), 'Line one\nLine two')
  t.equal(event!.getFirstPropertyValue('status'), 'CANCELLED')
  t.equal(event!.getFirstPropertyValue('sequence'), 2)
  t.equal(new ICAL.Event(event!).endDate.toJSDate().toISOString(), '2027-03-10T08:20:00.000Z')
})
