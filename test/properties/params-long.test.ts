import t from 'tap'
import { propertyWorld, send, urlOf } from '../helpers/route-properties.js'

/** The router refuses a path parameter over 100 characters before any route runs. */
const MAX_PARAM_LENGTH = 100

t.test('a path parameter longer than the router takes is a 414 problem', async (t) => {
  const { world, routes } = await propertyWorld(t)
  const route = routes.find((r) => r.label === 'GET /api/events/:eventId')!
  const res = await send(world, route, { url: urlOf(route, { eventId: 'x'.repeat(MAX_PARAM_LENGTH + 1) }) })
  t.equal(res.statusCode, 414)
  t.match(String(res.headers['content-type']), /^application\/problem\+json/)
})
