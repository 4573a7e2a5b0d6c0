import t from 'tap'
import { build } from '../helpers/build.js'
import { PERMISSIONS_POLICY } from '../../server/infra/security.js'

const APP_POLICY =
  "default-src 'self';base-uri 'none';connect-src 'self' ws://127.0.0.1:3000;font-src 'self';form-action 'self';frame-ancestors 'none';img-src 'self' data:;manifest-src 'self';object-src 'none';script-src 'self';script-src-attr 'none';style-src 'self';worker-src 'none'"

t.test('the web page, API answers and problems carry the strict policy and the hardening headers', async (t) => {
  const app = await build(t, { env: { SERVE_WEB: 'true' } })
  for (const [url, accept] of [
    ['/', 'text/html'],
    ['/health', 'application/json'],
    ['/api/no-such-thing', 'application/json'],
  ] as const) {
    const res = await app.inject({ method: 'GET', url, headers: { accept } })
    t.equal(res.headers['content-security-policy'], APP_POLICY, `${url}: policy`)
    t.equal(res.headers['x-frame-options'], 'DENY', `${url}: no framing`)
    t.equal(res.headers['x-content-type-options'], 'nosniff', `${url}: no sniffing`)
    t.equal(res.headers['referrer-policy'], 'no-referrer', `${url}: no referrer (sign-in links carry tokens)`)
    t.equal(res.headers['cross-origin-opener-policy'], 'same-origin')
    t.equal(res.headers['cross-origin-resource-policy'], 'same-origin')
    t.equal(res.headers['permissions-policy'], PERMISSIONS_POLICY)
    t.equal(res.headers['strict-transport-security'], undefined, `${url}: no HSTS on a plain-HTTP address`)
  }
  t.match(
    (await app.inject({ method: 'GET', url: '/', headers: { accept: 'text/html' } })).headers['content-type'],
    /^text\/html/,
  )
})

t.test('behind HTTPS the policy upgrades requests, uses wss for the live socket, and HSTS is sent', async (t) => {
  const app = await build(t, { env: { PUBLIC_URL: 'https://mtb.example.eu' } })
  const res = await app.inject({ method: 'GET', url: '/health' })
  const policy = String(res.headers['content-security-policy'])
  t.match(policy, /connect-src 'self' wss:\/\/mtb\.example\.eu;/)
  t.ok(policy.endsWith(';upgrade-insecure-requests'), policy)
  t.equal(res.headers['strict-transport-security'], 'max-age=31536000')
})

t.test('only the API documentation page may use inline styles (Swagger UI writes style elements)', async (t) => {
  const app = await build(t)
  const docs = await app.inject({ method: 'GET', url: '/docs' })
  t.equal(docs.statusCode, 200)
  t.equal(
    docs.headers['content-security-policy'],
    APP_POLICY.replace("style-src 'self'", "style-src 'self' 'unsafe-inline'"),
  )
  const spec = await app.inject({ method: 'GET', url: '/docs/json' })
  t.match(spec.headers['content-security-policy'], /style-src 'self' 'unsafe-inline'/)
})
