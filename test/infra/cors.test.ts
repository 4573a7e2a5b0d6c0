import t from 'tap'
import { build } from '../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { ConfigError, loadConfig } from '../../server/config.js'

const PARTNER = 'https://partner.example.eu'
const STRANGER = 'https://evil.example'
const preflight = (origin: string, method = 'POST') => ({
  method: 'OPTIONS' as const,
  url: '/api/auth/magic-link',
  headers: {
    origin,
    'access-control-request-method': method,
    'access-control-request-headers': 'content-type,x-csrf-token',
  },
})

t.test('without CORS_ORIGINS no foreign page may read the API or send it writes', async (t) => {
  const app = await build(t)
  const read = await app.inject({ method: 'GET', url: '/health', headers: { origin: STRANGER } })
  t.equal(read.statusCode, 200)
  t.equal(read.headers['access-control-allow-origin'], undefined)
  t.equal(read.headers['access-control-allow-credentials'], undefined)
  t.match(read.headers.vary, /Origin/, 'caches keep answers per origin')

  const asked = await app.inject(preflight(STRANGER))
  t.equal(asked.statusCode, 404, 'a preflight from a foreign page is not answered')
  t.equal(asked.headers['access-control-allow-origin'], undefined)
  t.equal(asked.headers['access-control-allow-methods'], undefined)

  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const write = await ada.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Mallory' },
    headers: { origin: STRANGER },
  })
  t.same([write.statusCode, write.json().code], [403, 'auth.origin_rejected'])
  t.equal(write.headers['access-control-allow-origin'], undefined)
  t.equal(
    (await ada.inject({ method: 'GET', url: '/api/auth/session' })).json().user.name,
    'ada',
    'the name is unchanged',
  )
})

t.test('an origin listed in CORS_ORIGINS may read and write with credentials; others still may not', async (t) => {
  const app = await build(t, { env: { CORS_ORIGINS: `${PARTNER}, https://other.example.eu:8443` } })
  const read = await app.inject({ method: 'GET', url: '/health', headers: { origin: PARTNER } })
  t.equal(read.headers['access-control-allow-origin'], PARTNER)
  t.equal(read.headers['access-control-allow-credentials'], 'true')
  t.equal(read.headers['access-control-expose-headers'], 'retry-after, x-request-id, content-disposition')

  const asked = await app.inject(preflight(PARTNER, 'PATCH'))
  t.equal(asked.statusCode, 204)
  t.equal(asked.headers['access-control-allow-origin'], PARTNER)
  t.equal(asked.headers['access-control-allow-methods'], 'GET, HEAD, POST, PUT, PATCH, DELETE')
  t.equal(asked.headers['access-control-allow-headers'], 'content-type, x-csrf-token, x-request-id')
  t.equal(asked.headers['access-control-max-age'], '600')
  t.equal(
    (await app.inject(preflight('https://other.example.eu:8443'))).headers['access-control-allow-origin'],
    'https://other.example.eu:8443',
  )

  const stranger = await app.inject({ method: 'GET', url: '/health', headers: { origin: STRANGER } })
  t.equal(stranger.headers['access-control-allow-origin'], undefined)
  t.equal((await app.inject(preflight(STRANGER))).statusCode, 404)
  t.equal(
    (await app.inject(preflight('https://partner.example.eu.evil.example'))).statusCode,
    404,
    'a listed origin is matched whole',
  )

  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const write = await ada.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Ada Lovelace' },
    headers: { origin: PARTNER },
  })
  t.equal(write.statusCode, 200, write.body)
  t.equal(write.headers['access-control-allow-origin'], PARTNER)
  const refused = await ada.inject({
    method: 'PATCH',
    url: '/api/me',
    payload: { name: 'Mallory' },
    headers: { origin: STRANGER },
  })
  t.same([refused.statusCode, refused.json().code], [403, 'auth.origin_rejected'])
  t.equal((await ada.inject({ method: 'GET', url: '/api/auth/session' })).json().user.name, 'Ada Lovelace')
})

t.test('CORS_ORIGINS accepts only bare origins', async (t) => {
  t.same(loadConfig({ CORS_ORIGINS: ' https://a.example , http://b.example:8080 ' }).corsOrigins, [
    'https://a.example',
    'http://b.example:8080',
  ])
  t.same(loadConfig({}).corsOrigins, [])
  const error = t.throws(() =>
    loadConfig({ CORS_ORIGINS: '*,https://a.example/path,ftp://c.example,https://ok.example' }),
  ) as ConfigError
  t.ok(error instanceof ConfigError)
  t.equal(error.problems.length, 3)
  t.match(error.problems[0], /CORS_ORIGINS must list origins such as https:\/\/partner\.example\.eu.*"\*"/)
  t.match(error.problems[1], /"https:\/\/a\.example\/path"/)
  t.match(error.problems[2], /"ftp:\/\/c\.example"/)
})
