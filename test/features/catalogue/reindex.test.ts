import t from 'tap'
import { runCli } from '../../helpers/cli.js'
import { build } from '../../helpers/build.js'
import { market, need, offer } from '../../helpers/catalogue.js'

t.test('reindex rebuilds a lost index from PostgreSQL, showing progress', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app)
  for (const title of ['Autobus elettrici 12 metri', 'Autobus elettrici 18 metri', 'Autobus a idrogeno']) {
    await m.smeAgent.inject({ method: 'POST', url: `/api/organisations/${m.sme}/offers`, payload: offer({ title }) })
  }
  await m.smeAgent.inject({
    method: 'POST',
    url: `/api/organisations/${m.sme}/offers`,
    payload: offer({ title: 'Bozza non pubblicata', status: 'draft' }),
  })
  await m.buyerAgent.inject({ method: 'POST', url: `/api/organisations/${m.buyer}/needs`, payload: need() })
  await app.outbox.drain()
  await app.sql`delete from search_documents`
  t.equal(
    (await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus' })).json().total,
    0,
    'the index is lost',
  )

  const result = await runCli(['reindex'], { DATABASE_URL: app.database.url })
  t.equal(result.status, 0, result.stderr)
  t.match(JSON.parse(result.stdout), { engine: 'postgres', offers: 4, needs: 1 })
  t.match(result.stderr, /offers\s+\[#{30}\] 4\/4 100%/)
  t.match(result.stderr, /needs\s+\[#{30}\] 1\/1 100%/)
  t.equal(
    (await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=autobus' })).json().total,
    3,
    'published offers are back, the draft is not',
  )
  t.equal((await m.smeAgent.inject({ method: 'GET', url: '/api/search/needs?q=electric' })).json().total, 1)
})
