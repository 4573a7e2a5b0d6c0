import t from 'tap'
import fc from 'fast-check'
import { check, mutations, type JsonSchema } from './schema-inputs.js'
import {
  BODY_LIMIT,
  WRITE_METHODS,
  encodable,
  holds,
  malformedValue,
  namesField,
  problemOf,
  propertyWorld,
  runs,
  send,
  share,
  unchanged,
  urlOf,
} from './route-properties.js'
import { fingerprint } from './api-world.js'

/**
 * Property suites too long for one test file within tap's time limit: each
 * file under test/properties/ runs one share of the routes, so the shares run
 * in parallel.
 */

type Part = { index: number; of: number }

const PART_NAMES: Record<number, string[]> = {
  2: ['first half', 'second half'],
  3: ['first third', 'second third', 'last third'],
}

function partName(part: Part): string {
  return PART_NAMES[part.of]?.[part.index] ?? `share ${part.index + 1} of ${part.of}`
}

/**
 * Every route's path parameters, fed malformed values (ids that are not
 * uuids, unicode and control characters, long values): a 4xx problem — a 400
 * naming the parameter when the caller may use the route, a 403 or 404 when
 * the bad id means it may not — and no change in the database.
 */

/** The router refuses a parameter over 100 characters before any route runs (params-long.test.ts pins that answer: a 414 problem). */
const MAX_PARAM_LENGTH = 100

const malformed = malformedValue(fc.integer({ min: 37, max: MAX_PARAM_LENGTH }))

/**
 * A whole segment '.' or '..' is resolved by the client before it sends
 * (RFC 3986 §5.2.4, as browsers and inject do), so the request names another
 * path rather than carrying a bad parameter; params-long.test.ts sends such
 * segments over a socket as written, where they do arrive as parameters.
 */
const isDotSegment = (value: string) => value === '.' || value === '..'

function expectRefusal(res: Parameters<typeof problemOf>[0], field: string): void {
  const problem = problemOf(res)
  if (
    problem.code === 'validation.failed' &&
    !(problem.errors ?? []).some((e) => e.field === field || e.field.startsWith(`${field}.`))
  ) {
    throw new Error(`a validation problem that does not name ${field}: ${JSON.stringify(problem.errors)}`)
  }
}

export function malformedParamsProperty(part: Part): void {
  t.test(
    `a malformed path parameter is a 4xx problem and changes nothing, on every route (${partName(part)})`,
    async (t) => {
      const { app, world, routes } = await propertyWorld(t)
      const withParams = share(
        routes.filter((route) => route.url.includes(':')),
        part,
      )
      t.ok(
        withParams.length >= (process.env.PROPERTY_ROUTES ? 1 : 25),
        `${withParams.length} routes take path parameters in this share`,
      )
      for (const route of withParams) {
        const names = Object.keys(route.binding.params)
        // Writes are checked call by call; reads once per route, which keeps the run short.
        const write = WRITE_METHODS.has(route.method)
        const before = await fingerprint(app)
        const failure = await holds(
          fc.asyncProperty(fc.constantFrom(...names), malformed, async (name, value) => {
            const params = { ...route.binding.params, [name]: value }
            fc.pre(
              encodable(value) &&
                !isDotSegment(value) &&
                encodeURIComponent(value).length <= MAX_PARAM_LENGTH &&
                !check((route.params ?? { type: 'object' }) as JsonSchema, 'params', params).valid,
            )
            const call = () =>
              send(world, route, { url: urlOf(route, params), ...(route.body ? { payload: route.validBody } : {}) })
            const res = write ? await unchanged(app, call) : await call()
            expectRefusal(res, `params.${name}`)
          }),
          runs(10),
        )
        t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
        t.equal(await fingerprint(app), before, `${route.label} changed nothing`)
      }
    },
  )
}

/**
 * Every route with a JSON body, fed bodies broken in one place (a missing or
 * unknown property, a wrong type, a string too long or huge, a number out of
 * range, a bad format, pattern or enumeration value): a 400 problem naming
 * the field, and no change in the database.
 */

export function brokenBodiesProperty(part: Part): void {
  t.test(
    `a body broken in one place is a 400 naming the field and changes nothing, on every route (${partName(part)})`,
    async (t) => {
      const { app, world, routes } = await propertyWorld(t)
      const withBody = share(
        routes.filter((route) => route.body),
        part,
      )
      t.ok(
        withBody.length >= (process.env.PROPERTY_ROUTES ? 1 : 20),
        `${withBody.length} routes take a JSON body in this share`,
      )
      for (const route of withBody) {
        const schema = route.body!
        const failure = await holds(
          fc.asyncProperty(mutations(schema, route.validBody, 'body'), async (mutation) => {
            fc.pre(!check(schema, 'body', mutation.value).valid)
            const payload = JSON.stringify(mutation.value)
            const res = await unchanged(app, () =>
              send(world, route, { payload, headers: { 'content-type': 'application/json' } }),
            )
            namesField(res, mutation.field, payload, route.bodyLimit)
          }),
          runs(25),
        )
        t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
      }
    },
  )
}

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
  fc
    .oneof(
      fc.integer({ min: 1, max: Math.max(1, valid.length - 1) }).map((n) => valid.slice(0, n)),
      fc.string({ minLength: 1 }).map((s) => `${valid}${s}`),
      fc.string({ unit: 'binary', minLength: 1, maxLength: 40 }),
      fc.constantFrom(
        '{',
        '}',
        '{"a":1,}',
        "{'a':1}",
        '{a:1}',
        'NaN',
        'undefined',
        '[1,]',
        '"unterminated',
        '{"a":01}',
        '\u0000',
        '{"a":"\\x41"}',
        '\ufeff',
        '{"a":1}}',
        'nul',
        'tru',
        '{"a" 1}',
      ),
    )
    .filter((text) => text.trim() !== '' && !isJson(text))

export function transportProperty(part: Part): void {
  t.test(
    `a body that is not JSON, is empty, is poisoned or is too large is a 4xx problem and changes nothing, on every write route (${partName(part)})`,
    async (t) => {
      const { app, world, routes } = await propertyWorld(t)
      const writes = share(
        routes.filter((route) => WRITE_METHODS.has(route.method)),
        part,
      )
      t.ok(writes.length >= (process.env.PROPERTY_ROUTES ? 1 : 25), `${writes.length} write routes in this share`)
      const json = { 'content-type': 'application/json' }
      for (const route of writes) {
        const valid = JSON.stringify(route.validBody ?? { note: 'x' })
        const failure = await holds(
          fc.asyncProperty(
            fc.oneof(
              notJson(valid).map((payload) => ({ payload, codes: ['request.invalid_json'], status: 400 })),
              fc
                .constantFrom('', ' ', '\n')
                .map((payload) => ({ payload, codes: ['request.empty_body', 'request.invalid_json'], status: 400 })),
              fc
                .constantFrom(
                  '{"__proto__":{"admin":true}}',
                  '{"constructor":{"prototype":{"admin":true}}}',
                  '{"a":{"__proto__":{"x":1}}}',
                )
                .map((payload) => ({ payload, codes: ['request.invalid_json'], status: 400 })),
              // Upload routes take larger bodies (their own limit): a file route refuses JSON as a file of the wrong
              // type, a JSON route with a larger limit reads the body and names what is wrong in it.
              fc.integer({ min: BODY_LIMIT + 1, max: BODY_LIMIT + 50_000 }).map((n) => {
                const payload = JSON.stringify({ note: 'x'.repeat(n) })
                if (!route.body) return { payload, codes: [] as string[], status: undefined as number | undefined }
                return Buffer.byteLength(payload) > route.bodyLimit
                  ? { payload, codes: ['request.body_too_large'], status: 413 }
                  : { payload, codes: ['validation.failed'], status: 400 }
              }),
            ),
            async ({ payload, codes, status }) => {
              const res = await unchanged(app, () => send(world, route, { payload, headers: json }))
              const problem = problemOf(res)
              if (
                (status !== undefined && res.statusCode !== status) ||
                (codes.length > 0 && !codes.includes(problem.code))
              )
                throw new Error(
                  `expected ${status ?? '4xx'} ${codes.join(' or ')}, got ${res.statusCode} ${problem.code}`,
                )
            },
          ),
          runs(12),
        )
        t.notOk(failure, `${route.label}${failure ? `: ${failure}` : ''}`)
      }
    },
  )
}
