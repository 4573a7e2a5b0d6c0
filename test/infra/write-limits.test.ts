import t, { type Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build } from '../helpers/build.js'
import { createOrgWithAdmin, PASSWORD, signIn } from '../helpers/accounts.js'
import { fixedClock } from '../../server/infra/clock.js'
import { loadConfig, type ConfigError } from '../../server/config.js'
import { AUTH_ROUTES } from '../../server/infra/security-limits.js'

function assertTooMany(t: Test, res: LightMyRequestResponse, retryAfter: string, what: string) {
  t.equal(res.statusCode, 429, what)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.equal(res.headers['retry-after'], retryAfter, `${what}: Retry-After`)
  t.match(res.json(), {
    status: 429,
    code: 'rate_limit.exceeded',
    title: 'Too many requests',
    detail: `Try again in ${retryAfter} s.`,
  })
}

t.test(
  'writes beyond RATE_LIMIT_WRITES a minute get a 429 problem with Retry-After and change nothing; reads and other people go on',
  async (t) => {
    const clock = fixedClock('2026-11-23T10:00:20Z')
    const app = await build(t, { clock, env: { RATE_LIMIT_WRITES: '3' } })
    await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
    await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn', email: 'bob@nordbahn.example' })
    const ada = await signIn(app, 'ada@alpha.example')
    const bob = await signIn(app, 'bob@nordbahn.example')
    const rename = (as: typeof ada, name: string) => as.inject({ method: 'PATCH', url: '/api/me', payload: { name } })

    for (const name of ['Ada 1', 'Ada 2', 'Ada 3']) t.equal((await rename(ada, name)).statusCode, 200)
    assertTooMany(t, await rename(ada, 'Ada 4'), '40', 'the fourth write in the minute')
    for (let i = 0; i < 5; i++)
      t.equal((await ada.inject({ method: 'GET', url: '/api/auth/session' })).statusCode, 200, 'reads are not counted')
    t.equal(
      (await ada.inject({ method: 'GET', url: '/api/me' })).json().name,
      'Ada 3',
      'the refused write changed nothing',
    )
    t.equal((await rename(bob, 'Bob')).statusCode, 200, 'another person is not held back')

    clock.advance(40_000)
    t.equal((await rename(ada, 'Ada 5')).statusCode, 200, 'the next minute allows writes again')
  },
)

t.test('signed-out writes are counted per address, refused ones included', async (t) => {
  const clock = fixedClock('2026-11-23T10:00:00Z')
  const app = await build(t, { clock, env: { RATE_LIMIT_WRITES: '2' } })
  const post = (remoteAddress: string) =>
    app.inject({ method: 'PATCH', url: '/api/me', payload: { name: 'x' }, remoteAddress })
  t.equal((await post('192.0.2.1')).statusCode, 401)
  t.equal((await post('192.0.2.1')).statusCode, 401)
  assertTooMany(t, await post('192.0.2.1'), '60', 'the third write from one address')
  t.equal((await post('192.0.2.2')).statusCode, 401, 'another address is counted apart')
})

t.test(
  'sign-in, sign-up, link and invitation requests have a stricter limit per address, over 15 minutes',
  async (t) => {
    const clock = fixedClock('2026-11-23T10:05:00Z')
    const app = await build(t, { clock, env: { RATE_LIMIT_AUTH: '2' } })
    await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
    const attempt = (password: string, remoteAddress: string) =>
      app.inject({
        method: 'POST',
        url: '/api/auth/password',
        payload: { email: 'ada@alpha.example', password },
        remoteAddress,
      })
    t.equal((await attempt('guess-one-1', '198.51.100.7')).statusCode, 401)
    t.equal((await attempt('guess-two-2', '198.51.100.7')).statusCode, 401)
    assertTooMany(t, await attempt(PASSWORD, '198.51.100.7'), '600', 'the third attempt, even with the right password')
    const link = await app.inject({
      method: 'POST',
      url: '/api/auth/magic-link',
      payload: { email: 'ada@alpha.example' },
      remoteAddress: '198.51.100.7',
    })
    assertTooMany(t, link, '600', 'a link request shares the limit')
    const invitation = await app.inject({
      method: 'POST',
      url: '/api/invitations/accept',
      payload: {},
      remoteAddress: '198.51.100.7',
    })
    assertTooMany(t, invitation, '600', 'so does accepting an invitation')
    t.equal((await app.sql`select count(*)::int as n from sessions`)[0]!.n, 0, 'no session was started')
    t.equal((await attempt(PASSWORD, '198.51.100.8')).statusCode, 200, 'another address signs in')

    clock.advance(600_000)
    t.equal((await attempt(PASSWORD, '198.51.100.7')).statusCode, 200, 'the next window lets the address in again')
  },
)

t.test('every POST, PUT, PATCH and DELETE route is rate limited', async (t) => {
  const app = await build(t, {
    clock: fixedClock('2026-11-23T10:00:00Z'),
    env: { RATE_LIMIT_WRITES: '1', RATE_LIMIT_AUTH: '1' },
  })
  const writes = app.routeRules().filter((route) => !['GET', 'HEAD', 'OPTIONS'].includes(route.method))
  t.ok(writes.length >= 60, `${writes.length} write routes`)
  t.ok(
    [...AUTH_ROUTES].every((url) => writes.some((route) => route.url === url)),
    'the stricter routes exist',
  )
  let n = 0
  for (const route of writes) {
    n += 1
    const remoteAddress = `10.${Math.floor(n / 250)}.${n % 250}.9`
    const url = route.url.replace(/:[A-Za-z]+/g, '00000000-0000-4000-8000-000000000000').replace(/\*$/, 'x')
    const send = () => app.inject({ method: route.method as 'POST', url, payload: {}, remoteAddress })
    const first = await send()
    t.not(first.statusCode, 429, `${route.method} ${route.url}: the first is let through`)
    const second = await send()
    t.same(
      [second.statusCode, second.headers['retry-after']],
      [429, AUTH_ROUTES.has(route.url) ? '900' : '60'],
      `${route.method} ${route.url}`,
    )
  }
})

t.test('RATE_LIMIT_WRITES=0 turns the write limit off; bad values stop start-up', async (t) => {
  const app = await build(t, { clock: fixedClock('2026-11-23T10:00:00Z'), env: { RATE_LIMIT_WRITES: '0' } })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const codes = []
  for (let i = 0; i < 25; i++)
    codes.push((await ada.inject({ method: 'PATCH', url: '/api/me', payload: { name: `Ada ${i}` } })).statusCode)
  t.same(new Set(codes), new Set([200]))

  t.same([loadConfig({}).rateLimitWrites, loadConfig({}).rateLimitAuth], [300, 30], 'defaults')
  const error = t.throws(() => loadConfig({ RATE_LIMIT_WRITES: '-1', RATE_LIMIT_AUTH: 'lots' })) as ConfigError
  t.same(error.problems, [
    'RATE_LIMIT_WRITES must be a whole number, 0 for no limit (got "-1")',
    'RATE_LIMIT_AUTH must be a whole number, 0 for no limit (got "lots")',
  ])
})

t.test('TRUST_PROXY decides whose address is counted', async (t) => {
  t.equal(loadConfig({}).trustProxy, false)
  t.equal(loadConfig({ TRUST_PROXY: 'true' }).trustProxy, true)
  t.same(loadConfig({ TRUST_PROXY: '10.0.0.0/8, ::1, loopback' }).trustProxy, ['10.0.0.0/8', '::1', 'loopback'])
  t.throws(
    () => loadConfig({ TRUST_PROXY: '10.0.0.0/40,proxy.example' }),
    /TRUST_PROXY must be true, false, or addresses.*10\.0\.0\.0\/40, proxy\.example/,
  )

  const clock = fixedClock('2026-11-23T10:00:00Z')
  const behind = await build(t, { clock, env: { RATE_LIMIT_WRITES: '1', TRUST_PROXY: '10.0.0.0/8' } })
  const post = (client: string, remoteAddress = '10.0.0.2') =>
    behind.inject({
      method: 'PATCH',
      url: '/api/me',
      payload: {},
      remoteAddress,
      headers: { 'x-forwarded-for': client },
    })
  t.equal((await post('203.0.113.1')).statusCode, 401)
  t.equal((await post('203.0.113.2')).statusCode, 401, 'two clients behind one trusted proxy are counted apart')
  t.equal((await post('203.0.113.1')).statusCode, 429)
  t.equal(
    (await post('203.0.113.9', '192.0.2.50')).statusCode,
    401,
    'an untrusted sender is counted by its own address',
  )
  t.equal((await post('203.0.113.10', '192.0.2.50')).statusCode, 429, 'whatever X-Forwarded-For it claims')
})
