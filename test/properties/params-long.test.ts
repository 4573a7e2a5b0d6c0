import t from 'tap'
import http from 'node:http'
import { problemOf, propertyWorld, send, urlOf, type Answer } from '../helpers/route-properties.js'

/** The router refuses a path parameter over 100 characters before any route runs. */
const MAX_PARAM_LENGTH = 100

t.test('a path parameter longer than the router takes is a 414 problem', async (t) => {
  const { world, routes } = await propertyWorld(t)
  const route = routes.find((r) => r.label === 'GET /api/events/:eventId')!
  const res = await send(world, route, { url: urlOf(route, { eventId: 'x'.repeat(MAX_PARAM_LENGTH + 1) }) })
  t.equal(res.statusCode, 414)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
})

/** A GET over a real socket with the path sent as written, as `curl --path-as-is` does. */
function rawGet(base: string, path: string, cookie: string): Promise<Answer> {
  const { hostname, port } = new URL(base)
  return new Promise((resolve, reject) => {
    http
      .get({ hostname, port, path, headers: { cookie } }, (res) => {
        let body = ''
        res.setEncoding('utf8')
        res.on('data', (chunk: string) => (body += chunk))
        res.on('end', () =>
          resolve({ statusCode: res.statusCode!, headers: res.headers, body, json: () => JSON.parse(body) as unknown }),
        )
      })
      .on('error', reject)
  })
}

// A browser resolves '.' and '..' segments before sending; a raw client need not, and then they arrive as parameter values.
t.test('a dot segment sent as written is a parameter like any other: refused with a problem', async (t) => {
  const { app, world, routes } = await propertyWorld(t)
  const base = await app.listen({ port: 0, host: '127.0.0.1' })
  const route = routes.find((r) => r.label === 'GET /api/organisations/:orgId/needs/:needId')!
  const cookie = `mtb_session=${world.agents[route.binding.role as keyof typeof world.agents].cookie}`
  const { needId } = route.binding.params as { needId: string }
  // The same need through its own route is there for this caller, so a refusal below is about the parameter.
  t.equal((await rawGet(base, `/api/needs/${needId}`, cookie)).statusCode, 200, 'the need is readable by its own route')
  for (const segment of ['..', '.']) {
    const res = await rawGet(base, `/api/organisations/${segment}/needs/${needId}`, cookie)
    // As for any id the caller is no member of, the access rule answers first.
    t.equal(res.statusCode, 403, `orgId ${segment}: 403`)
    t.equal(problemOf(res).code, 'auth.forbidden', `orgId ${segment}: a problem saying why`)
  }
})
