import t from 'tap'
import {
  CALLS,
  allAtOnce,
  buildForRaces,
  raceEvent,
  selectedOrganisations,
  tally,
  type RaceEvent,
} from '../helpers/concurrency.js'

/** Six SME–buyer pairs with accepted requests, three 20-minute slots and four tables, and a draft computed by the real scheduler. */
async function draft(
  race: RaceEvent,
): Promise<{ scheduleId: string; assignments: { requestId: string; slot: number; tableIndex: number }[] }> {
  const smes = await selectedOrganisations(race, 'sme', 6, 'SME')
  const buyers = await selectedOrganisations(race, 'buyer', 6, 'Buyer')
  await race.app
    .sql`insert into meeting_requests (event_id, from_organisation_id, to_organisation_id, origin, priority, status, decided_at)
    select ${race.event}, s, b, 'sme', 'meet', 'accepted', now() from unnest(${smes}::uuid[], ${buyers}::uuid[]) as pair(s, b)`
  const queued = await race.hub.inject({
    method: 'POST',
    url: `/api/events/${race.event}/schedules`,
    payload: { timeLimitSeconds: 1 },
  })
  if (queued.statusCode !== 202) throw new Error(`queue: ${queued.body}`)
  await race.app.outbox.drain()
  const schedule = (
    await race.hub.inject({ method: 'GET', url: `/api/events/${race.event}/schedules/${queued.json().id}` })
  ).json()
  if (schedule.status !== 'draft') throw new Error(`the run ended ${schedule.status}`)
  return { scheduleId: schedule.id, assignments: schedule.assignments }
}

const EVENT = {
  days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] }],
  slotMinutes: 20,
  gapMinutes: 0,
  tables: [{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }, { name: 'T4' }],
}

t.test('200 simultaneous publishes of one draft publish it once; the rest are 409 not a draft', async (t) => {
  const app = await buildForRaces(t)
  const race = await raceEvent(app, 8, EVENT)
  const { scheduleId, assignments } = await draft(race)
  t.equal(assignments.length, 6, 'the draft places every meeting')
  const answers = await allAtOnce(CALLS, () =>
    race.hub.inject({ method: 'POST', url: `/api/events/${race.event}/schedules/${scheduleId}/publish` }),
  )
  t.same(tally(answers), { 200: 1, '409 schedules.not_draft': CALLS - 1 })
  const [published] =
    await app.sql`select count(*)::int as n from schedules where event_id = ${race.event} and status = 'published'`
  t.equal(published!.n, 1)
  const [meetings] =
    await app.sql`select count(*)::int as n, count(distinct request_id)::int as requests from meetings where event_id = ${race.event}`
  t.same([meetings!.n, meetings!.requests], [6, 6], 'one meeting per accepted request')
  const [audit] =
    await app.sql`select count(*)::int as n from audit_events where action = 'schedule.published' and subject_id = ${scheduleId}`
  t.equal(audit!.n, 1)
})

t.test(
  '200 simultaneous moves of six meetings into one free cell leave exactly one meeting there; the rest are 409 conflicts',
  async (t) => {
    const app = await buildForRaces(t)
    const race = await raceEvent(app, 8, EVENT)
    const { scheduleId, assignments } = await draft(race)
    const taken = new Set(assignments.map((a) => `${a.slot}:${a.tableIndex}`))
    const cell = [0, 1, 2]
      .flatMap((slot) => [0, 1, 2, 3].map((tableIndex) => ({ slot, tableIndex })))
      .find((c) => !taken.has(`${c.slot}:${c.tableIndex}`))!
    // Each meeting may move into the cell only from another slot, so its own slot never makes the move trivially safe.
    const movers = assignments.filter((a) => a.slot !== cell.slot)
    t.ok(movers.length >= 2, `${movers.length} meetings race for slot ${cell.slot}, table ${cell.tableIndex}`)
    const answers = await allAtOnce(CALLS, (i) =>
      race.hub.inject({
        method: 'PUT',
        url: `/api/events/${race.event}/schedules/${scheduleId}/assignments/${movers[i % movers.length]!.requestId}`,
        payload: cell,
      }),
    )
    const [row] = await app.sql`select assignments from schedules where id = ${scheduleId}`
    const stored = (row!.assignments as { assignments: { requestId: string; slot: number; tableIndex: number }[] })
      .assignments
    const inCell = stored.filter((a) => a.slot === cell.slot && a.tableIndex === cell.tableIndex)
    t.equal(inCell.length, 1, 'one meeting holds the cell')
    const winner = inCell[0]!.requestId
    const wins = answers.filter((_, i) => movers[i % movers.length]!.requestId === winner)
    t.same(
      tally(wins),
      { 200: wins.length },
      'every move of the winning meeting succeeds (moving it there again changes nothing)',
    )
    t.same(
      tally(answers.filter((_, i) => movers[i % movers.length]!.requestId !== winner)),
      { '409 schedules.conflict': CALLS - wins.length },
      'every move of another meeting is a conflict',
    )
    const cells = stored.map((a) => `${a.slot}:${a.tableIndex}`)
    t.equal(new Set(cells).size, cells.length, 'no two meetings share a table in a slot')
    t.equal(stored.length, 6, 'no meeting is lost or doubled')
  },
)
