import t, { type Test } from 'tap'
import ICAL from 'ical.js'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn, type SignedInAgent } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createEdition, createEvent } from '../../helpers/builders.js'

interface Assignment {
  requestId: string
  smeId: string
  buyerId: string
  representativeId: string | null
  slot: number
  tableIndex: number
  tableName: string
  kept?: boolean
}

/**
 * One day, two sessions of three 20-minute slots; two named tables, the second
 * the booth of Torino Trasporti. Nordbahn sends two representatives.
 */
async function setUp(t: Test) {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const names = ['Alpha', 'Beta', 'Gamma']
  const smes: Awaited<ReturnType<typeof createOrgWithAdmin>>[] = []
  for (const name of names)
    smes.push(
      await createOrgWithAdmin(app, { kind: 'sme', name: `${name} Srl`, email: `${name.toLowerCase()}@sme.example` }),
    )
  const x = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'xena@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  const y = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Torino Trasporti SpA', email: 'yuri@tt.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const event = await createEvent(organiser, edition.id, {
    venue: 'Lingotto',
    days: [
      {
        date: '2027-03-10',
        sessions: [
          { name: 'morning', start: '09:00', end: '10:00' },
          { name: 'afternoon', start: '14:00', end: '15:00' },
        ],
      },
    ],
    tables: [{ name: 'A1' }, { name: 'B2', buyerId: y.orgId }, { name: 'C3' }],
  })
  for (const org of [...smes, x, y])
    for (const status of ['invited', 'selected'])
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/participations/${org.orgId}`,
        payload: { status },
      })
  const xena = await signIn(app, 'xena@nordbahn.example')
  const [anna, jonas] = (
    await xena.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${x.orgId}/representatives`,
      payload: { representatives: [{ name: 'Anna' }, { name: 'Jonas', unavailableSlots: [0, 1] }] },
    })
  ).json()
  await signIn(app, 'gamma@sme.example').then((g) =>
    g.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${smes[2]!.orgId}/availability`,
      payload: { unavailableSlots: [0] },
    }),
  )
  const agents: SignedInAgent[] = []
  for (const name of names) agents.push(await signIn(app, `${name.toLowerCase()}@sme.example`))
  const requests: Record<string, string> = {}
  for (const [i, buyer] of [
    [0, x],
    [1, x],
    [2, x],
    [0, y],
    [1, y],
  ] as const) {
    const sent = (
      await agents[i]!.inject({
        method: 'POST',
        url: `/api/events/${event.id}/requests`,
        payload: { fromOrganisationId: smes[i]!.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
      })
    ).json()
    const buyerAgent = buyer === x ? xena : await signIn(app, 'yuri@tt.example')
    await buyerAgent.inject({ method: 'POST', url: `/api/requests/${sent.id}/accept`, payload: {} })
    requests[`${names[i]}-${buyer === x ? 'X' : 'Y'}`] = sent.id
  }
  const base = `/api/events/${event.id}/schedules`
  const runSchedule = async (payload: Record<string, unknown> = {}) => {
    const queued = await organiser.inject({ method: 'POST', url: base, payload: { timeLimitSeconds: 2, ...payload } })
    t.equal(queued.statusCode, 202, 'the run is queued')
    t.equal(queued.json().status, 'queued')
    await app.outbox.drain()
    return (await organiser.inject({ method: 'GET', url: `${base}/${queued.json().id}` })).json()
  }
  return { app, organiser, event, smes, x, y, anna, jonas, agents, xena, requests, base, runSchedule }
}

/** An independent check of a draft against the event's rules. */
function clashes(
  assignments: Assignment[],
  rules: { unavailable: Record<string, number[]>; tables: number },
): string[] {
  const seen = new Set<string>()
  const problems: string[] = []
  for (const a of assignments) {
    const buyerSide = a.representativeId ?? a.buyerId
    for (const key of [`${a.smeId}@${a.slot}`, `${buyerSide}@${a.slot}`, `table${a.tableIndex}@${a.slot}`]) {
      if (seen.has(key)) problems.push(`twice: ${key}`)
      seen.add(key)
    }
    for (const who of [a.smeId, a.buyerId, buyerSide])
      if (rules.unavailable[who]?.includes(a.slot)) problems.push(`${who} unavailable in ${a.slot}`)
    if (a.tableIndex >= rules.tables) problems.push(`no table ${a.tableIndex}`)
  }
  return problems
}

t.test(
  'a hub computes a schedule in the background, reviews the draft and publishes agendas and calendar feeds',
  async (t) => {
    const w = await setUp(t)
    const draft = await w.runSchedule()
    t.equal(draft.error, null, 'the run did not fail')
    t.equal(draft.status, 'draft')
    t.equal(draft.progress, 100)
    t.equal(draft.stats.scheduled, 5, 'every accepted request has a slot')
    t.same(draft.unscheduled, [])
    t.same(draft.tables, ['A1', 'B2', 'C3'])
    const rules = { unavailable: { [w.smes[2]!.orgId]: [0], [w.jonas.id]: [0, 1] }, tables: 3 }
    t.same(
      clashes(draft.assignments, rules),
      [],
      'no one is double-booked, no table used twice, availability respected',
    )
    t.ok(
      draft.assignments
        .filter((a: Assignment) => a.buyerId === w.x.orgId)
        .every((a: Assignment) => a.representativeId !== null),
      'each Nordbahn meeting is held by one representative',
    )
    t.ok(
      draft.assignments
        .filter((a: Assignment) => a.buyerId === w.y.orgId)
        .every((a: Assignment) => a.tableName === 'B2'),
      'Torino Trasporti stays at its booth',
    )
    t.equal(
      draft.stats.participants.length,
      6,
      'three SMEs, Nordbahn’s two representatives (its three meetings shared between them) and Torino Trasporti',
    )

    const published = await w.organiser.inject({ method: 'POST', url: `${w.base}/${draft.id}/publish` })
    t.equal(published.json().status, 'published')
    const mails = await w.app
      .sql`select payload->>'to' as to from outbox where topic = 'mail' and payload->>'subject' like '%agenda%' order by 1`
    t.same(
      mails.map((m) => m.to),
      ['alpha@sme.example', 'beta@sme.example', 'gamma@sme.example', 'xena@nordbahn.example', 'yuri@tt.example'],
      'every participant is told its agenda is ready',
    )

    const alpha = w.agents[0]!
    const agenda = (
      await alpha.inject({ method: 'GET', url: `/api/events/${w.event.id}/agenda/${w.smes[0]!.orgId}` })
    ).json()
    t.equal(agenda.items.length, 2)
    t.same(agenda.items.map((i: { counterpartName: string }) => i.counterpartName).sort(), [
      'Nordbahn GmbH',
      'Torino Trasporti SpA',
    ])
    t.match(agenda.items[0], {
      status: 'scheduled',
      sequence: 0,
      localStart: /^2027-03-10 (09|14):\d\d$/,
      tableName: /^(A1|B2|C3)$/,
      videoLink: null,
    })
    const other = await w.agents[1]!.inject({
      method: 'GET',
      url: `/api/events/${w.event.id}/agenda/${w.smes[0]!.orgId}`,
    })
    t.equal(other.statusCode, 403, 'an SME does not read another SME’s agenda')

    const { url } = (
      await alpha.inject({ method: 'GET', url: `/api/organisations/${w.smes[0]!.orgId}/calendar-feed` })
    ).json()
    t.match(url, /\/api\/calendar\/[\w-]{20,}\.ics$/)
    const feed = await w.app.inject({ method: 'GET', url: new URL(url).pathname })
    t.equal(feed.statusCode, 200, 'calendar apps fetch the feed without a session')
    t.match(feed.headers['content-type'], /^text\/calendar/)
    const vevents = new ICAL.Component(ICAL.parse(feed.body) as unknown[]).getAllSubcomponents('vevent')
    t.equal(vevents.length, 2, 'a real parser reads two meetings')
    const first = new ICAL.Event(vevents[0]!)
    t.match(first.summary, /^Meeting with /)
    t.equal(first.sequence, 0)
    t.equal(vevents[0]!.getFirstPropertyValue('status'), 'CONFIRMED')
    t.equal(
      first.startDate.toJSDate().toISOString(),
      agenda.items.find((i: { meetingId: string }) => `${i.meetingId}@meet-the-buyer` === first.uid).startsAt,
      'the feed and the agenda agree on the time',
    )
    t.equal((await w.app.inject({ method: 'GET', url: '/api/calendar/not-a-real-token-at-all-000' })).statusCode, 404)
  },
)

t.test('each person is told of the agenda in their own language', async (t) => {
  const w = await setUp(t)
  const yuri = await signIn(w.app, 'yuri@tt.example')
  t.equal((await yuri.inject({ method: 'PATCH', url: '/api/me', payload: { language: 'it' } })).json().language, 'it')
  const draft = await w.runSchedule()
  await w.organiser.inject({ method: 'POST', url: `${w.base}/${draft.id}/publish` })
  const mails = await w.app
    .sql`select payload->>'to' as to, payload->>'subject' as subject, payload->>'text' as text from outbox where topic = 'mail' and payload->>'to' in ('yuri@tt.example', 'xena@nordbahn.example') order by 1`
  t.same(
    mails.map((m) => [m.to, m.subject]),
    [
      ['xena@nordbahn.example', 'Your agenda for “Meet the Buyer Torino”'],
      ['yuri@tt.example', 'La vostra agenda per «Meet the Buyer Torino»'],
    ],
  )
  t.match(
    mails[1]!.text,
    /L'agenda degli incontri per «Meet the Buyer Torino» è pronta: 2 incontri\./,
    'the body too, with the count of Torino Trasporti’s meetings',
  )
  t.match(mails[1]!.text, new RegExp(`Vedi l’agenda: \\S+/events/${w.event.id}/agenda`), 'and the link to the agenda')
})

t.test(
  'a late cancellation re-plans keeping published meetings, and only the people affected hear of it',
  async (t) => {
    const w = await setUp(t)
    const draft = await w.runSchedule()
    await w.organiser.inject({ method: 'POST', url: `${w.base}/${draft.id}/publish` })
    const [before] = await w.app.sql`select id from meetings where request_id = ${w.requests['Alpha-X']!}`
    const { url } = (
      await w.agents[0]!.inject({ method: 'GET', url: `/api/organisations/${w.smes[0]!.orgId}/calendar-feed` })
    ).json()

    t.equal(
      (
        await w.agents[0]!.inject({
          method: 'POST',
          url: `/api/requests/${w.requests['Alpha-X']!}/withdraw`,
          payload: {},
        })
      ).json().status,
      'withdrawn',
    )
    await w.app.sql`delete from outbox`
    const replan = await w.runSchedule()
    t.equal(replan.stats.scheduled, 4)
    t.equal(replan.stats.moved, 1, 'only the withdrawn meeting leaves its place')
    t.ok(
      replan.assignments.every((a: Assignment) => a.kept),
      'the four others stay exactly where they were published',
    )
    await w.organiser.inject({ method: 'POST', url: `${w.base}/${replan.id}/publish` })
    const mails = await w.app.sql`select payload->>'to' as to from outbox where topic = 'mail' order by 1`
    t.same(
      mails.map((m) => m.to),
      ['alpha@sme.example', 'xena@nordbahn.example'],
      'only Alpha and Nordbahn are told',
    )
    const [after] = await w.app
      .sql`select id, status, sequence from meetings where request_id = ${w.requests['Alpha-X']!}`
    t.same(after, { id: before!.id, status: 'cancelled', sequence: 1 }, 'same row, cancelled, next sequence')

    const feed = await w.app.inject({ method: 'GET', url: new URL(url).pathname })
    const cancelled = new ICAL.Component(ICAL.parse(feed.body) as unknown[])
      .getAllSubcomponents('vevent')
      .find((v) => v.getFirstPropertyValue('uid') === `${before!.id}@meet-the-buyer`)
    t.ok(cancelled, 'the cancelled meeting stays in the feed under its UID')
    t.equal(cancelled!.getFirstPropertyValue('status'), 'CANCELLED')
    t.equal(cancelled!.getFirstPropertyValue('sequence'), 1)
    const statuses = (await w.organiser.inject({ method: 'GET', url: w.base }))
      .json()
      .map((s: { status: string }) => s.status)
    t.same(statuses, ['published', 'superseded'], 'one published run per event')
  },
)

t.test('moving a meeting by hand refuses clashes and changes nothing; runs and events are checked', async (t) => {
  const w = await setUp(t)
  const draft = await w.runSchedule()
  const move = (requestId: string, body: unknown) =>
    w.organiser.inject({ method: 'PUT', url: `${w.base}/${draft.id}/assignments/${requestId}`, payload: body })
  const alphaX = draft.assignments.find((a: Assignment) => a.requestId === w.requests['Alpha-X'])
  const alphaY = draft.assignments.find((a: Assignment) => a.requestId === w.requests['Alpha-Y'])
  // Onto Alpha's other meeting, table and all: a participant's clash (Alpha's, or X's person's if she meets someone then) is named before the table's.
  const clash = await move(alphaX.requestId, { slot: alphaY.slot, tableIndex: alphaY.tableIndex })
  t.same([clash.statusCode, clash.json().code], [409, 'schedules.conflict'])
  t.match(clash.json().detail, /^(Alpha Srl|Anna) already has a meeting in this slot\.$/)
  t.match(
    clash.json().params,
    { reason: 'busy', name: /^(Alpha Srl|Anna)$/ },
    'the clash is named for the web’s sentence',
  )
  const gammaX = draft.assignments.find((a: Assignment) => a.requestId === w.requests['Gamma-X'])
  const unavailable = await move(gammaX.requestId, { slot: 0, tableIndex: 2 })
  t.match(unavailable.json(), {
    code: 'schedules.conflict',
    detail: /Gamma Srl cannot attend/,
    params: { reason: 'unavailable', name: 'Gamma Srl' },
  })
  const noTable = await move(gammaX.requestId, { slot: 3, tableIndex: 7 })
  t.same([noTable.statusCode, noTable.json().errors[0].field], [400, 'body.tableIndex'])
  const unchanged = (await w.organiser.inject({ method: 'GET', url: `${w.base}/${draft.id}` })).json()
  t.same(unchanged.assignments, draft.assignments, 'the refusals changed nothing')

  const used = new Set(draft.assignments.map((a: Assignment) => `${a.slot}/${a.tableIndex}`))
  const busy = new Set(
    draft.assignments
      .filter(
        (a: Assignment) =>
          a.smeId === gammaX.smeId || (a.representativeId ?? a.buyerId) === (gammaX.representativeId ?? gammaX.buyerId),
      )
      .map((a: Assignment) => a.slot),
  )
  const free = [1, 2, 3, 4, 5]
    .flatMap((slot) => [0, 2].map((table) => ({ slot, tableIndex: table })))
    .find(
      (c) =>
        !busy.has(c.slot) &&
        !used.has(`${c.slot}/${c.tableIndex}`) &&
        !(gammaX.representativeId === w.jonas.id && c.slot < 2),
    )
  t.ok(free, 'there is a free place to move to')
  const moved = await move(gammaX.requestId, free)
  t.equal(moved.statusCode, 200)
  t.match(
    moved.json().assignments.find((a: Assignment) => a.requestId === gammaX.requestId),
    free,
  )

  const again = await w.organiser.inject({ method: 'POST', url: w.base, payload: {} })
  t.equal(again.statusCode, 202, 'a new run may start once the last one finished')
  const busyRun = await w.organiser.inject({ method: 'POST', url: w.base, payload: {} })
  t.same([busyRun.statusCode, busyRun.json().code], [409, 'schedules.running'], 'one run at a time per event')
  await w.organiser.inject({ method: 'POST', url: `${w.base}/${draft.id}/publish` })
  t.equal((await move(gammaX.requestId, free)).json().code, 'schedules.not_draft', 'a published run is not edited')
  const bad = await w.organiser.inject({ method: 'POST', url: w.base, payload: { timeLimitSeconds: 0 } })
  t.same([bad.statusCode, bad.json().errors[0].field], [400, 'body.timeLimitSeconds'])
})

t.test(
  'when keeping published meetings in place would leave a new one out, the re-plan moves as few as needed',
  async (t) => {
    const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
    const a = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    const b = await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' })
    const x = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'xena@nordbahn.example' })
    const organiser = await signIn(app, 'hub@hub.example')
    const edition = await createEdition(organiser, hub.orgId)
    const event = await createEvent(organiser, edition.id, {
      name: 'Two slots',
      days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '09:40' }] }],
      tables: [{ name: 'T1' }],
    })
    for (const org of [a, b, x])
      for (const status of ['invited', 'selected'])
        await organiser.inject({
          method: 'PUT',
          url: `/api/events/${event.id}/participations/${org.orgId}`,
          payload: { status },
        })
    const xena = await signIn(app, 'xena@nordbahn.example')
    const meet = async (email: string, from: string) => {
      const sent = (
        await (
          await signIn(app, email)
        ).inject({
          method: 'POST',
          url: `/api/events/${event.id}/requests`,
          payload: { fromOrganisationId: from, toOrganisationId: x.orgId, priority: 'meet' },
        })
      ).json()
      await xena.inject({ method: 'POST', url: `/api/requests/${sent.id}/accept`, payload: {} })
      return sent.id as string
    }
    const base = `/api/events/${event.id}/schedules`
    const run = async () => {
      const queued = (await organiser.inject({ method: 'POST', url: base, payload: { timeLimitSeconds: 2 } })).json()
      await app.outbox.drain()
      return (await organiser.inject({ method: 'GET', url: `${base}/${queued.id}` })).json()
    }
    const alphaX = await meet('ada@alpha.example', a.orgId)
    const first = await run()
    await organiser.inject({
      method: 'PUT',
      url: `${base}/${first.id}/assignments/${alphaX}`,
      payload: { slot: 1, tableIndex: 0 },
    })
    await organiser.inject({ method: 'POST', url: `${base}/${first.id}/publish` })

    await (
      await signIn(app, 'bea@beta.example')
    ).inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${b.orgId}/availability`,
      payload: { unavailableSlots: [0] },
    })
    const betaX = await meet('bea@beta.example', b.orgId)
    const replan = await run()
    t.equal(replan.stats.scheduled, 2, 'both meetings fit once Alpha’s moves to the first slot')
    t.equal(replan.stats.moved, 1, 'one published meeting moved')
    t.same(
      replan.assignments.map((m: Assignment) => [m.requestId, m.slot]).sort(),
      [
        [alphaX, 0],
        [betaX, 1],
      ].sort(),
    )
  },
)
