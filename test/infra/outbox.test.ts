import t from 'tap'
import { build } from '../helpers/build.js'
import { startSmtp } from '../helpers/smtp.js'
import { createOrgWithAdmin } from '../helpers/accounts.js'

t.test('mail written while the SMTP server is down is delivered once it is back; nothing is lost', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { start: false } })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  await smtp.stop()

  const res = await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'ada@alpha.example' } })
  t.equal(res.statusCode, 202, 'the request succeeds with the mail server down')
  t.equal(await app.outbox.drain(), 1)
  const [pending] = await app.sql`select attempts, last_error is not null as failed, done_at from outbox`
  t.same(pending, { attempts: 1, failed: true, done_at: null })

  await smtp.restart()
  t.equal(await app.outbox.drain(), 0, 'not retried before its backoff is over')
  await app.sql`update outbox set available_at = now()`
  await app.outbox.drain()
  const mail = await smtp.waitForMail('ada@alpha.example')
  t.equal(mail.subject, 'Your Meet the Buyer sign-in link')
  const [done] = await app.sql`select attempts, done_at is not null as done from outbox`
  t.same(done, { attempts: 2, done: true })
})

t.test('retries back off exponentially and give up after the maximum, keeping the row', async (t) => {
  const app = await build(t, { outbox: { start: false, baseDelayMs: 1000, maxAttempts: 3 } })
  app.outbox.register('probe', async () => {
    throw new Error('still down')
  })
  await app.outbox.enqueue(app.db, 'probe', { n: 1 })
  t.equal(await app.outbox.drain(), 1)
  const [first] = await app.sql`select attempts, extract(epoch from available_at - now())::int as wait from outbox`
  t.equal(first!.attempts, 1)
  t.ok(first!.wait >= 0 && first!.wait <= 1, 'first retry after about 1 s')
  t.equal(await app.outbox.drain(), 0, 'not retried before it is due')
  for (const attempts of [2, 3]) {
    await app.sql`update outbox set available_at = now()`
    await app.outbox.drain()
    const [row] =
      await app.sql`select attempts, failed_at is not null as failed, extract(epoch from available_at - now())::int as wait from outbox`
    t.equal(row!.attempts, attempts)
    t.equal(row!.failed, attempts === 3)
  }
  const [last] = await app.sql`select last_error, payload from outbox`
  t.same(last, { last_error: 'still down', payload: { n: 1 } })
})

t.test('two workers never process the same row', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const second = await build(t, { databaseUrl: app.database.url, outbox: { start: false } })
  const seen: number[] = []
  for (const instance of [app, second])
    instance.outbox.register('count', async (payload) => void seen.push((payload as { n: number }).n))
  for (let n = 0; n < 40; n++) await app.outbox.enqueue(app.db, 'count', { n })
  const [a, b] = await Promise.all([app.outbox.drain(), second.outbox.drain()])
  t.equal(a + b, 40)
  t.same(
    [...seen].sort((x, y) => x - y),
    Array.from({ length: 40 }, (_, n) => n),
  )
})
