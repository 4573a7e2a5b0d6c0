import t from 'tap'
import { build } from '../../helpers/build.js'
import { freePort } from '../../../server/infra/ports.js'
import { market, need, offer } from '../../helpers/catalogue.js'

t.test(
  'a published offer becomes searchable for buyers once indexed, with highlights and facets; drafts and archived ones do not',
  async (t) => {
    const app = await build(t, { outbox: { start: false } })
    const m = await market(app)
    const created = await m.smeAgent.inject({
      method: 'POST',
      url: `/api/organisations/${m.sme}/offers`,
      payload: offer({ status: 'draft' }),
    })
    t.equal(created.statusCode, 201)
    const id = created.json().id
    await app.outbox.drain()
    t.equal(
      (await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus' })).json().total,
      0,
      'a draft is not searchable',
    )

    await m.smeAgent.inject({
      method: 'PATCH',
      url: `/api/organisations/${m.sme}/offers/${id}`,
      payload: { status: 'published' },
    })
    await app.outbox.drain()
    const result = (
      await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus%20elettrici&cpv=3412&trlMin=7' })
    ).json()
    t.equal(result.total, 1)
    t.match(result.hits[0], {
      id,
      organisationName: 'Alpha Srl',
      region: 'ITC1',
      trl: 8,
      cpv: ['34121000', '34144900'],
    })
    t.match(result.hits[0].highlight.title, /<mark>Autobus<\/mark> <mark>elettrici<\/mark>/)
    t.same(result.facets.cpvDivision, { '34': 1 })
    t.equal(result.engine, 'postgres')
    t.equal(
      (await m.buyerAgent.inject({ method: 'GET', url: `/api/offers/${id}` })).json().title,
      'Autobus elettrici per il trasporto urbano',
    )

    await m.smeAgent.inject({
      method: 'PATCH',
      url: `/api/organisations/${m.sme}/offers/${id}`,
      payload: { status: 'archived' },
    })
    await app.outbox.drain()
    t.equal(
      (await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus' })).json().total,
      0,
      'archived offers leave the index',
    )
    t.equal((await m.buyerAgent.inject({ method: 'GET', url: `/api/offers/${id}` })).statusCode, 404)
  },
)

t.test('offers of an SME still pending validation are found only after the hub validates it', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app, { smeStatus: 'pending' })
  await m.smeAgent.inject({ method: 'POST', url: `/api/organisations/${m.sme}/offers`, payload: offer() })
  await app.outbox.drain()
  t.equal((await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus' })).json().total, 0)
  await m.hubAgent.inject({
    method: 'POST',
    url: `/api/organisers/${m.hub}/participants/${m.sme}/decision`,
    payload: { decision: 'validated' },
  })
  await app.outbox.drain()
  await app.outbox.drain()
  t.equal((await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus' })).json().total, 1)
})

t.test('a need for selected SMEs is seen by them, its hub and its owner only', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app)
  const id = (
    await m.buyerAgent.inject({
      method: 'POST',
      url: `/api/organisations/${m.buyer}/needs`,
      payload: need({ visibility: 'selected', visibleTo: [m.sme] }),
    })
  ).json().id
  await app.outbox.drain()
  const totals = async () =>
    Promise.all(
      [m.smeAgent, m.otherSmeAgent, m.hubAgent].map(
        async (a) => (await a.inject({ method: 'GET', url: '/api/search/needs?q=electric%20buses' })).json().total,
      ),
    )
  t.same(await totals(), [1, 0, 1], 'selected SME, other SME, hub')
  t.equal((await m.smeAgent.inject({ method: 'GET', url: `/api/needs/${id}` })).statusCode, 200)
  t.equal(
    (await m.otherSmeAgent.inject({ method: 'GET', url: `/api/needs/${id}` })).statusCode,
    404,
    'the other SME cannot read it by id either',
  )
  await m.buyerAgent.inject({
    method: 'PATCH',
    url: `/api/organisations/${m.buyer}/needs/${id}`,
    payload: { visibility: 'public' },
  })
  await app.outbox.drain()
  t.same(await totals(), [1, 1, 1], 'made public, everyone sees it')
})

t.test('bad listings are refused field by field and nothing is written', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app)
  const bad = await m.smeAgent.inject({
    method: 'POST',
    url: `/api/organisations/${m.sme}/offers`,
    payload: offer({ cpvMain: '3412', trl: 10, language: 'Italian' }),
  })
  t.equal(bad.statusCode, 400)
  t.same(
    bad
      .json()
      .errors.map((e: { field: string }) => e.field)
      .sort(),
    ['body.cpvMain', 'body.language', 'body.trl'],
  )
  const budget = await m.buyerAgent.inject({
    method: 'POST',
    url: `/api/organisations/${m.buyer}/needs`,
    payload: need({ budgetMinEur: 10, budgetMaxEur: 5, visibility: 'selected', visibleTo: [m.buyer] }),
  })
  t.same(
    budget.json().errors.map((e: { field: string }) => e.field),
    ['body.budgetMaxEur', 'body.visibleTo.0'],
  )
  const wrongKind = await m.buyerAgent.inject({
    method: 'POST',
    url: `/api/organisations/${m.buyer}/offers`,
    payload: offer(),
  })
  t.same([wrongKind.statusCode, wrongKind.json().code], [403, 'catalogue.wrong_kind'])
  const [counts] =
    await app.sql`select (select count(*) from offers)::int as offers, (select count(*) from needs)::int as needs, (select count(*) from outbox)::int as outbox`
  t.same(counts, { offers: 0, needs: 0, outbox: 0 })
})

t.test('an SME cannot touch another SME’s offer, even with the right offer id', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app)
  const id = (
    await m.smeAgent.inject({ method: 'POST', url: `/api/organisations/${m.sme}/offers`, payload: offer() })
  ).json().id
  const viaOwnOrg = await m.otherSmeAgent.inject({
    method: 'PATCH',
    url: `/api/organisations/${m.otherSme}/offers/${id}`,
    payload: { title: 'Hijacked offer' },
  })
  t.equal(viaOwnOrg.statusCode, 404)
  const viaTheirs = await m.otherSmeAgent.inject({ method: 'DELETE', url: `/api/organisations/${m.sme}/offers/${id}` })
  t.equal(viaTheirs.statusCode, 403)
  const [row] = await app.sql`select title from offers where id = ${id}`
  t.equal(row!.title, 'Autobus elettrici per il trasporto urbano')
})

t.test(
  'with the search engine down, writes succeed and the index catches up when an engine answers; nothing is lost',
  async (t) => {
    const down = await build(t, {
      env: { MEILI_HOST: `http://127.0.0.1:${await freePort()}` },
      outbox: { start: false },
    })
    const m = await market(down)
    for (const title of ['Autobus elettrici 12 metri', 'Autobus elettrici 18 metri', 'Autobus a idrogeno']) {
      t.equal(
        (
          await m.smeAgent.inject({
            method: 'POST',
            url: `/api/organisations/${m.sme}/offers`,
            payload: offer({ title }),
          })
        ).statusCode,
        201,
      )
    }
    await down.outbox.drain()
    const [waiting] =
      await down.sql`select count(*)::int as n, min(attempts)::int as attempts, bool_and(last_error is not null) as failed from outbox where done_at is null`
    t.same(waiting, { n: 3, attempts: 1, failed: true })

    const up = await build(t, { databaseUrl: down.database.url, outbox: { start: false } })
    await up.sql`update outbox set available_at = now()`
    t.equal(await up.outbox.drain(), 3)
    const buyer = (
      await up.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { email: 'anna@nordbahn.example', password: 'correct horse battery' },
      })
    ).cookies[0]!.value
    const found = await up.inject({
      method: 'GET',
      url: '/api/search/offers?q=autobus',
      headers: { cookie: `mtb_session=${buyer}` },
    })
    t.equal(found.json().total, 3)
  },
)

t.test('codes must exist in their vocabularies', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app)
  const res = await m.smeAgent.inject({
    method: 'POST',
    url: `/api/organisations/${m.sme}/offers`,
    payload: offer({ cpvMain: '34121001', cpvExtra: ['99999999'], naceCode: '04.10', s3Domain: 'tourism' }),
  })
  t.equal(res.statusCode, 400)
  t.same(
    res.json().errors.map((e: { field: string; code: string }) => `${e.field}:${e.code}`),
    ['body.cpvMain:cpv', 'body.cpvExtra.0:cpv', 'body.naceCode:nace', 'body.s3Domain:s3'],
  )
})

t.test('the code picker finds CPV codes by words in either language', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const italian = (await app.inject({ method: 'GET', url: '/api/taxonomies/cpv?q=autobus&lang=it' })).json()
  t.equal(italian[0].code, '34121000')
  const english = (await app.inject({ method: 'GET', url: '/api/taxonomies/cpv?q=buses&lang=en' })).json()
  t.equal(english[0].code, '34121000')
  t.not(english[0].label, english[0].labelOther, 'both languages are given')
  const region = (await app.inject({ method: 'GET', url: '/api/taxonomies/nuts2?q=piemonte&lang=it' })).json()
  t.equal(region[0].code, 'ITC1')
  t.equal((await app.inject({ method: 'GET', url: '/api/taxonomies/colours?q=red' })).statusCode, 400)
})
