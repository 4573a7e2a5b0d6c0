import t from 'tap'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { editionInput, eventInput } from '../../helpers/builders.js'

const edition = (overrides: Record<string, unknown> = {}) =>
  editionInput({
    name: 'Connecting SMEs with Large Buyers — 2027',
    targetS3: ['aerospace', 'sustainable-mobility'],
    budgetEur: 400000,
    kpiTargets: {
      events: 2,
      smesInvolved: 80,
      buyersOutsideTargeted: 40,
      buyersOutsideInvolved: 20,
      contracts: 12,
      turnoverChangePct: 5,
      exportChangePct: 8,
    },
    ...overrides,
  })

const event = (overrides: Record<string, unknown> = {}) =>
  eventInput({
    name: 'Meet the Buyer — Aerospace',
    venue: 'Lingotto, Torino',
    days: [
      {
        date: '2027-03-28',
        sessions: [
          { name: 'morning', start: '09:00', end: '12:30' },
          { name: 'afternoon', start: '14:00', end: '16:00' },
        ],
      },
    ],
    slotMinutes: 25,
    gapMinutes: 5,
    tables: [{ name: 'T1' }, { name: 'T2' }],
    requestDeadline: '2027-03-20T18:00:00+01:00',
    schedulingDeadline: '2027-03-24T18:00:00+01:00',
    maxMeetingsPerParticipant: 8,
    ...overrides,
  })

t.test(
  'a hub opens an edition with a partner hub and sets up an event whose slot grid follows the clock change',
  async (t) => {
    const app = await build(t)
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
    const partner = await createOrgWithAdmin(app, {
      kind: 'organiser',
      name: 'Pôle Rhône-Alpes',
      email: 'pole@pole.example',
      country: 'FR',
      nuts2: 'FRK2',
    })
    const agent = await signIn(app, 'hub@hub.example')
    const created = await agent.inject({
      method: 'POST',
      url: `/api/organisers/${hub.orgId}/editions`,
      payload: edition({ coOrganiserIds: [partner.orgId] }),
    })
    t.equal(created.statusCode, 201)
    t.same(
      created.json().organisers.map((o: { legalName: string }) => o.legalName),
      ['Hub Piemonte', 'Pôle Rhône-Alpes'],
    )
    const editionId = created.json().id

    const partnerAgent = await signIn(app, 'pole@pole.example')
    t.equal(
      (await partnerAgent.inject({ method: 'GET', url: `/api/editions/${editionId}` })).statusCode,
      200,
      'the partner hub co-runs it',
    )

    const ev = await agent.inject({ method: 'POST', url: `/api/editions/${editionId}/events`, payload: event() })
    t.equal(ev.statusCode, 201)
    t.equal(ev.json().slotCount, 11, '7 morning + 4 afternoon slots')
    const slots = (await partnerAgent.inject({ method: 'GET', url: `/api/events/${ev.json().id}/slots` })).json()
    t.equal(slots[0].startsAt, '2027-03-28T07:00:00.000Z', 'summer time began that night: 09:00 in Rome is 07:00 UTC')
    t.same([slots[0].localStart, slots[6].localEnd, slots[7].sessionName], ['2027-03-28 09:00', '12:25', 'afternoon'])
  },
)

t.test('bad editions and events are refused field by field and nothing is written', async (t) => {
  const app = await build(t)
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'SME', email: 'sme@sme.example' })
  const agent = await signIn(app, 'hub@hub.example')
  const bad = await agent.inject({
    method: 'POST',
    url: `/api/organisers/${hub.orgId}/editions`,
    payload: edition({
      periodEnd: '2026-01-01',
      homeNuts2: 'ITZ9',
      targetS3: ['tourism'],
      coOrganiserIds: [sme.orgId],
    }),
  })
  t.same(
    bad.json().errors.map((e: { field: string }) => e.field),
    ['body.periodEnd', 'body.homeNuts2', 'body.targetS3.0'],
  )
  const notHub = await agent.inject({
    method: 'POST',
    url: `/api/organisers/${hub.orgId}/editions`,
    payload: edition({ coOrganiserIds: [sme.orgId] }),
  })
  t.same(
    notHub.json().errors.map((e: { field: string }) => e.field),
    ['body.coOrganiserIds.0'],
  )
  const editionId = (
    await agent.inject({ method: 'POST', url: `/api/organisers/${hub.orgId}/editions`, payload: edition() })
  ).json().id
  const badEvent = await agent.inject({
    method: 'POST',
    url: `/api/editions/${editionId}/events`,
    payload: event({
      timeZone: 'Europe/Torino',
      requestDeadline: '2027-03-25T18:00:00Z',
      days: [{ date: '2027-03-28', sessions: [{ name: 'm', start: '12:00', end: '09:00' }] }],
    }),
  })
  t.same(
    badEvent.json().errors.map((e: { field: string }) => e.field),
    ['body.timeZone', 'body.days.0.sessions.0.end', 'body.schedulingDeadline'],
  )
  const [counts] =
    await app.sql`select (select count(*) from editions)::int as editions, (select count(*) from events)::int as events`
  t.same(counts, { editions: 1, events: 0 })
})

t.test('an edit clears optional fields sent as null and keeps the ones not sent', async (t) => {
  const app = await build(t)
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const agent = await signIn(app, 'hub@hub.example')
  const created = (
    await agent.inject({ method: 'POST', url: `/api/organisers/${hub.orgId}/editions`, payload: edition() })
  ).json()
  const ev = (
    await agent.inject({ method: 'POST', url: `/api/editions/${created.id}/events`, payload: event() })
  ).json()

  const cleared = await agent.inject({
    method: 'PATCH',
    url: `/api/events/${ev.id}`,
    payload: { venue: null, requestDeadline: null },
  })
  t.equal(cleared.statusCode, 200)
  t.notOk('venue' in cleared.json(), 'the venue is gone')
  t.notOk('requestDeadline' in cleared.json(), 'the request deadline is gone')
  t.equal(cleared.json().schedulingDeadline, '2027-03-24T17:00:00.000Z', 'a field not sent is kept')
  const [row] = await app.sql`select venue, request_deadline from events where id = ${ev.id}`
  t.same(row, { venue: null, request_deadline: null })

  const required = await agent.inject({ method: 'PATCH', url: `/api/events/${ev.id}`, payload: { name: null } })
  t.same(
    [required.statusCode, required.json().errors[0].field],
    [400, 'body.name'],
    'a required field cannot be cleared',
  )
  const budget = await agent.inject({
    method: 'PATCH',
    url: `/api/editions/${created.id}`,
    payload: { budgetEur: null },
  })
  t.notOk('budgetEur' in budget.json(), 'the edition’s budget is cleared')
})
