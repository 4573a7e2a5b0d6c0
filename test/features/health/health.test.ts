import t from 'tap'
import postgres from 'postgres'
import { build } from '../../helpers/build.js'
import { freePort } from '../../../server/infra/ports.js'
import { testServerUrl } from '../../helpers/db.js'

t.test('health is ok when the database answers, with each component named', async (t) => {
  const app = await build(t)
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 200)
  t.equal(res.headers['cache-control'], 'no-store')
  const body = res.json()
  t.equal(body.status, 'ok')
  t.match(body.database, { state: 'up', engine: 'postgres (external)' })
  t.match(body.search, { state: 'up', engine: 'postgres' })
  t.match(body.mail, { state: 'up', engine: 'captured' })
  t.match(body.version, /^\d+\.\d+\.\d+/)
})

t.test('search and mail servers that do not answer degrade health but keep it 200', async (t) => {
  const [meiliPort, smtpPort] = [await freePort(), await freePort()]
  const app = await build(t, {
    env: { MEILI_HOST: `http://127.0.0.1:${meiliPort}`, SMTP_URL: `smtp://127.0.0.1:${smtpPort}` },
  })
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 200)
  const body = res.json()
  t.equal(body.status, 'degraded')
  t.match(body.database, { state: 'up' })
  t.match(body.search, { state: 'down', engine: 'meilisearch' })
  t.match(body.mail, { state: 'down', engine: 'smtp' })
})

t.test('health is 503 "down" when the database is gone', async (t) => {
  const app = await build(t)
  const [row] = await app.sql<{ name: string }[]>`select current_database() as name`
  const admin = postgres(testServerUrl(), { max: 1, onnotice: () => {} })
  await admin.unsafe(`drop database "${row!.name}" with (force)`)
  await admin.end()
  const res = await app.inject({ method: 'GET', url: '/health' })
  t.equal(res.statusCode, 503)
  t.equal(res.json().status, 'down')
  t.equal(res.json().database.state, 'down')
})
