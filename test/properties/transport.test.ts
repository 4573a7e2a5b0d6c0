import t from 'tap'
import fc from 'fast-check'
import { BODY_LIMIT, WRITE_METHODS, holds, problemOf, propertyWorld, runs, send, share, unchanged } from '../helpers/route-properties.js'

const PART = { index: 0, of: 2 }

/**
 * What arrives before any field is read: bodies that are not JSON, empty
 * bodies, bodies over the limit, prototype-poisoning keys. Every write route
 * answers with a 4xx problem and changes nothing.
 */

function isJson(text: string): boolean {
  try {
    JSON.parse(text)
    return true
  } catch {
    return false
  }
}

const notJson = (valid: string) =>
  fc.oneof(
    fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((n) => valid.slice(0, n)),
    fc.string({ minLength: 1 }).map((s) => `${valid}${s}`),
    fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
    fc.constantFrom('{', '}', '{"a":1,}', "{'a':1}", '{a:1}', 'NaN', 'undefined', '[1,]', '"unterminated', '{"a":01}', '\u0000', '{"a":"\\x41"}', '\ufeff', '{"a":1}}', 'nul', 'tru', '{"a" 1}'),
  ).filter((text) => text.trim() !== '' && !isJson(text))

t.test('a body that is not JSON, is empty, is poisoned or is too large is a 4xx problem and changes nothing, on every write route (first half)', async (t) => {
  const { app, world, routes } = await propertyWorld(t)
  const writes = share(routes.filter((route) => WRITE_METHODS.has(route.method)), PART)
  t.ok(writes.length >= (process.env.PROPERTY_ROUTES ? 1 : 25), `${writes.length} write routes in this share`)
  const json = { 'content-type': 'application/json' }
  for (const route of writes) {
    const valid = JSON.stringify(route.validBody ?? { note: 'x' })
    const failure = await holds(
      fc.asyncProperty(
        fc.oneof(
          notJson(valid).map((payload) => ({ payload, codes: ['request.invalid_json'], status: 400 })),
          fc.constantFrom('', ' ', '\n').map((payload) => ({ payload, codes: ['request.empty_body', 'request.invalid_json'], status: 400 })),
          fc.constantFrom('{"__proto__":{"admin":true}}', '{"constructor":{"prototype":{"admin":true}}}', '{"a":{"__proto__":{"x":1}}}').map((payload) => ({ payload, codes: ['request.invalid_json'], status: 400 })),
          // Upload routes take larger bodies (their own limit) and refuse JSON as a file of the wrong type instead.
          fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT + 50_000 }).map((n) => ({ payload: JSON.stringify({ note: 'x'.repeat(n) }), codes: route.body ? ['request.body_too_large'] : [], status: route.body ? 413 : undefined })),
        ),
        async ({ payload, codes, status }) => {
          const res = await unchanged(app, () => send(world, route, { payload, headers: json }))
          const problem = problemOf(res)
          if ((status !== undefined && res.statusCode !== status) || (codes.length > 0 && !codes.includes(problem.code))) throw new Error(`expected ${status ?? '4xx'} ${codes.join(' or ')}, got ${res.statusCode} ${problem.code}`)
        },
      ),
      runs(12),
    )
    t.notOk(failure, `${route.label}${failure ? `: ${failure}` : ''}`)
  }
})
