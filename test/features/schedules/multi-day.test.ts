import t from 'tap'
import ICAL from 'ical.js'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createEdition, createEvent, twoSessionDay } from '../../helpers/builders.js'

/**
 * Two days of 15-minute slots, 9:00–13:00 and 14:00–18:00: 64 slots. Three SMEs come on the first day only,
 * three on the second; each meets both buyers, who stay both days. Every day can run without a break, and a night
 * is no break, so the best schedule has none at all.
 */
t.test('a two-day event of 64 slots is scheduled, published and shown in agendas and calendar feeds', async (t) => {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const day = (date: string) => twoSessionDay(date, ['09:00', '13:00'], ['14:00', '18:00'])
  const event = await createEvent(organiser, edition.id, {
    days: [day('2027-03-10'), day('2027-03-11')],
    slotMinutes: 15,
    tables: [{ name: 'A1' }, { name: 'A2' }],
  })
  const slots = (await organiser.inject({ method: 'GET', url: `/api/events/${event.id}/slots` })).json()
  t.equal(slots.length, 64, 'two days of 32 slots')
  const buyers = [
    await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'x@nordbahn.example' }),
    await createOrgWithAdmin(app, { kind: 'buyer', name: 'Torino Trasporti SpA', email: 'y@tt.example' }),
  ]
  const smes = []
  for (const [k, name] of ['Alpha', 'Beta', 'Gamma', 'Delta', 'Epsilon', 'Zeta'].entries())
    smes.push({
      name,
      firstDay: k < 3,
      ...(await createOrgWithAdmin(app, {
        kind: 'sme',
        name: `${name} Srl`,
        email: `${name.toLowerCase()}@sme.example`,
      })),
    })
  for (const org of [...buyers, ...smes])
    for (const status of ['invited', 'selected'])
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/participations/${org.orgId}`,
        payload: { status },
      })
  const buyerAgents = [await signIn(app, 'x@nordbahn.example'), await signIn(app, 'y@tt.example')]
  for (const sme of smes) {
    const agent = await signIn(app, `${sme.name.toLowerCase()}@sme.example`)
    const away = [...Array(32).keys()].map((s) => (sme.firstDay ? s + 32 : s))
    const availability = await agent.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${sme.orgId}/availability`,
      payload: { unavailableSlots: away },
    })
    t.equal(availability.statusCode, 200, `${sme.name} comes on one day only`)
    for (const [b, buyer] of buyers.entries()) {
      const sent = await agent.inject({
        method: 'POST',
        url: `/api/events/${event.id}/requests`,
        payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
      })
      const accepted = await buyerAgents[b]!.inject({
        method: 'POST',
        url: `/api/requests/${sent.json().id}/accept`,
        payload: {},
      })
      t.equal(accepted.statusCode, 200)
    }
  }

  const base = `/api/events/${event.id}/schedules`
  const queued = await organiser.inject({ method: 'POST', url: base, payload: { timeLimitSeconds: 5 } })
  t.equal(queued.statusCode, 202, 'a run over 64 slots is accepted')
  await app.outbox.drain()
  const draft = (await organiser.inject({ method: 'GET', url: `${base}/${queued.json().id}` })).json()
  t.equal(draft.status, 'draft', draft.error ?? 'the run finished')
  t.equal(draft.stats.scheduled, 12, 'every accepted request has a slot')
  t.same(draft.unscheduled, [])
  const firstDay = new Set(smes.filter((s) => s.firstDay).map((s) => s.orgId))
  const wrongDay = draft.assignments.filter(
    (a: { smeId: string; slot: number }) => firstDay.has(a.smeId) !== a.slot < 32,
  )
  t.same(wrongDay, [], 'each SME meets on its own day')
  t.equal(draft.stats.breaks, 0, 'the buyers’ night between their two days is no break')
  t.equal(draft.stats.lowerBound, 0)

  const published = await organiser.inject({ method: 'POST', url: `${base}/${draft.id}/publish` })
  t.equal(published.json().status, 'published')
  // Statements per read, the fewest of three: the live hub may read its messages in the background meanwhile.
  const reads: number[] = []
  let agendaRead
  for (let k = 0; k < 3; k++) {
    const before = app.database.statements.count
    agendaRead = await buyerAgents[0]!.inject({
      method: 'GET',
      url: `/api/events/${event.id}/agenda/${buyers[0]!.orgId}`,
    })
    reads.push(app.database.statements.count - before)
  }
  t.equal(
    Math.min(...reads),
    3,
    'an agenda read is three statements: the session with its memberships, the event, the meetings with both names',
  )
  const agenda = agendaRead!.json()
  t.equal(agenda.published, true, 'the agenda says its schedule is published')
  t.equal(agenda.items.length, 6)
  const dates = agenda.items.map((i: { localStart: string }) => i.localStart.slice(0, 10))
  t.same([...new Set(dates)].sort(), ['2027-03-10', '2027-03-11'], 'the buyer’s agenda holds both days')
  t.ok(
    agenda.items.every((i: { localStart: string }) => /^2027-03-1[01] (09|1[0-7]):(00|15|30|45)$/.test(i.localStart)),
    'every meeting starts on a 15-minute slot of a session',
  )

  const { url } = (
    await buyerAgents[0]!.inject({ method: 'GET', url: `/api/organisations/${buyers[0]!.orgId}/calendar-feed` })
  ).json()
  const feed = await app.inject({ method: 'GET', url: new URL(url).pathname })
  const starts = new ICAL.Component(ICAL.parse(feed.body) as unknown[])
    .getAllSubcomponents('vevent')
    .map((v) => new ICAL.Event(v).startDate.toJSDate().toISOString())
    .sort()
  t.same(
    starts,
    agenda.items.map((i: { startsAt: string }) => i.startsAt).sort(),
    'the calendar feed holds the same six meetings over both days',
  )
})
