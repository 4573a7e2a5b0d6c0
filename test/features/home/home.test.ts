import t from 'tap'
import { build } from '../../helpers/build.js'
import { publishedEvent } from '../../helpers/event-day.js'
import { affiliate, createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'
import type { Home } from '../../../shared/schemas/home.js'

t.test('the home says what each side should do next, and changes when it is done', async (t) => {
  const app = await build(t, { clock: fixedClock('2027-03-01T08:00:00Z'), outbox: { start: false } })
  const w = await publishedEvent(app)
  const homeOf = async (agent: typeof w.organiser, orgId: string) => {
    const reply = await agent.inject({ method: 'GET', url: `/api/organisations/${orgId}/home` })
    t.equal(reply.statusCode, 200, reply.body)
    return reply.json<Home>()
  }

  const alpha = await homeOf(w.agents.a, w.a.orgId)
  t.match(alpha.organisation, { id: w.a.orgId, name: 'Alpha Srl', kind: 'sme' })
  t.same(
    alpha.requestsToAnswer.map((r) => [r.fromName, r.eventId]),
    [['Zeta Rail AG', w.event.id]],
    'Zeta’s request waits for Alpha’s answer',
  )
  t.same(alpha.quotas, [], 'an SME has no quota line')
  t.match(alpha.nextMeeting, { eventId: w.event.id, timeZone: 'Europe/Rome' })
  t.ok(['Nordbahn GmbH', 'Torino Trasporti SpA'].includes(alpha.nextMeeting!.counterpartName))
  t.equal(alpha.nextMeeting!.startsAt.slice(0, 10), '2027-03-10')
  t.same(
    alpha.myEvents.map((e) => e.status),
    ['selected'],
  )
  t.same(alpha.contractsToConfirm, [])

  const nordbahn = await homeOf(w.agents.x, w.x.orgId)
  t.same(nordbahn.requestsToAnswer, [], 'Nordbahn has answered everything')
  t.same(nordbahn.reportsDue, [], 'only SMEs report turnover')
  t.equal(nordbahn.voucherRemainingEur, null)

  const zeta = await homeOf(w.agents.z, w.z.orgId)
  t.same(zeta.requestsToAnswer, [], 'a request one sent is not one to answer')

  const reported = await w.agents.x.inject({
    method: 'POST',
    url: `/api/organisations/${w.x.orgId}/contracts`,
    payload: {
      counterpartId: w.a.orgId,
      eventId: w.event.id,
      title: 'Door sensors',
      kind: 'pilot',
      signedOn: '2027-02-20',
      valueEur: 12000,
    },
  })
  t.equal(reported.statusCode, 201, reported.body)
  const request = alpha.requestsToAnswer[0]!
  const declined = await w.agents.a.inject({
    method: 'POST',
    url: `/api/requests/${request.requestId}/decline`,
    payload: { reason: 'Not our field' },
  })
  t.equal(declined.statusCode, 200, declined.body)

  const after = await homeOf(w.agents.a, w.a.orgId)
  t.same(after.requestsToAnswer, [], 'the declined request left the list')
  t.same(
    after.contractsToConfirm.map((c) => [c.title, c.counterpartName, c.valueEur]),
    [['Door sensors', 'Nordbahn GmbH', 12000]],
  )
  t.same((await homeOf(w.agents.x, w.x.orgId)).contractsToConfirm, [], 'the side that reported confirms nothing')
})

t.test('the home is its members’ only, and a hub sees the registrations to validate', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const ada = await signIn(app, 'ada@alpha.example')

  const foreign = await ada.inject({ method: 'GET', url: `/api/organisations/${hub.orgId}/home` })
  t.equal(foreign.statusCode, 403)
  t.equal(foreign.json().code, 'auth.forbidden')

  const own = (await ada.inject({ method: 'GET', url: `/api/organisations/${sme.orgId}/home` })).json<Home>()
  t.equal(own.listings, 0, 'no offers yet')
  t.ok(own.missingProfileFields.length < 7, 'the fields given at sign-up are not missing')

  await affiliate(app, hub.orgId, sme.orgId, 'pending')
  const hubHome = (await organiser.inject({ method: 'GET', url: `/api/organisations/${hub.orgId}/home` })).json<Home>()
  t.equal(hubHome.registrationsToValidate, 1)
  t.same(hubHome.missingProfileFields, [], 'a hub is not asked to complete a participant profile')
})
