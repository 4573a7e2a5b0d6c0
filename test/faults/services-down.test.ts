import t from 'tap'
import type { FastifyInstance } from 'fastify'
import { MAIL_TOPIC } from '../../server/infra/mailer.js'
import { freePort } from '../../server/infra/ports.js'
import { build } from '../helpers/build.js'
import { createOrgWithAdmin } from '../helpers/accounts.js'
import { market, offer } from '../helpers/catalogue.js'
import { waitFor } from '../helpers/load.js'
import { startSmtp } from '../helpers/smtp.js'

/** The outbox worker runs as in production (timer and LISTEN), retrying quickly. */
const RETRY_FAST = { pollMs: 100, baseDelayMs: 100, maxDelayMs: 300, maxAttempts: 1000 }

interface OutboxRow {
  topic: string
  attempts: number
  last_error: string | null
  done: boolean
}

const outboxRows = (app: FastifyInstance, topic: string) =>
  app.sql<
    OutboxRow[]
  >`select topic, attempts, last_error, done_at is not null as done from outbox where topic = ${topic} order by id`

const retried = (app: FastifyInstance, topic: string, count: number) =>
  waitFor(`${topic} rows retried`, async () => {
    const rows = await outboxRows(app, topic)
    return rows.length === count && rows.every((r) => !r.done && r.attempts >= 2 && r.last_error) ? rows : undefined
  })

t.test('Meilisearch unreachable: writes succeed, health is degraded, indexing is kept and retried', async (t) => {
  const app = await build(t, { env: { MEILI_HOST: `http://127.0.0.1:${await freePort()}` }, outbox: RETRY_FAST })
  const m = await market(app)
  const created = await m.smeAgent.inject({
    method: 'POST',
    url: `/api/organisations/${m.sme}/offers`,
    payload: offer(),
  })
  t.equal(created.statusCode, 201, 'the offer is saved with the search engine down')
  const rows = await retried(app, 'search.sync', 1)
  t.match(rows[0]!.last_error, /has failed|ECONNREFUSED/, 'the failure is recorded on the row')
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.equal(health.statusCode, 200)
  t.match(health.json(), {
    status: 'degraded',
    search: { state: 'down', engine: 'meilisearch' },
    database: { state: 'up' },
  })
  const listed = await m.smeAgent.inject({ method: 'GET', url: `/api/organisations/${m.sme}/offers` })
  t.same(
    listed.json().map((o: { id: string }) => o.id),
    [created.json().id],
    'and is read back from PostgreSQL',
  )
})

t.test(
  'the PostgreSQL search index failing: writes succeed, indexing is retried and catches up once it works again',
  async (t) => {
    const app = await build(t, { outbox: RETRY_FAST })
    const m = await market(app)
    await app.sql`alter table search_documents rename to search_documents_away`
    const created = await m.smeAgent.inject({
      method: 'POST',
      url: `/api/organisations/${m.sme}/offers`,
      payload: offer({ title: 'Filobus a idrogeno' }),
    })
    t.equal(created.statusCode, 201, 'the offer is saved while indexing fails')
    const [row] = await retried(app, 'search.sync', 1)
    t.match(row!.last_error, /search_documents/, 'the failure is recorded on the row')

    await app.sql`alter table search_documents_away rename to search_documents`
    await waitFor('indexing done', async () =>
      (await outboxRows(app, 'search.sync')).every((r) => r.done) ? true : undefined,
    )
    const found = await m.buyerAgent.inject({ method: 'GET', url: '/api/search/offers?q=filobus' })
    t.equal(found.statusCode, 200)
    t.same(
      found.json().hits.map((h: { id: string }) => h.id),
      [created.json().id],
      'the offer is found once the index works again',
    )
  },
)

t.test('SMTP server down: writes succeed, mail is retried and delivered once each when it is back', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: RETRY_FAST })
  const people = ['ada@alpha.example', 'bea@beta.example', 'cid@gamma.example']
  for (const [i, email] of people.entries()) await createOrgWithAdmin(app, { kind: 'sme', name: `Org ${i}`, email })
  await smtp.stop()

  for (const email of people) {
    const res = await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email } })
    t.equal(res.statusCode, 202, `the sign-in link for ${email} is accepted with the mail server down`)
  }
  const rows = await retried(app, 'mail', people.length)
  t.ok(
    rows.every((r) => /ECONNREFUSED|connect/i.test(r.last_error ?? '')),
    'each row records the refused connection',
  )
  const health = await app.inject({ method: 'GET', url: '/health' })
  t.match(health.json(), { status: 'degraded', mail: { state: 'down', engine: 'smtp' } })

  await smtp.restart()
  for (const email of people)
    t.equal(
      (await smtp.waitForMail(email, 15_000)).subject,
      'Your Meet the Buyer sign-in link',
      `${email} gets the link`,
    )
  await waitFor('mail rows done', async () => ((await outboxRows(app, 'mail')).every((r) => r.done) ? true : undefined))
  // A last mail queued after the others were done: once it is here, a second copy of any of them would be too.
  await app.db.transaction((tx) =>
    app.outbox.enqueue(tx, MAIL_TOPIC, { to: 'sentinel@example.eu', subject: 'Last', text: '.' }),
  )
  await smtp.waitForMail('sentinel@example.eu', 15_000)
  const recipients = smtp.mails
    .flatMap((mail) =>
      (Array.isArray(mail.to) ? mail.to : mail.to ? [mail.to] : []).flatMap((a) => a.value.map((v) => v.address)),
    )
    .filter((to) => to !== 'sentinel@example.eu')
  t.same(recipients.sort(), [...people].sort(), 'each mail is delivered exactly once')
})

t.test('a failing row is retried up to the maximum number of attempts, counted as numbers (10 after 9)', async (t) => {
  const app = await build(t, { outbox: { start: false, baseDelayMs: 1, maxAttempts: 10 } })
  app.outbox.register('down', async () => {
    throw new Error('still down')
  })
  await app.outbox.enqueue(app.db, 'down', {})
  const states: string[] = []
  for (let attempt = 1; attempt <= 10; attempt++) {
    await app.sql`update outbox set available_at = now()`
    await app.outbox.drain()
    const [row] = await app.sql<
      { attempts: number; failed: boolean }[]
    >`select attempts, failed_at is not null as failed from outbox`
    states.push(`${row!.attempts}:${row!.failed ? 'failed' : 'pending'}`)
  }
  t.same(states, [
    '1:pending',
    '2:pending',
    '3:pending',
    '4:pending',
    '5:pending',
    '6:pending',
    '7:pending',
    '8:pending',
    '9:pending',
    '10:failed',
  ])
})
