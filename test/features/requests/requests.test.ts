import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn, type SignedInAgent } from '../../helpers/accounts.js'
import { startSmtp } from '../../helpers/smtp.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createEdition, createEvent } from '../../helpers/builders.js'
import { addManyRequests, eventWithManyPairs } from '../../../bench/curation/generate.js'

async function setUp(app: FastifyInstance, maxMeetings = 8) {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const smeA = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const smeB = await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' })
  const buyerX = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'xena@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  const buyerY = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Torino Trasporti SpA',
    email: 'yuri@tt.example',
  })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const event = await createEvent(organiser, edition.id, {
    requestDeadline: '2027-03-01T18:00:00Z',
    maxMeetingsPerParticipant: maxMeetings,
  })
  const move = (orgId: string, status: string, reason?: string) =>
    organiser.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${orgId}`,
      payload: { status, ...(reason ? { reason } : {}) },
    })
  for (const org of [smeA, smeB, buyerX, buyerY]) {
    await move(org.orgId, 'invited')
    await move(org.orgId, 'selected')
  }
  const agents: Record<string, SignedInAgent> = {}
  for (const [key, email] of Object.entries({
    a: 'ada@alpha.example',
    b: 'bea@beta.example',
    x: 'xena@nordbahn.example',
    y: 'yuri@tt.example',
  }))
    agents[key] = await signIn(app, email)
  const ask = (agent: SignedInAgent, from: string, to: string, priority = 'meet') =>
    agent.inject({
      method: 'POST',
      url: `/api/events/${event.id}/requests`,
      payload: { fromOrganisationId: from, toOrganisationId: to, priority, message: 'Shall we meet?' },
    })
  return {
    hub,
    smeA,
    smeB,
    buyerX,
    buyerY,
    organiser,
    event,
    move,
    agents: agents as Record<'a' | 'b' | 'x' | 'y', SignedInAgent>,
    ask,
  }
}

t.test('the lifecycle refuses illegal steps with a clear problem and changes nothing', async (t) => {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const w = await setUp(app)
  const late = await createOrgWithAdmin(app, { kind: 'sme', name: 'Gamma Srl', email: 'gia@gamma.example' })
  t.equal((await w.move(late.orgId, 'targeted')).statusCode, 200)
  const jump = await w.move(late.orgId, 'selected')
  t.same([jump.statusCode, jump.json().code], [409, 'participation.illegal_transition'])
  t.match(jump.json().detail, /from targeted to selected/)
  const noReason = await w.move(late.orgId, 'rejected')
  t.same([noReason.statusCode, noReason.json().code], [400, 'participation.reason_required'])
  const list = (await w.organiser.inject({ method: 'GET', url: `/api/events/${w.event.id}/participations` })).json()
  t.equal(list.find((p: { organisationId: string }) => p.organisationId === late.orgId).status, 'targeted')
  t.same(
    list
      .filter((p: { outsideRegion: boolean }) => p.outsideRegion)
      .map((p: { organisation: { legalName: string } }) => p.organisation.legalName),
    ['Nordbahn GmbH'],
    'only the buyer from Bavaria is outside Piedmont',
  )
})

t.test('an SME asks a buyer, the buyer accepts, and each side is told by e-mail in its language', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, {
    clock: fixedClock('2027-02-01T10:00:00Z'),
    env: { SMTP_URL: smtp.url },
    outbox: { pollMs: 50 },
  })
  const w = await setUp(app)
  const sent = await w.ask(w.agents.a, w.smeA.orgId, w.buyerX.orgId, 'must_meet')
  t.equal(sent.statusCode, 201)
  t.match(sent.json(), { status: 'pending', origin: 'sme', priority: 'must_meet' })
  t.equal((await smtp.waitForMail('xena@nordbahn.example')).subject, 'Alpha Srl would like to meet you')
  const accepted = await w.agents.x.inject({
    method: 'POST',
    url: `/api/requests/${sent.json().id}/accept`,
    payload: {},
  })
  t.equal(accepted.json().status, 'accepted')
  const mail = await smtp.waitForMail('ada@alpha.example')
  t.equal(mail.subject, 'Meeting with Nordbahn GmbH confirmed')
  const again = await w.ask(w.agents.x, w.buyerX.orgId, w.smeA.orgId)
  t.same([again.statusCode, again.json().code], [409, 'requests.duplicate'], 'one open request per pair, whoever asks')
})

t.test('who may ask whom, and who sees which requests', async (t) => {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const w = await setUp(app)
  t.same((await w.ask(w.agents.a, w.smeA.orgId, w.smeB.orgId)).json().code, 'requests.wrong_pair')
  t.equal(
    (await w.ask(w.agents.a, w.smeB.orgId, w.buyerX.orgId)).statusCode,
    403,
    'nobody asks on behalf of another SME',
  )
  const outsider = await createOrgWithAdmin(app, { kind: 'sme', name: 'Delta Srl', email: 'dan@delta.example' })
  const dan = await signIn(app, 'dan@delta.example')
  t.same((await w.ask(dan, outsider.orgId, w.buyerX.orgId)).json().code, 'requests.not_selected')
  const id = (await w.ask(w.agents.a, w.smeA.orgId, w.buyerX.orgId)).json().id
  t.equal(
    (
      await w.agents.b.inject({
        method: 'GET',
        url: `/api/events/${w.event.id}/requests?organisationId=${w.smeA.orgId}`,
      })
    ).statusCode,
    403,
    'an SME never sees another SME’s requests',
  )
  t.equal((await w.agents.b.inject({ method: 'POST', url: `/api/requests/${id}/accept`, payload: {} })).statusCode, 404)
  t.same(
    (await w.agents.a.inject({ method: 'POST', url: `/api/requests/${id}/accept`, payload: {} })).json().code,
    'requests.illegal_move',
    'the sender cannot accept its own request',
  )
  const own = (
    await w.agents.b.inject({ method: 'GET', url: `/api/events/${w.event.id}/requests?organisationId=${w.smeB.orgId}` })
  ).json()
  t.same(own, [])
  const all = (await w.organiser.inject({ method: 'GET', url: `/api/events/${w.event.id}/requests` })).json()
  t.same(
    all.map((r: { fromName: string; toName: string }) => `${r.fromName}→${r.toName}`),
    ['Alpha Srl→Nordbahn GmbH'],
  )
})

t.test('quotas and the request deadline', async (t) => {
  const clock = fixedClock('2027-02-01T10:00:00Z')
  const app = await build(t, { clock, outbox: { start: false } })
  const w = await setUp(app, 1)
  const first = (await w.ask(w.agents.a, w.smeA.orgId, w.buyerX.orgId)).json().id
  const second = (await w.ask(w.agents.b, w.smeB.orgId, w.buyerX.orgId)).json().id
  const pendingY = (await w.ask(w.agents.b, w.smeB.orgId, w.buyerY.orgId)).json().id
  t.equal(
    (await w.agents.x.inject({ method: 'POST', url: `/api/requests/${first}/accept`, payload: {} })).statusCode,
    200,
  )
  const over = await w.agents.x.inject({ method: 'POST', url: `/api/requests/${second}/accept`, payload: {} })
  t.same([over.statusCode, over.json().code], [409, 'requests.quota_reached'])
  const imposed = await w.organiser.inject({
    method: 'POST',
    url: `/api/events/${w.event.id}/requests`,
    payload: { fromOrganisationId: w.smeA.orgId, toOrganisationId: w.buyerY.orgId, priority: 'meet' },
  })
  t.same(imposed.json().code, 'requests.quota_reached', 'a hub cannot impose past the quota either')

  clock.set('2027-03-01T18:00:01Z')
  const afterDeadline = await w.ask(w.agents.a, w.smeA.orgId, w.buyerY.orgId)
  t.same([afterDeadline.statusCode, afterDeadline.json().code], [409, 'requests.deadline_passed'])
  const mine = (
    await w.agents.b.inject({ method: 'GET', url: `/api/events/${w.event.id}/requests?organisationId=${w.smeB.orgId}` })
  ).json()
  t.same(
    mine.map((r: { id: string; status: string }) => [r.id, r.status]),
    [
      [second, 'expired'],
      [pendingY, 'expired'],
    ],
    'pending requests expire at the deadline',
  )
  t.same(
    (await w.agents.y.inject({ method: 'POST', url: `/api/requests/${pendingY}/accept`, payload: {} })).json().code,
    'requests.illegal_move',
  )
})

t.test('availability: the slots a participant cannot attend, checked against the grid', async (t) => {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const w = await setUp(app)
  const ok = await w.agents.a.inject({
    method: 'PUT',
    url: `/api/events/${w.event.id}/participations/${w.smeA.orgId}/availability`,
    payload: { unavailableSlots: [5, 0, 5] },
  })
  t.same(ok.json().unavailableSlots, [0, 5])
  const bad = await w.agents.a.inject({
    method: 'PUT',
    url: `/api/events/${w.event.id}/participations/${w.smeA.orgId}/availability`,
    payload: { unavailableSlots: [1, 6] },
  })
  t.same([bad.statusCode, bad.json().errors[0].field], [400, 'body.unavailableSlots.1'])
  t.equal(
    (
      await w.agents.b.inject({
        method: 'PUT',
        url: `/api/events/${w.event.id}/participations/${w.smeA.orgId}/availability`,
        payload: { unavailableSlots: [] },
      })
    ).statusCode,
    403,
  )
})

t.test('housekeeping marks pending requests past their deadline as expired', async (t) => {
  const clock = fixedClock('2027-02-01T10:00:00Z')
  const app = await build(t, { clock, outbox: { start: false } })
  const w = await setUp(app)
  await w.ask(w.agents.a, w.smeA.orgId, w.buyerX.orgId)
  const { createRequestsService } = await import('../../../server/features/requests/requests.service.js')
  const service = createRequestsService({
    db: app.db,
    clock,
    outbox: app.outbox,
    audit: { record: async () => {} },
    publicUrl: 'http://x',
  })
  t.equal(await service.expireRequests(), 0, 'nothing expires before the deadline')
  clock.set('2027-03-02T00:00:00Z')
  t.equal(await service.expireRequests(), 1)
  const [row] = await app.sql`select status from meeting_requests`
  t.equal(row!.status, 'expired')
})

t.test('the hub’s overview pages, filters by status and name, counts per status, and is the hub’s only', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 12, buyers: 10 })
  await addManyRequests(app, eventId, 100)
  const get = async (query: string) => {
    const res = await hub.inject({ method: 'GET', url: `/api/events/${eventId}/requests/overview${query}` })
    t.equal(res.statusCode, 200, query)
    return res.json() as {
      items: { status: string; fromName: string; toName: string; createdAt: string }[]
      total: number
      counts: Record<string, number>
      page: number
      pageSize: number
    }
  }
  const first = await get('')
  t.same([first.total, first.items.length, first.page, first.pageSize], [100, 50, 1, 50])
  t.same(first.counts, { pending: 20, accepted: 40, declined: 20, withdrawn: 20, expired: 0 })
  const times = first.items.map((r) => r.createdAt)
  t.same(times, [...times].sort().reverse(), 'newest first')
  const second = await get('?page=2')
  t.equal(new Set([...first.items, ...second.items].map((r) => JSON.stringify(r))).size, 100, 'two pages, all 100')
  const declined = await get('?status=declined&pageSize=500')
  t.same([declined.total, [...new Set(declined.items.map((r) => r.status))]], [20, ['declined']])
  const one = await get('?q=pmi%2000003')
  t.ok(one.total > 0 && one.items.every((r) => r.fromName.startsWith('PMI 00003')), 'by name')
  t.equal(
    Object.values(one.counts).reduce((a, b) => a + b, 0),
    one.total,
    'the counts follow the name filter',
  )
  const bad = await hub.inject({ method: 'GET', url: `/api/events/${eventId}/requests/overview?status=lost` })
  t.same([bad.statusCode, bad.json().errors[0].field], [400, 'query.status'])
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Stranger', email: 'who@stranger.example' })
  const strangerAgent = await signIn(app, 'who@stranger.example')
  const refused = await strangerAgent.inject({ method: 'GET', url: `/api/events/${eventId}/requests/overview` })
  t.equal(refused.statusCode, 403, 'not for participants')
})
