import t from 'tap'
import { build } from '../../helpers/build.js'
import { signIn, type SignedInAgent } from '../../helpers/accounts.js'
import { need } from '../../helpers/catalogue.js'
import { recommendationsWorld, type RecommendationsWorld } from '../../helpers/recommendations.js'

interface Item {
  id: string
  title: string
  organisation: { id: string; name: string }
  score: number
  parts: Record<string, number>
  reason: string
}

const view = async (agent: SignedInAgent, url: string) => {
  const res = await agent.inject({ method: 'GET', url })
  if (res.statusCode !== 200) throw new Error(`${url}: ${res.statusCode} ${res.body}`)
  return res.json() as { language: string; items: Item[] }
}

/** The recommendations world, plus two more needs of Nordbahn: buses of a sibling CPV category, and office chairs. */
async function world(t: Parameters<typeof build>[0]) {
  const app = await build(t, { outbox: { start: false } })
  const w: RecommendationsWorld = await recommendationsWorld(app)
  const post = async (payload: unknown) =>
    (
      await w.agents.nordbahn.inject({ method: 'POST', url: `/api/organisations/${w.ids.nordbahn}/needs`, payload })
    ).json().id as string
  const regional = await post(
    need({
      title: 'Public-service buses for regional lines',
      description: 'Low-floor buses for the regional network.',
      cpvCodes: ['34121100'],
    }),
  )
  const chairs = await post(
    need({
      title: 'Office chairs',
      description: 'Ergonomic swivel chairs for the head office.',
      cpvCodes: ['39112000'],
    }),
  )
  await app.outbox.drain()
  return { app, w, regional, chairs }
}

t.test(
  'an SME sees the needs matching its offer, best first, with the parts and the reason; the hub sees them too',
  async (t) => {
    const { w, regional, chairs } = await world(t)
    const alpha = await view(w.agents.alpha, `/api/offers/${w.offers.alpha}/matches`)
    t.equal(alpha.language, 'en', 'Ada reads English')
    t.same(
      alpha.items.map((i) => i.id).sort(),
      [w.needs.publicNeed, w.needs.privateNeed, regional].sort(),
      'the bus needs, Torino Trasporti’s included (it is meant for Alpha); the chairs are not a match',
    )
    t.notOk(alpha.items.some((i) => i.id === chairs))
    t.same(
      alpha.items.map((i) => i.score),
      [...alpha.items.map((i) => i.score)].sort((a, b) => b - a),
      'ranked by score',
    )
    t.equal(alpha.items.at(-1)!.id, regional, 'a sibling CPV category ranks below the same code')
    const nordbahn = alpha.items.find((i) => i.id === w.needs.publicNeed)!
    t.same(
      [nordbahn.title, nordbahn.organisation],
      ['Electric buses for the city fleet', { id: w.ids.nordbahn, name: 'Nordbahn GmbH' }],
    )
    t.equal(nordbahn.parts.cpv, 1, 'the same CPV code agrees fully')
    t.equal(alpha.items.find((i) => i.id === regional)!.parts.cpv, 0.85)
    t.match(
      nordbahn.reason,
      /^same CPV code 34121000 .*TRL 8 ≥ 7 required; ISO 9001 held.*buyer outside the region \(DE21\)/,
    )
    t.ok(Object.keys(nordbahn.parts).includes('outsideRegion'))

    const gamma = await view(w.agents.gamma, `/api/offers/${w.offers.gamma}/matches`)
    t.same(
      gamma.items.map((i) => i.id).sort(),
      [w.needs.publicNeed, regional].sort(),
      'a need for selected SMEs reaches only them',
    )
    const hub = await view(w.agents.hub, `/api/offers/${w.offers.alpha}/matches`)
    t.same(
      hub.items.map((i) => i.id),
      alpha.items.map((i) => i.id),
      'the hub that validated Alpha sees Alpha’s matches',
    )

    const limited = await view(w.agents.alpha, `/api/offers/${w.offers.alpha}/matches?limit=1`)
    t.same(limited.items, alpha.items.slice(0, 1))
  },
)

t.test('a buyer sees the offers matching its need', async (t) => {
  const { w } = await world(t)
  const res = await view(w.agents.nordbahn, `/api/needs/${w.needs.publicNeed}/matches`)
  t.same(
    res.items.map((i) => i.organisation.name).sort(),
    ['Alpha Srl', 'Delta Srl', 'Gamma Srl'],
    'every published offer of a validated SME, event or not',
  )
  t.same(
    res.items.map((i) => i.title),
    Array(3).fill('Autobus elettrici per il trasporto urbano'),
  )
  for (const item of res.items) {
    t.equal(item.parts.cpv, 1)
    t.match(item.reason, /^same CPV code 34121000/)
  }
  t.same(
    (await view(w.agents.hub, `/api/needs/${w.needs.publicNeed}/matches`)).items,
    res.items,
    'and so does the buyer’s hub',
  )
})

t.test('reasons come in Italian when asked, or when the caller reads Italian', async (t) => {
  const { app, w } = await world(t)
  const asked = await view(w.agents.nordbahn, `/api/needs/${w.needs.publicNeed}/matches?lang=it`)
  t.equal(asked.language, 'it')
  t.match(asked.items[0]!.reason, /^stesso codice CPV 34121000 .*TRL 8 ≥ 7 richiesto; ISO 9001 posseduta/)
  const bruno = await signIn(app, 'bob@alpha.example')
  const own = await view(bruno, `/api/offers/${w.offers.alpha}/matches`)
  t.equal(own.language, 'it', 'Bruno’s profile says Italian')
  t.match(
    own.items.find((i) => i.id === w.needs.publicNeed)!.reason,
    /^stesso codice CPV 34121000.*acquirente fuori regione \(DE21\)/,
  )
  t.match(
    (await view(bruno, `/api/offers/${w.offers.alpha}/matches?lang=en`)).items[0]!.reason,
    /^same CPV code/,
    'the query wins over the profile',
  )
})

t.test('no one reads another organisation’s matches; unknown ids and bad limits are problems', async (t) => {
  const { w } = await world(t)
  const problem = async (agent: SignedInAgent, url: string) => {
    const res = await agent.inject({ method: 'GET', url })
    t.match(res.headers['content-type'], /application\/problem\+json/)
    return [res.statusCode, res.json().code]
  }
  t.same(
    await problem(w.agents.gamma, `/api/offers/${w.offers.alpha}/matches`),
    [404, 'offers.not_found'],
    'another SME is told the offer does not exist',
  )
  t.same(
    await problem(w.agents.nordbahn, `/api/offers/${w.offers.alpha}/matches`),
    [403, 'auth.forbidden'],
    'buyers have needs, not offers',
  )
  t.same(
    await problem(w.agents.torino, `/api/needs/${w.needs.publicNeed}/matches`),
    [404, 'needs.not_found'],
    'another buyer is told the need does not exist',
  )
  t.same(await problem(w.agents.alpha, `/api/needs/${w.needs.publicNeed}/matches`), [403, 'auth.forbidden'])
  t.same(await problem(w.agents.alpha, '/api/offers/00000000-0000-4000-8000-000000000000/matches'), [
    404,
    'offers.not_found',
  ])
  t.same(await problem(w.agents.nordbahn, '/api/needs/00000000-0000-4000-8000-000000000000/matches'), [
    404,
    'needs.not_found',
  ])
  for (const limit of ['0', '51', 'ten']) {
    const res = await w.agents.alpha.inject({
      method: 'GET',
      url: `/api/offers/${w.offers.alpha}/matches?limit=${limit}`,
    })
    t.same([res.statusCode, res.json().errors[0].field], [400, 'query.limit'], `limit=${limit}`)
  }
  const lang = await w.agents.nordbahn.inject({
    method: 'GET',
    url: `/api/needs/${w.needs.publicNeed}/matches?lang=de`,
  })
  t.same([lang.statusCode, lang.json().errors[0].field], [400, 'query.lang'])
})
