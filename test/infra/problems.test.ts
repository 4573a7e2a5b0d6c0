import t from 'tap'
import { Type } from '@sinclair/typebox'
import type { FastifyInstance } from 'fastify'
import { build } from '../helpers/build.js'
import { defineProblem, problemResponses } from '../../server/infra/problems.js'
import { access } from '../../server/infra/access.js'

const offerGone = defineProblem({ code: 'offers.not_found', status: 404, title: 'No such offer' })

/** A small feature of test routes, registered on the real app like any feature. */
async function probeRoutes(app: FastifyInstance) {
  app.post(
    '/api/probe',
    {
      config: { access: access.public },
      schema: {
        body: Type.Object(
          {
            email: Type.String({ format: 'email' }),
            trl: Type.Integer({ minimum: 1, maximum: 9 }),
            title: Type.String({ minLength: 3 }),
          },
          { additionalProperties: false },
        ),
        querystring: Type.Object({ limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })) }),
        response: { 200: Type.Object({ ok: Type.Boolean() }), ...problemResponses(400) },
      },
    },
    async () => ({ ok: true }),
  )
  app.get('/api/probe/crash', { config: { access: access.public } }, async () => {
    throw new Error('secret internal detail')
  })
  app.get('/api/probe/offer', { config: { access: access.public } }, async () => {
    throw offerGone('Offer 42 was archived')
  })
  app.get('/api/probe/duplicate', { config: { access: access.public } }, async () => {
    // One transaction, so both statements use the connection that holds the temporary table.
    await app.sql.begin(async (tx) => {
      await tx`create temporary table probe (id int primary key) on commit drop`
      await tx`insert into probe values (1), (1)`
    })
    return {}
  })
}

t.test('problem responses', async (t) => {
  const app = await build(t, { plugins: [probeRoutes] })

  t.test('a bad body gets a 400 naming each bad field, unknown ones included', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe?limit=500',
      payload: { email: 'nope', trl: 12, extra: 1 },
    })
    t.equal(res.statusCode, 400)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    const body = res.json()
    t.equal(body.code, 'validation.failed')
    t.equal(body.status, 400)
    t.equal(body.instance, '/api/probe')
    const fields = body.errors.map((e: { field: string }) => e.field).sort()
    t.same(fields, ['body.email', 'body.extra', 'body.title', 'body.trl'])
    t.equal(body.errors.find((e: { field: string }) => e.field === 'body.extra').code, 'unknown')
    t.equal(body.errors.find((e: { field: string }) => e.field === 'body.title').code, 'required')
  })

  t.test('a bad query parameter is named as query.<name>', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe?limit=500',
      payload: { email: 'a@b.it', trl: 5, title: 'Bus' },
    })
    t.equal(res.statusCode, 400)
    t.same(
      res.json().errors.map((e: { field: string }) => e.field),
      ['query.limit'],
    )
  })

  t.test('a valid request passes', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe?limit=5',
      payload: { email: 'a@b.it', trl: 5, title: 'Bus' },
    })
    t.equal(res.statusCode, 200)
    t.same(res.json(), { ok: true })
  })

  t.test('broken JSON is a 400 request.invalid_json', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: { 'content-type': 'application/json' },
      payload: '{"email":',
    })
    t.equal(res.statusCode, 400)
    t.equal(res.json().code, 'request.invalid_json')
  })

  t.test('an unsupported content type is a 415', async (t) => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/probe',
      headers: { 'content-type': 'application/xml' },
      payload: '<a/>',
    })
    t.equal(res.statusCode, 415)
    t.equal(res.json().code, 'request.unsupported_media_type')
  })

  t.test('an unknown route is a problem 404', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing-here?x=1' })
    t.equal(res.statusCode, 404)
    t.match(res.headers['content-type'], /^application\/problem\+json/)
    t.match(res.json(), {
      code: 'route.not_found',
      status: 404,
      instance: '/api/nothing-here',
      title: 'No such resource',
    })
  })

  t.test('an internal error is a 500 that hides its detail and gives the request id', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/crash', headers: { 'x-request-id': 'req-abc-123' } })
    t.equal(res.statusCode, 500)
    const body = res.json()
    t.equal(body.code, 'internal.error')
    t.equal(body.requestId, 'req-abc-123')
    t.equal(res.headers['x-request-id'], 'req-abc-123')
    t.notMatch(res.body, /secret internal detail/)
  })

  t.test('a feature problem keeps its code, status and detail', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/offer' })
    t.equal(res.statusCode, 404)
    t.match(res.json(), {
      code: 'offers.not_found',
      title: 'No such offer',
      detail: 'Offer 42 was archived',
      type: 'https://meet-the-buyer.eu/problems/offers/not_found',
    })
  })

  t.test('a unique violation the feature did not map is a 409, not a 500', async (t) => {
    const res = await app.inject({ method: 'GET', url: '/api/probe/duplicate' })
    t.equal(res.statusCode, 409)
    t.equal(res.json().code, 'database.conflict')
  })

  t.test('an unsafe request id is replaced by a generated one', async (t) => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/nothing',
      headers: { 'x-request-id': 'bad id; with spaces' },
    })
    t.match(res.headers['x-request-id'], /^[0-9a-f-]{36}$/)
  })
})

t.test('a route that declares no access rule stops the app at start', async (t) => {
  const undeclared = async (app: FastifyInstance) => {
    app.get('/api/forgotten', async () => ({}))
  }
  await t.rejects(build(t, { plugins: [undeclared] }), /Routes without an access rule: GET \/api\/forgotten/)
})
