import t from 'tap'
import { CALLS, allAtOnce, buildForRaces, raceEvent, selectedWithAgent, tally } from '../helpers/concurrency.js'

const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

t.test(
  'contracts: 200 simultaneous confirmations confirm once; 200 simultaneous verify-or-reject decisions decide once',
  async (t) => {
    const app = await buildForRaces(t)
    const race = await raceEvent(app, 8)
    const sme = await selectedWithAgent(race, 'sme', 'sme@race.example')
    const buyer = await selectedWithAgent(race, 'buyer', 'buyer@race.example')
    const reported = await sme.agent.inject({
      method: 'POST',
      url: `/api/organisations/${sme.orgId}/contracts`,
      payload: {
        counterpartId: buyer.orgId,
        editionId: race.edition,
        title: 'Retrofit kits order',
        kind: 'purchase_order',
        signedOn: '2026-10-01',
        valueEur: 25000,
      },
    })
    t.equal(reported.statusCode, 201)
    const id = reported.json().id as string

    const confirms = await allAtOnce(CALLS, () =>
      buyer.agent.inject({ method: 'POST', url: `/api/contracts/${id}/confirm` }),
    )
    t.same(tally(confirms), { 200: 1, '409 contracts.illegal_move': CALLS - 1 })
    const [confirmedSteps] =
      await app.sql`select count(*)::int as n from contract_trail where contract_id = ${id} and action = 'confirmed'`
    t.equal(confirmedSteps!.n, 1, 'one confirmation in the trail')

    t.equal(
      (
        await sme.agent.inject({
          method: 'PUT',
          url: `/api/contracts/${id}/evidence?fileName=order.pdf`,
          payload: PDF,
          headers: { 'content-type': 'application/pdf' },
        })
      ).statusCode,
      200,
    )
    const decisions = await allAtOnce(CALLS, (i) =>
      race.hub.inject({
        method: 'POST',
        url: `/api/contracts/${id}/decision`,
        payload: i % 2 === 0 ? { decision: 'verified' } : { decision: 'rejected', note: 'Not a supply contract' },
      }),
    )
    t.same(tally(decisions), { 200: 1, '409 contracts.illegal_move': CALLS - 1 })
    const winner = decisions.find((res) => res.statusCode === 200)!.json().status as string
    const [row] = await app.sql`select status from contracts where id = ${id}`
    t.equal(row!.status, winner, 'the contract has the winning decision')
    const [decidedSteps] =
      await app.sql`select count(*)::int as n from contract_trail where contract_id = ${id} and action in ('verified', 'rejected')`
    t.equal(decidedSteps!.n, 1, 'one decision in the trail')
  },
)

t.test(
  'vouchers: 200 simultaneous claims of €10 against a €1,000 budget leave exactly 100 claims and nothing over budget',
  async (t) => {
    const app = await buildForRaces(t)
    const race = await raceEvent(app, 8)
    const sme = await selectedWithAgent(race, 'sme', 'sme@race.example')
    t.equal(
      (
        await race.hub.inject({
          method: 'PUT',
          url: `/api/editions/${race.edition}/vouchers/${sme.orgId}`,
          payload: { budgetEur: 1000 },
        })
      ).statusCode,
      200,
    )
    const answers = await allAtOnce(CALLS, (i) =>
      sme.agent.inject({
        method: 'POST',
        url: `/api/organisations/${sme.orgId}/voucher-claims`,
        payload: {
          editionId: race.edition,
          category: i % 2 ? 'coaching' : 'event_outside_region',
          amountEur: 10,
          description: `Claim ${i}`,
        },
      }),
    )
    t.same(tally(answers), { 201: 100, '409 vouchers.no_budget': 100 })
    const [sum] =
      await app.sql`select count(*)::int as n, coalesce(sum(amount_eur), 0)::int as eur from voucher_claims where sme_id = ${sme.orgId}`
    t.same([sum!.n, sum!.eur], [100, 1000])
  },
)

t.test('vouchers: a budget cut racing 200 claims never leaves claims above the budget', async (t) => {
  const app = await buildForRaces(t)
  const race = await raceEvent(app, 8)
  const sme = await selectedWithAgent(race, 'sme', 'sme@race.example')
  t.equal(
    (
      await race.hub.inject({
        method: 'PUT',
        url: `/api/editions/${race.edition}/vouchers/${sme.orgId}`,
        payload: { budgetEur: 2000 },
      })
    ).statusCode,
    200,
  )
  const answers = await allAtOnce(CALLS + 1, (i) =>
    i === CALLS / 2
      ? race.hub.inject({
          method: 'PUT',
          url: `/api/editions/${race.edition}/vouchers/${sme.orgId}`,
          payload: { budgetEur: 500 },
        })
      : sme.agent.inject({
          method: 'POST',
          url: `/api/organisations/${sme.orgId}/voucher-claims`,
          payload: { editionId: race.edition, category: 'coaching', amountEur: 10, description: `Claim ${i}` },
        }),
  )
  const cut = answers[CALLS / 2]!
  const [state] =
    await app.sql`select vb.budget_eur as budget, (select coalesce(sum(amount_eur), 0)::int from voucher_claims vc where vc.sme_id = vb.sme_id and vc.edition_id = vb.edition_id) as claimed from voucher_budgets vb where vb.sme_id = ${sme.orgId}`
  t.ok(
    state!.claimed <= state!.budget,
    `claims (€${state!.claimed}) stay within the budget (€${state!.budget}); the cut answered ${cut.statusCode}`,
  )
  t.equal(state!.budget, cut.statusCode === 200 ? 500 : 2000, 'the budget is the cut if it was accepted')
  t.equal(
    answers.filter((res, i) => i !== CALLS / 2 && res.statusCode === 201).length * 10,
    state!.claimed,
    'every accepted claim is in the database',
  )
})
