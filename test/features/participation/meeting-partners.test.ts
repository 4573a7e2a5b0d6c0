import t from 'tap'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { publishedEvent } from '../../helpers/event-day.js'

t.test('each side picks whom to meet by name among the other side’s selected participants', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await publishedEvent(app)
  const partners = async (agent: typeof w.organiser, query: string) => {
    const reply = await agent.inject({ method: 'GET', url: `/api/events/${w.event.id}/meeting-partners${query}` })
    t.equal(reply.statusCode, 200, reply.body)
    return reply.json<{ legalName: string; kind: string }[]>()
  }
  t.same(
    (await partners(w.agents.a, `?organisationId=${w.a.orgId}`)).map((p) => p.legalName),
    ['Nordbahn GmbH', 'Torino Trasporti SpA', 'Zeta Rail AG'],
    'an SME sees the buyers, by name',
  )
  t.same(
    (await partners(w.agents.x, `?organisationId=${w.x.orgId}`)).map((p) => p.legalName),
    ['Alpha Srl', 'Beta Srl'],
    'a buyer sees the SMEs',
  )
  t.same(
    (await partners(w.organiser, '')).map((p) => `${p.kind}:${p.legalName}`),
    ['sme:Alpha Srl', 'sme:Beta Srl', 'buyer:Nordbahn GmbH', 'buyer:Torino Trasporti SpA', 'buyer:Zeta Rail AG'],
    'the hub sees both sides',
  )

  await app.sql`update participations set status = 'rejected' where organisation_id = ${w.b.orgId}`
  t.same(
    (await partners(w.agents.x, `?organisationId=${w.x.orgId}`)).map((p) => p.legalName),
    ['Alpha Srl'],
    'a rejected SME is no longer offered',
  )
  const outsider = await createOrgWithAdmin(app, { kind: 'sme', name: 'Omega Srl', email: 'olga@omega.example' })
  const olga = await signIn(app, 'olga@omega.example')
  const refused = await olga.inject({
    method: 'GET',
    url: `/api/events/${w.event.id}/meeting-partners?organisationId=${outsider.orgId}`,
  })
  t.same([refused.statusCode, refused.json().code], [409, 'participation.not_participant'], 'not for outsiders')
})
