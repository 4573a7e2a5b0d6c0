import t from 'tap'
import {
  CALLS,
  allAtOnce,
  buildForRaces,
  pendingRequests,
  raceEvent,
  selectedOrganisations,
  selectedWithAgent,
  tally,
} from '../helpers/concurrency.js'

/**
 * Meeting requests under simultaneous writes: the rules hold because rows are
 * locked and indexes are unique, not because calls happen to arrive in turn.
 */

t.test('of 200 simultaneous accepts of one request exactly one wins, the rest are 409 illegal moves', async (t) => {
  const app = await buildForRaces(t)
  const race = await raceEvent(app, 8)
  const buyer = await selectedWithAgent(race, 'buyer', 'buyer@race.example')
  const [sme] = await selectedOrganisations(race, 'sme', 1, 'Alpha')
  const [request] = await pendingRequests(race, [sme!], buyer.orgId, 'sme')
  const answers = await allAtOnce(CALLS, () =>
    buyer.agent.inject({ method: 'POST', url: `/api/requests/${request}/accept`, payload: {} }),
  )
  t.same(tally(answers), { 200: 1, '409 requests.illegal_move': CALLS - 1 })
  const rows = await app.sql`select status from meeting_requests where id = ${request!}`
  t.same(
    rows.map((r) => r.status),
    ['accepted'],
  )
  const [audit] =
    await app.sql`select count(*)::int as n from audit_events where subject_id = ${request!} and action = 'request.accepted'`
  t.equal(audit!.n, 1, 'one acceptance in the audit trail')
})

t.test(
  'a buyer accepting 200 requests at once gets exactly its quota of meetings; the rest are 409 quota reached',
  async (t) => {
    const app = await buildForRaces(t)
    const quota = 5
    const race = await raceEvent(app, quota)
    const buyer = await selectedWithAgent(race, 'buyer', 'buyer@race.example')
    const smes = await selectedOrganisations(race, 'sme', CALLS, 'SME')
    const requests = await pendingRequests(race, smes, buyer.orgId, 'sme')
    const answers = await allAtOnce(CALLS, (i) =>
      buyer.agent.inject({ method: 'POST', url: `/api/requests/${requests[i]}/accept`, payload: {} }),
    )
    t.same(tally(answers), { 200: quota, '409 requests.quota_reached': CALLS - quota })
    const [accepted] =
      await app.sql`select count(*)::int as n from meeting_requests where event_id = ${race.event} and status = 'accepted'`
    t.equal(accepted!.n, quota, 'exactly the quota is accepted in the database')
    const [pending] =
      await app.sql`select count(*)::int as n from meeting_requests where event_id = ${race.event} and status = 'pending'`
    t.equal(pending!.n, CALLS - quota, 'the refused requests are still pending')
  },
)

t.test('an SME whose 200 requests are accepted by 200 buyers at once gets exactly its quota', async (t) => {
  const app = await buildForRaces(t)
  const quota = 4
  const race = await raceEvent(app, quota)
  const sme = await selectedWithAgent(race, 'sme', 'sme@race.example')
  const buyers = await selectedOrganisations(race, 'buyer', CALLS, 'Buyer')
  // The hub imposes them: one caller, 200 buyers, and the same quota rule on both sides.
  const answers = await allAtOnce(CALLS, (i) =>
    race.hub.inject({
      method: 'POST',
      url: `/api/events/${race.event}/requests`,
      payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyers[i], priority: 'meet' },
    }),
  )
  t.same(tally(answers), { 201: quota, '409 requests.quota_reached': CALLS - quota })
  const [accepted] =
    await app.sql`select count(*)::int as n from meeting_requests where event_id = ${race.event} and status = 'accepted' and from_organisation_id = ${sme.orgId}`
  t.equal(accepted!.n, quota)
})

t.test('200 simultaneous requests for one pair leave one open request; the rest are 409 duplicates', async (t) => {
  const app = await buildForRaces(t)
  const race = await raceEvent(app, 8)
  const sme = await selectedWithAgent(race, 'sme', 'sme@race.example')
  const [buyer] = await selectedOrganisations(race, 'buyer', 1, 'Buyer')
  const answers = await allAtOnce(CALLS, () =>
    sme.agent.inject({
      method: 'POST',
      url: `/api/events/${race.event}/requests`,
      payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer, priority: 'meet' },
    }),
  )
  t.same(tally(answers), { 201: 1, '409 requests.duplicate': CALLS - 1 })
  const [open] =
    await app.sql`select count(*)::int as n from meeting_requests where event_id = ${race.event} and status in ('pending', 'accepted')`
  t.equal(open!.n, 1)
})
