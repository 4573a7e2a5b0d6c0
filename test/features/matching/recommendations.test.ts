import t from 'tap'
import { build } from '../../helpers/build.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { MARK_BONUS } from '../../../server/features/matching/recommendations.model.js'
import { counterparts, recommendationsWorld, type RecommendationsWorld } from '../../helpers/recommendations.js'

const mark = (
  w: RecommendationsWorld,
  who: 'alpha' | 'gamma' | 'nordbahn' | 'torino',
  other: string,
  value: string | null,
) =>
  w.agents[who].inject({
    method: 'PUT',
    url: `/api/events/${w.may}/recommendations/${w.ids[who]}/marks/${other}`,
    payload: { mark: value },
  })
const curation = async (w: RecommendationsWorld, query = '') => {
  const res = await w.agents.hub.inject({ method: 'GET', url: `/api/events/${w.may}/curation${query}` })
  if (res.statusCode !== 200) throw new Error(`curation: ${res.statusCode} ${res.body}`)
  return (res.json() as { items: CurationRow[] }).items
}
type CurationRow = {
  sme: { legalName: string }
  buyer: { legalName: string }
  score: number
  rank: number
  status: string
  mutual: boolean
  hidden: boolean
  priority: string
  requestStatus: string | null
  marks: { sme: string | null; buyer: string | null }
}
const pairNames = (items: { sme: { legalName: string }; buyer: { legalName: string } }[]) =>
  items.map((i) => `${i.sme.legalName} × ${i.buyer.legalName}`)

t.test('recommendations pair selected SMEs and buyers, and a need for selected SMEs reaches only them', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await recommendationsWorld(app)
  t.same(
    await counterparts(w.agents.alpha, w.may, w.ids.alpha),
    ['Torino Trasporti SpA', 'Nordbahn GmbH'],
    'Alpha sees both buyers, best first: Torino Trasporti words its need in Italian, like Alpha’s offer',
  )
  t.same(
    await counterparts(w.agents.gamma, w.may, w.ids.gamma),
    ['Nordbahn GmbH'],
    'Torino Trasporti’s need is for Alpha only',
  )
  t.same(await counterparts(w.agents.torino, w.may, w.ids.torino), ['Alpha Srl'])
  t.same(
    (await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn)).sort(),
    ['Alpha Srl', 'Gamma Srl'],
    'Delta is not selected, so not recommended',
  )
  const [first] = (
    await w.agents.alpha.inject({ method: 'GET', url: `/api/events/${w.may}/recommendations/${w.ids.alpha}` })
  ).json()
  t.equal(first.parts.cpv, 1, 'the same CPV code agrees fully')
  t.match(first.reason.en, /^same CPV code 34121000/)
  t.match(first.reason.it, /^stesso codice CPV 34121000/)
  t.same(
    first.pairs.map((p: { offerTitle: string }) => p.offerTitle),
    ['Autobus elettrici per il trasporto urbano'],
  )
  t.equal(first.myMark, null)

  const other = await w.agents.gamma.inject({
    method: 'GET',
    url: `/api/events/${w.may}/recommendations/${w.ids.alpha}`,
  })
  t.equal(other.statusCode, 403, 'an SME never reads another SME’s recommendations')
  const otherMark = await w.agents.gamma.inject({
    method: 'PUT',
    url: `/api/events/${w.may}/recommendations/${w.ids.alpha}/marks/${w.ids.nordbahn}`,
    payload: { mark: 'no_thanks' },
  })
  t.equal(otherMark.statusCode, 403, 'nor marks on its behalf')
  t.equal(
    (await w.agents.alpha.inject({ method: 'GET', url: `/api/events/${w.may}/curation` })).statusCode,
    403,
    'curation is the hub’s',
  )
})

t.test(
  'the list follows the catalogue and the participants through the outbox, never inside the request',
  async (t) => {
    const app = await build(t, { outbox: { start: false } })
    const w = await recommendationsWorld(app)
    await w.select(w.may, [w.ids.delta])
    t.same(
      (await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn)).sort(),
      ['Alpha Srl', 'Gamma Srl'],
      'unchanged until the worker runs',
    )
    await app.outbox.drain()
    t.same((await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn)).sort(), [
      'Alpha Srl',
      'Delta Srl',
      'Gamma Srl',
    ])
    const archived = await w.agents.gamma.inject({
      method: 'PATCH',
      url: `/api/organisations/${w.ids.gamma}/offers/${w.offers.gamma}`,
      payload: { status: 'archived' },
    })
    t.equal(archived.statusCode, 200)
    await app.outbox.drain()
    t.same(
      (await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn)).sort(),
      ['Alpha Srl', 'Delta Srl'],
      'an archived offer leaves the recommendations',
    )
    const [queued] =
      await app.sql`select count(*)::int as n from outbox where topic = 'matching.recompute' and done_at is null`
    t.equal(queued!.n, 0)
    const recompute = await w.agents.hub.inject({
      method: 'POST',
      url: `/api/events/${w.may}/recommendations/recompute`,
    })
    t.same([recompute.statusCode, recompute.json()], [202, { queued: true }])
    t.equal(
      (await w.agents.alpha.inject({ method: 'POST', url: `/api/events/${w.may}/recommendations/recompute` }))
        .statusCode,
      403,
    )
  },
)

t.test('"no thanks" from either side hides the pair from both sides and from curation', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await recommendationsWorld(app)
  t.same((await mark(w, 'gamma', w.ids.nordbahn, 'no_thanks')).json(), { mark: 'no_thanks' })
  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), [])
  const gammaList = (
    await w.agents.gamma.inject({ method: 'GET', url: `/api/events/${w.may}/recommendations/${w.ids.gamma}` })
  ).json()
  t.same(
    gammaList.map((r: { counterpart: { legalName: string }; declinedByMe: boolean }) => [
      r.counterpart.legalName,
      r.declinedByMe,
    ]),
    [['Nordbahn GmbH', true]],
    'Gamma still sees what it declined, apart, to take it back',
  )
  t.same(await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn), ['Alpha Srl'])
  t.notOk(
    (await w.agents.nordbahn.inject({ method: 'GET', url: `/api/events/${w.may}/recommendations/${w.ids.nordbahn}` }))
      .json()
      .some((r: { counterpart: { legalName: string } }) => r.counterpart.legalName === 'Gamma Srl'),
    'Nordbahn does not see Gamma at all',
  )
  const refused = await mark(w, 'nordbahn', w.ids.gamma, 'must_meet')
  t.same(
    [refused.statusCode, refused.json().code],
    [404, 'recommendations.not_found'],
    'the other side cannot mark a declined pair',
  )
  t.same(pairNames(await curation(w)).sort(), ['Alpha Srl × Nordbahn GmbH', 'Alpha Srl × Torino Trasporti SpA'])
  const all = await curation(w, '?hidden=true')
  t.same(
    all.filter((i) => i.hidden).map((i) => [i.sme.legalName, i.marks.sme]),
    [['Gamma Srl', 'no_thanks']],
  )
  await mark(w, 'gamma', w.ids.nordbahn, null)
  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), ['Nordbahn GmbH'], 'clearing the mark brings it back')
})

t.test('marks reorder the list, a buyer’s mark weighing more than an SME’s', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await recommendationsWorld(app)
  const before = await curation(w, '?q=nordbahn')
  const [alphaScore, gammaScore] = ['Alpha Srl', 'Gamma Srl'].map(
    (name) => before.find((i) => i.sme.legalName === name)!.score,
  )
  t.equal(alphaScore, gammaScore, 'identical offers score alike')
  await mark(w, 'alpha', w.ids.nordbahn, 'must_meet')
  await mark(w, 'nordbahn', w.ids.gamma, 'must_meet')
  const after = await curation(w, '?q=nordbahn')
  t.same(
    after.map((i) => [i.sme.legalName, i.rank]),
    [
      ['Gamma Srl', Math.round((gammaScore! + MARK_BONUS.buyer.must_meet) * 1e6) / 1e6],
      ['Alpha Srl', Math.round((alphaScore! + MARK_BONUS.sme.must_meet) * 1e6) / 1e6],
    ],
  )
  t.same(await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn), ['Gamma Srl', 'Alpha Srl'])
  const bad = await mark(w, 'alpha', w.ids.nordbahn, 'maybe')
  t.equal(bad.statusCode, 400)
  t.equal(bad.json().errors[0].field, 'body.mark')
  t.same(
    (await curation(w, '?q=alpha srl')).find((i) => i.buyer.legalName === 'Nordbahn GmbH')!.marks,
    { sme: 'must_meet', buyer: null },
    'the bad mark changed nothing',
  )
})

t.test('two positive marks make a request candidate the hub turns into a meeting request', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await recommendationsWorld(app)
  await mark(w, 'alpha', w.ids.nordbahn, 'must_meet')
  t.same(pairNames(await curation(w, '?mutual=true')), [], 'one side is not enough')
  await mark(w, 'nordbahn', w.ids.alpha, 'meet')
  const [candidate, ...rest] = await curation(w, '?mutual=true')
  t.same(rest, [])
  t.same(
    [candidate!.sme.legalName, candidate!.buyer.legalName, candidate!.priority, candidate!.requestStatus],
    ['Alpha Srl', 'Nordbahn GmbH', 'must_meet', null],
  )
  const created = await w.agents.hub.inject({
    method: 'POST',
    url: `/api/events/${w.may}/requests`,
    payload: { fromOrganisationId: w.ids.alpha, toOrganisationId: w.ids.nordbahn, priority: candidate!.priority },
  })
  t.same([created.statusCode, created.json().origin, created.json().status], [201, 'organiser', 'accepted'])
  t.equal((await curation(w, '?mutual=true'))[0]!.requestStatus, 'accepted')
})

t.test(
  'the hub shortlists, approves, rejects and suggests pairs; suggestions are mailed in each person’s language',
  async (t) => {
    const app = await build(t, { outbox: { start: false } })
    const w = await recommendationsWorld(app)
    const pair = (sme: string, buyer: string) => ({ smeId: w.ids[sme as 'alpha'], buyerId: w.ids[buyer as 'nordbahn'] })
    const decide = (payload: unknown) =>
      w.agents.hub.inject({ method: 'POST', url: `/api/events/${w.may}/curation/decisions`, payload })
    t.same(
      (await decide({ pairs: [pair('alpha', 'nordbahn'), pair('gamma', 'nordbahn')], status: 'shortlisted' })).json(),
      { updated: 2, notified: 0 },
    )
    const unknown = await decide({ pairs: [pair('alpha', 'nordbahn'), pair('gamma', 'torino')], status: 'approved' })
    t.same(
      [unknown.statusCode, unknown.json().errors.map((e: { field: string }) => e.field)],
      [400, ['body.pairs.1']],
      'Gamma × Torino is not recommended',
    )
    t.same(
      pairNames(await curation(w, '?status=shortlisted')).sort(),
      ['Alpha Srl × Nordbahn GmbH', 'Gamma Srl × Nordbahn GmbH'],
      'nothing was approved',
    )
    await decide({ pairs: [pair('gamma', 'nordbahn')], status: 'rejected' })
    t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), [], 'a rejected pair leaves the participants’ lists')

    await app.sql`delete from outbox`
    const suggested = await w.agents.hub.inject({
      method: 'POST',
      url: `/api/events/${w.may}/curation/suggest`,
      payload: { pairs: [pair('alpha', 'nordbahn')] },
    })
    t.same(suggested.json(), { updated: 1, notified: 3 })
    const mails =
      await app.sql`select payload->>'to' as to, payload->>'subject' as subject from outbox where topic = 'mail' order by 1`
    t.same(
      mails.map((m) => [m.to, m.subject]),
      [
        ['ada@alpha.example', 'We suggest you meet Nordbahn GmbH'],
        ['anna@nordbahn.example', 'We suggest you meet Alpha Srl'],
        ['bob@alpha.example', 'Vi suggeriamo di incontrare Nordbahn GmbH'],
      ],
    )
    const [italian] =
      await app.sql`select payload->>'text' as text from outbox where payload->>'to' = 'bob@alpha.example'`
    t.match(italian!.text, /Perché: stesso codice CPV 34121000/)
    t.equal(await app.outbox.drain(), 3)
    const alphaList = (
      await w.agents.alpha.inject({ method: 'GET', url: `/api/events/${w.may}/recommendations/${w.ids.alpha}` })
    ).json()
    t.same(
      alphaList.map((r: { counterpart: { legalName: string }; suggested: boolean }) => [
        r.counterpart.legalName,
        r.suggested,
      ]),
      [
        ['Torino Trasporti SpA', false],
        ['Nordbahn GmbH', true],
      ],
    )

    await mark(w, 'torino', w.ids.alpha, 'no_thanks')
    const declined = await w.agents.hub.inject({
      method: 'POST',
      url: `/api/events/${w.may}/curation/suggest`,
      payload: { pairs: [pair('alpha', 'torino')] },
    })
    t.same(
      [declined.statusCode, declined.json().errors[0]],
      [400, { field: 'body.pairs.0', code: 'no_thanks', message: 'one side said "no thanks" to this pair' }],
    )
  },
)

t.test('pairs that met at an earlier event of the edition are left out unless the hub allows repeats', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await recommendationsWorld(app)
  await w.select(w.march, [w.ids.alpha, w.ids.gamma, w.ids.nordbahn])
  const met = async (sme: string, outcome: 'held' | 'no_show' | null) => {
    const agent = sme === w.ids.alpha ? w.agents.alpha : w.agents.gamma
    const request = (
      await agent.inject({
        method: 'POST',
        url: `/api/events/${w.march}/requests`,
        payload: { fromOrganisationId: sme, toOrganisationId: w.ids.nordbahn, priority: 'meet' },
      })
    ).json()
    await w.agents.nordbahn.inject({ method: 'POST', url: `/api/requests/${request.id}/accept`, payload: {} })
    await app.sql`insert into meetings (event_id, request_id, sme_id, buyer_id, slot, table_index, outcome) values (${w.march}, ${request.id}, ${sme}, ${w.ids.nordbahn}, 0, 0, ${outcome})`
  }
  await met(w.ids.alpha, 'held')
  await met(w.ids.gamma, 'no_show')
  await w.agents.hub.inject({ method: 'POST', url: `/api/events/${w.may}/recommendations/recompute` })
  await app.outbox.drain()
  t.same(
    await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn),
    ['Gamma Srl'],
    'Alpha met Nordbahn in March; Gamma’s meeting was a no-show',
  )
  t.same(await counterparts(w.agents.alpha, w.may, w.ids.alpha), ['Torino Trasporti SpA'])
  t.same(
    (await counterparts(w.agents.nordbahn, w.march, w.ids.nordbahn)).sort(),
    ['Alpha Srl', 'Gamma Srl'],
    'a later meeting does not exclude the pair from the earlier event',
  )

  const settings = await w.agents.hub.inject({
    method: 'PUT',
    url: `/api/events/${w.may}/curation/settings`,
    payload: { allowRepeatMeetings: true },
  })
  t.same(settings.json(), { allowRepeatMeetings: true })
  t.same((await w.agents.hub.inject({ method: 'GET', url: `/api/events/${w.may}/curation/settings` })).json(), {
    allowRepeatMeetings: true,
  })
  await app.outbox.drain()
  t.same(
    (await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn)).sort(),
    ['Alpha Srl', 'Gamma Srl'],
    'the hub allowed repeat meetings',
  )
  const bad = await w.agents.hub.inject({
    method: 'PUT',
    url: `/api/events/${w.may}/curation/settings`,
    payload: { allowRepeatMeetings: 'yes' },
  })
  t.same([bad.statusCode, bad.json().errors[0].field], [400, 'body.allowRepeatMeetings'])
})

t.test('a pair below the relevance floor is not recommended to its sides, unless someone acted on it', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const w = await recommendationsWorld(app)
  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), ['Nordbahn GmbH'])
  await app.sql`update recommendations set score = 0.03 where sme_id = ${w.ids.gamma} and buyer_id = ${w.ids.nordbahn}`

  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), [], 'Gamma is told of no weak match')
  t.same(await counterparts(w.agents.nordbahn, w.may, w.ids.nordbahn), ['Alpha Srl'], 'nor is Nordbahn')
  t.ok(
    (await curation(w)).some((item) => item.sme.legalName === 'Gamma Srl' && item.buyer.legalName === 'Nordbahn GmbH'),
    'the hub still sees the pair',
  )

  t.equal((await mark(w, 'nordbahn', w.ids.gamma, 'meet')).statusCode, 200)
  t.same(
    await counterparts(w.agents.gamma, w.may, w.ids.gamma),
    ['Nordbahn GmbH'],
    'once Nordbahn marks it "meet", Gamma sees the pair again',
  )
})

t.test(
  'the hub pages through the pairs: a total, pages that add up to the whole, sorting, and bad paging refused',
  async (t) => {
    const app = await build(t, { outbox: { start: false } })
    const w = await recommendationsWorld(app)
    const get = async (query: string) =>
      (await w.agents.hub.inject({ method: 'GET', url: `/api/events/${w.may}/curation${query}` })).json() as {
        items: CurationRow[]
        total: number
        page: number
        pageSize: number
      }
    const whole = await get('')
    t.ok(whole.total >= 2, `${whole.total} pairs`)
    t.same([whole.page, whole.pageSize, whole.items.length], [1, 50, whole.total])
    const pages = []
    for (let page = 1; page <= whole.total; page++) {
      const one = await get(`?pageSize=1&page=${page}`)
      t.equal(one.total, whole.total, 'every page says how many there are in all')
      pages.push(...pairNames(one.items))
    }
    t.same(pages, pairNames(whole.items), 'the pages, one after another, are the whole list in the same order')
    t.same((await get(`?page=${whole.total + 1}&pageSize=1`)).items, [], 'past the last page, nothing')

    const byBuyer = pairNames((await get('?sort=buyer')).items)
    const buyers = (await get('?sort=buyer')).items.map((i) => i.buyer.legalName)
    t.same(
      buyers,
      [...buyers].sort((a, b) => a.localeCompare(b)),
      'sorted by the buyer’s name',
    )
    t.equal(byBuyer.length, whole.total)
    const scores = (await get('?sort=score')).items.map((i) => i.score)
    t.same(
      scores,
      [...scores].sort((a, b) => b - a),
      'sorted by score, best first',
    )
    const filtered = await get('?q=nordbahn&pageSize=1')
    t.ok(filtered.total < whole.total && filtered.total > 0, 'the total counts what the filter keeps')

    for (const [query, field] of [
      ['?pageSize=0', 'query.pageSize'],
      ['?page=0', 'query.page'],
      ['?sort=newest', 'query.sort'],
    ] as const) {
      const res = await w.agents.hub.inject({ method: 'GET', url: `/api/events/${w.may}/curation${query}` })
      t.equal(res.statusCode, 400, query)
      t.ok(
        (res.json().errors as { field: string }[]).some((e) => e.field === field),
        `${query}: the problem names ${field}`,
      )
    }
  },
)

t.test('a need whose deadline has passed leaves the recommendations', async (t) => {
  const app = await build(t, { clock: fixedClock('2027-02-01T10:00:00Z'), outbox: { start: false } })
  const w = await recommendationsWorld(app)
  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), ['Nordbahn GmbH'])
  const closed = await w.agents.nordbahn.inject({
    method: 'PATCH',
    url: `/api/organisations/${w.ids.nordbahn}/needs/${w.needs.publicNeed}`,
    payload: { deadline: '2027-01-31' },
  })
  t.equal(closed.statusCode, 200, closed.body)
  await app.outbox.drain()
  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), [], 'Nordbahn’s only need closed yesterday')
  await w.agents.nordbahn.inject({
    method: 'PATCH',
    url: `/api/organisations/${w.ids.nordbahn}/needs/${w.needs.publicNeed}`,
    payload: { deadline: '2027-02-01' },
  })
  await app.outbox.drain()
  t.same(await counterparts(w.agents.gamma, w.may, w.ids.gamma), ['Nordbahn GmbH'], 'open through its last day')
})
