import t from 'tap'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createEdition, createEvent } from '../../helpers/builders.js'

async function setUp(t: Parameters<typeof build>[0], maxMeetings = 1) {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const smes = [
    await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' }),
    await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' }),
    await createOrgWithAdmin(app, { kind: 'sme', name: 'Gamma Srl', email: 'gia@gamma.example' }),
  ]
  const buyer = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'xena@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  const other = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Torino Trasporti SpA', email: 'yuri@tt.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const event = await createEvent(organiser, edition.id, { maxMeetingsPerParticipant: maxMeetings })
  for (const org of [...smes, buyer, other])
    for (const status of ['invited', 'selected'])
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/participations/${org.orgId}`,
        payload: { status },
      })
  const xena = await signIn(app, 'xena@nordbahn.example')
  const url = `/api/events/${event.id}/participations/${buyer.orgId}/representatives`
  return { app, organiser, event, smes, buyer, other, xena, url }
}

t.test('a buyer names its representatives, each with the slots they cannot attend', async (t) => {
  const w = await setUp(t)
  t.same((await w.xena.inject({ method: 'GET', url: w.url })).json(), [], 'none at first')
  const put = await w.xena.inject({
    method: 'PUT',
    url: w.url,
    payload: {
      representatives: [
        {
          name: 'Anna Weber',
          email: 'anna@nordbahn.example',
          jobTitle: 'Head of procurement',
          unavailableSlots: [5, 1, 1],
        },
        { name: 'Jonas Roth' },
      ],
    },
  })
  t.equal(put.statusCode, 200)
  const [anna, jonas] = put.json()
  t.match(
    anna,
    { name: 'Anna Weber', email: 'anna@nordbahn.example', jobTitle: 'Head of procurement', unavailableSlots: [1, 5] },
    'slots sorted, duplicates dropped',
  )
  t.match(jonas, { name: 'Jonas Roth', email: null, jobTitle: null, unavailableSlots: [] })

  const renamed = await w.xena.inject({
    method: 'PUT',
    url: w.url,
    payload: {
      representatives: [
        { id: jonas.id, name: 'Jonas Roth-Berg' },
        { name: 'Lena Vogt', email: 'lena@nordbahn.example' },
      ],
    },
  })
  t.same(
    renamed.json().map((r: { name: string }) => r.name),
    ['Jonas Roth-Berg', 'Lena Vogt'],
    'the list is replaced in the given order',
  )
  t.equal(renamed.json()[0].id, jonas.id, 'a kept representative keeps its id')
  t.same(
    (await w.organiser.inject({ method: 'GET', url: w.url })).json().map((r: { name: string }) => r.name),
    ['Jonas Roth-Berg', 'Lena Vogt'],
    'the hub sees them too',
  )
})

t.test('bad lists are refused naming the field, and change nothing', async (t) => {
  const w = await setUp(t)
  const first = (
    await w.xena.inject({
      method: 'PUT',
      url: w.url,
      payload: { representatives: [{ name: 'Anna Weber', email: 'anna@nordbahn.example' }] },
    })
  ).json()
  const cases: [unknown, number, string, string][] = [
    [
      {
        representatives: [
          { name: 'A', email: 'a@x.example' },
          { name: 'B', email: 'A@X.example' },
        ],
      },
      409,
      'representatives.duplicate_email',
      'body.representatives.1.email',
    ],
    [
      { representatives: [{ name: 'A', unavailableSlots: [6] }] },
      400,
      'participation.no_such_slot',
      'body.representatives.0.unavailableSlots.0',
    ],
    [
      { representatives: [{ id: '00000000-0000-4000-8000-000000000000', name: 'A' }] },
      400,
      'representatives.not_found',
      'body.representatives.0.id',
    ],
    [{ representatives: [{ name: '' }] }, 400, 'validation.failed', 'body.representatives.0.name'],
    [
      { representatives: [{ name: 'A', email: 'not an address' }] },
      400,
      'validation.failed',
      'body.representatives.0.email',
    ],
  ]
  for (const [payload, status, code, field] of cases) {
    const res = await w.xena.inject({ method: 'PUT', url: w.url, payload })
    t.same([res.statusCode, res.json().code], [status, code], code)
    t.ok(
      res.json().errors.some((e: { field: string }) => e.field === field),
      `names ${field}`,
    )
  }
  const otherRep = (
    await w.organiser.inject({
      method: 'PUT',
      url: `/api/events/${w.event.id}/participations/${w.other.orgId}/representatives`,
      payload: { representatives: [{ name: 'Yuri' }] },
    })
  ).json()[0]
  const stolen = await w.xena.inject({
    method: 'PUT',
    url: w.url,
    payload: { representatives: [{ id: otherRep.id, name: 'Mine now' }] },
  })
  t.equal(stolen.json().code, 'representatives.not_found', 'another buyer’s representative cannot be taken over')
  t.same((await w.xena.inject({ method: 'GET', url: w.url })).json(), first, 'nothing changed')
  const outsider = await createOrgWithAdmin(w.app, { kind: 'sme', name: 'Delta Srl', email: 'dan@delta.example' })
  const notIn = await (
    await signIn(w.app, 'dan@delta.example')
  ).inject({ method: 'GET', url: `/api/events/${w.event.id}/participations/${outsider.orgId}/representatives` })
  t.same([notIn.statusCode, notIn.json().code], [409, 'participation.not_participant'])
})

t.test(
  'each representative adds the per-person meeting quota, and the buyer chooses who holds a meeting',
  async (t) => {
    const w = await setUp(t, 1)
    const ask = async (i: number) => {
      const agent = await signIn(w.app, ['ada@alpha.example', 'bea@beta.example', 'gia@gamma.example'][i]!)
      return (
        await agent.inject({
          method: 'POST',
          url: `/api/events/${w.event.id}/requests`,
          payload: { fromOrganisationId: w.smes[i]!.orgId, toOrganisationId: w.buyer.orgId, priority: 'meet' },
        })
      ).json().id as string
    }
    const requests = [await ask(0), await ask(1), await ask(2)]
    const accept = (id: string) => w.xena.inject({ method: 'POST', url: `/api/requests/${id}/accept`, payload: {} })
    t.equal((await accept(requests[0]!)).json().status, 'accepted')
    t.equal((await accept(requests[1]!)).json().code, 'requests.quota_reached', 'one person, one meeting at most')
    const [anna, jonas] = (
      await w.xena.inject({
        method: 'PUT',
        url: w.url,
        payload: { representatives: [{ name: 'Anna Weber' }, { name: 'Jonas Roth' }] },
      })
    ).json()
    t.equal((await accept(requests[1]!)).json().status, 'accepted', 'two people, two meetings')
    t.equal((await accept(requests[2]!)).json().code, 'requests.quota_reached')

    const choose = (agent: typeof w.xena, id: string, representativeId: string | null) =>
      agent.inject({ method: 'PUT', url: `/api/requests/${id}/representative`, payload: { representativeId } })
    const chosen = await choose(w.xena, requests[0]!, jonas.id)
    t.same([chosen.statusCode, chosen.json().representativeId], [200, jonas.id])
    t.equal(
      (await choose(w.organiser, requests[1]!, anna.id)).json().representativeId,
      anna.id,
      'the event’s hub may choose too',
    )
    const ada = await signIn(w.app, 'ada@alpha.example')
    const bySme = await choose(ada, requests[0]!, anna.id)
    t.same(
      [bySme.statusCode, bySme.json().code],
      [403, 'representatives.not_buyer_side'],
      'the SME does not choose the buyer’s people',
    )
    const otherRep = (
      await w.organiser.inject({
        method: 'PUT',
        url: `/api/events/${w.event.id}/participations/${w.other.orgId}/representatives`,
        payload: { representatives: [{ name: 'Yuri' }] },
      })
    ).json()[0]
    const foreign = await choose(w.xena, requests[0]!, otherRep.id)
    t.same(
      [foreign.statusCode, foreign.json().code, foreign.json().errors[0].field],
      [400, 'representatives.not_found', 'body.representativeId'],
    )
    const list = (
      await w.xena.inject({ method: 'GET', url: `/api/events/${w.event.id}/requests?organisationId=${w.buyer.orgId}` })
    ).json()
    t.equal(
      list.find((r: { id: string }) => r.id === requests[0]).representativeId,
      jonas.id,
      'the choice stuck through the refusals',
    )

    await w.xena.inject({
      method: 'PUT',
      url: w.url,
      payload: { representatives: [{ id: anna.id, name: 'Anna Weber' }] },
    })
    const after = (
      await w.xena.inject({ method: 'GET', url: `/api/events/${w.event.id}/requests?organisationId=${w.buyer.orgId}` })
    ).json()
    t.equal(
      after.find((r: { id: string }) => r.id === requests[0]).representativeId,
      null,
      'a removed representative’s meetings go back to anyone',
    )
    t.equal((await choose(w.xena, requests[0]!, null)).statusCode, 200, 'null leaves the choice to the scheduler')
  },
)
