import t from 'tap'
import fc from 'fast-check'
import { WRITE_METHODS, holds, problemOf, propertyWorld, runs, send, unchanged } from '../helpers/route-properties.js'

/**
 * Bodies in content types the route does not take: every write route answers
 * with a 4xx problem (415, or 400 when a parser made something of them that
 * is not the JSON the route wants) and changes nothing.
 */

/** Types no route reads as JSON; text/plain and the upload types are parsed, so only routes with a JSON body schema get those. */
const UNPARSED_TYPES = [
  'application/xml',
  'application/x-www-form-urlencoded',
  'multipart/form-data; boundary=----x',
  'text/html',
  'application/x-msgpack',
  'application/vnd.api+json',
]
const PARSED_ELSEWHERE = [
  'text/plain',
  'text/plain; charset=utf-8',
  'application/octet-stream',
  'application/pdf',
  'image/png',
  'image/jpeg',
]

t.test(
  'a body in a content type the route does not take is a 4xx problem and changes nothing, on every write route',
  async (t) => {
    const { app, world, routes } = await propertyWorld(t)
    const writes = routes.filter((route) => WRITE_METHODS.has(route.method))
    for (const route of writes) {
      // A route with a JSON body schema refuses whatever a parser makes of other types; a route without one must not parse them at all.
      const types = route.body ? [...UNPARSED_TYPES, ...PARSED_ELSEWHERE] : UNPARSED_TYPES
      const failure = await holds(
        fc.asyncProperty(
          fc.constantFrom(...types),
          fc.oneof(fc.constant(JSON.stringify(route.validBody ?? {})), fc.string({ minLength: 1, maxLength: 200 })),
          async (type, payload) => {
            const res = await unchanged(app, () => send(world, route, { payload, headers: { 'content-type': type } }))
            problemOf(res)
          },
        ),
        runs(12),
      )
      t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
    }
  },
)
