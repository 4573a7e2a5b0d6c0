import t from 'tap'
import { sql } from 'drizzle-orm'
import { build } from '../../helpers/build.js'
import { startSmtp, linkIn } from '../../helpers/smtp.js'
import { createOrgWithAdmin, PASSWORD, signIn } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'

const tokenOf = (url: string) => new URL(url).searchParams.get('token')!

t.test('a magic link signs in once, then never again', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })

  const asked = await app.inject({
    method: 'POST',
    url: '/api/auth/magic-link',
    payload: { email: 'Ada@Alpha.example' },
  })
  t.equal(asked.statusCode, 202)
  const mail = await smtp.waitForMail('ada@alpha.example')
  t.equal(mail.subject, 'Your Meet the Buyer sign-in link')
  t.match(mail.html, /<a href="http:\/\/127\.0\.0\.1:3000\/auth\/verify\?token=/)
  const token = tokenOf(linkIn(mail, '/auth/verify?token='))

  const first = await app.inject({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } })
  t.equal(first.statusCode, 200)
  t.equal(first.json().user.email, 'ada@alpha.example')
  const cookie = first.cookies.find((c) => c.name === 'mtb_session')!
  t.equal(cookie.httpOnly, true)
  t.equal(cookie.sameSite, 'Lax')

  const again = await app.inject({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } })
  t.equal(again.statusCode, 410)
  t.equal(again.json().code, 'auth.link_invalid')
})

t.test('a magic link expires after 15 minutes', async (t) => {
  const smtp = await startSmtp(t)
  const clock = fixedClock('2026-11-23T10:00:00Z')
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 }, clock })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'ada@alpha.example' } })
  const token = tokenOf(linkIn(await smtp.waitForMail('ada@alpha.example'), '/auth/verify?token='))
  clock.advance(15 * 60_000 + 1000)
  const late = await app.inject({ method: 'POST', url: '/api/auth/magic-link/verify', payload: { token } })
  t.equal(late.statusCode, 410)
  t.equal(late.json().code, 'auth.link_invalid')
})

t.test('links are stored hashed: the token in the mail is not in the database', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'ada@alpha.example' } })
  const token = tokenOf(linkIn(await smtp.waitForMail('ada@alpha.example'), '/auth/verify?token='))
  await app.outbox.drain() // the mail may be received a moment before its row is marked done
  const [found] = await app.sql`select count(*)::int as n from login_tokens where token_hash = ${token}`
  t.equal(found!.n, 0)
  const [outbox] = await app.sql`select count(*)::int as n from outbox where payload::text like ${'%' + token + '%'}`
  t.equal(outbox!.n, 0, 'the sent mail is cleared from the outbox')
})

t.test('an unknown e-mail gets the same answer and no mail', async (t) => {
  const smtp = await startSmtp(t)
  const app = await build(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  const res = await app.inject({
    method: 'POST',
    url: '/api/auth/magic-link',
    payload: { email: 'nobody@nowhere.example' },
  })
  t.equal(res.statusCode, 202)
  await app.outbox.drain()
  t.equal(smtp.mails.length, 0)
})

t.test('password sign-in: right password in, wrong one out with the same problem as an unknown e-mail', async (t) => {
  const app = await build(t)
  await createOrgWithAdmin(app, { kind: 'buyer', name: 'Beta', email: 'bo@beta.example' })
  const ok = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { email: 'bo@beta.example', password: PASSWORD },
  })
  t.equal(ok.statusCode, 200)
  const wrong = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { email: 'bo@beta.example', password: 'not it at all' },
  })
  const unknown = await app.inject({
    method: 'POST',
    url: '/api/auth/password',
    payload: { email: 'nobody@beta.example', password: 'not it at all' },
  })
  t.equal(wrong.statusCode, 401)
  t.equal(wrong.json().code, 'auth.invalid_credentials')
  t.same([unknown.statusCode, unknown.json().code], [401, 'auth.invalid_credentials'])
  const [row] = await app.sql`select password_hash from users where email = 'bo@beta.example'`
  t.match(row!.password_hash, /^\$argon2id\$/)
})

t.test('sign-in attempts are rate limited per e-mail, with Retry-After', async (t) => {
  // A standing clock: the eleven attempts must fall in one window however slowly the machine hashes them.
  const app = await build(t, { clock: fixedClock('2027-01-12T10:01:00Z') })
  await createOrgWithAdmin(app, { kind: 'buyer', name: 'Beta', email: 'bo@beta.example' })
  const codes: number[] = []
  let last
  for (let i = 0; i < 11; i++) {
    last = await app.inject({
      method: 'POST',
      url: '/api/auth/password',
      payload: { email: 'bo@beta.example', password: 'guess ' + i },
      remoteAddress: `10.1.0.${i}`,
    })
    codes.push(last.statusCode)
  }
  t.same(codes, [...Array(10).fill(401), 429])
  t.equal(last!.json().code, 'rate_limit.exceeded')
  t.ok(Number(last!.headers['retry-after']) > 0)
})

t.test('sign-in links are rate limited per e-mail', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const codes = []
  for (let i = 0; i < 6; i++)
    codes.push(
      (
        await app.inject({
          method: 'POST',
          url: '/api/auth/magic-link',
          payload: { email: 'x@y.example' },
          remoteAddress: `10.2.0.${i}`,
        })
      ).statusCode,
    )
  t.same(codes, [202, 202, 202, 202, 202, 429])
})

t.test('signing out everywhere ends every session of the user', async (t) => {
  const app = await build(t)
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const laptop = await signIn(app, 'ada@alpha.example')
  const phone = await signIn(app, 'ada@alpha.example')
  t.equal((await phone.inject({ method: 'GET', url: '/api/auth/session' })).statusCode, 200)
  t.equal((await laptop.inject({ method: 'POST', url: '/api/auth/sign-out-everywhere' })).statusCode, 204)
  t.equal((await phone.inject({ method: 'GET', url: '/api/auth/session' })).statusCode, 401)
  t.equal((await laptop.inject({ method: 'GET', url: '/api/auth/session' })).statusCode, 401)
  const [left] = await app.db.execute<{ n: number }>(sql`select count(*)::int as n from sessions`)
  t.equal(left!.n, 0)
})

t.test('a cookie-authenticated write without the CSRF token is refused and changes nothing', async (t) => {
  const app = await build(t)
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const res = await app.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Mallory' },
    headers: { cookie: `mtb_session=${ada.cookie}` },
  })
  t.equal(res.statusCode, 403)
  t.equal(res.json().code, 'auth.csrf_failed')
  const forged = await app.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Mallory' },
    headers: { cookie: `mtb_session=${ada.cookie}`, 'x-csrf-token': 'guess' },
  })
  t.equal(forged.statusCode, 403)
  const foreign = await ada.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Mallory' },
    headers: { origin: 'https://evil.example' },
  })
  t.same([foreign.statusCode, foreign.json().code], [403, 'auth.origin_rejected'])
  t.equal((await ada.inject({ method: 'GET', url: '/api/me' })).json().name, 'ada')
  const ok = await ada.inject({ method: 'PATCH', url: '/api/me', payload: { name: 'Ada Lovelace' } })
  t.equal(ok.json().name, 'Ada Lovelace')
})

t.test('old rate-limit windows are pruned', async (t) => {
  const clock = fixedClock('2026-11-23T10:00:00Z')
  const app = await build(t, { clock, outbox: { start: false } })
  await app.inject({ method: 'POST', url: '/api/auth/magic-link', payload: { email: 'x@y.example' } })
  const { createRateLimiter } = await import('../../../server/infra/rate-limit.js')
  const limiter = createRateLimiter(app.db, clock)
  await limiter.prune()
  t.equal(
    (await app.sql`select count(*)::int as n from rate_limit_hits`)[0]!.n,
    3,
    'recent windows stay (per address for sign-in routes, per address and per e-mail for links)',
  )
  clock.advance(2 * 86_400_000)
  await limiter.prune()
  t.equal((await app.sql`select count(*)::int as n from rate_limit_hits`)[0]!.n, 0)
})
