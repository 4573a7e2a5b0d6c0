import t from 'tap'
import fc from 'fast-check'
import { check } from '../helpers/schema-inputs.js'
import {
  encodable,
  holds,
  malformedValue,
  problemOf,
  propertyWorld,
  runs,
  send,
  unchanged,
  urlOf,
  type RouteCase,
} from '../helpers/route-properties.js'

/**
 * Every route's querystring, fed malformed values (text for numbers, ids
 * that are not uuids, unicode and control characters, huge values) and
 * unknown or missing parameters: a 400 problem naming the parameter, and no
 * change in the database.
 */

const malformed = malformedValue(fc.integer({ min: 1_000, max: 20_000 }))

function queryMutations(route: RouteCase): fc.Arbitrary<{ query: Record<string, string>; field: string }> {
  const schema = route.query!
  const names = Object.keys(schema.properties ?? {})
  const options: fc.Arbitrary<{ query: Record<string, string>; field: string }>[] = []
  if (names.length > 0)
    options.push(
      fc
        .tuple(fc.constantFrom(...names), malformed)
        .map(([name, value]) => ({ query: { ...route.validQuery, [name]: value }, field: `query.${name}` })),
    )
  if (schema.additionalProperties === false) {
    options.push(
      fc
        .tuple(
          fc
            .string({ minLength: 1, maxLength: 12 })
            .filter((k) => !names.includes(k) && !['__proto__', 'constructor', 'prototype'].includes(k)),
          fc.string(),
        )
        .map(([name, value]) => ({ query: { ...route.validQuery, [name]: value }, field: `query.${name}` })),
    )
  }
  const required = (schema.required ?? []).filter((name) => name in route.validQuery)
  if (required.length > 0)
    options.push(
      fc.constantFrom(...required).map((name) => ({
        query: Object.fromEntries(Object.entries(route.validQuery).filter(([k]) => k !== name)),
        field: `query.${name}`,
      })),
    )
  return fc.oneof(...options)
}

t.test(
  'a malformed, unknown or missing query parameter is a 400 naming it and changes nothing, on every route with a querystring',
  async (t) => {
    const { app, world, routes } = await propertyWorld(t)
    const withQuery = routes.filter((route) => route.query)
    t.ok(withQuery.length >= (process.env.PROPERTY_ROUTES ? 1 : 20), `${withQuery.length} routes take a querystring`)
    for (const route of withQuery) {
      const failure = await holds(
        fc.asyncProperty(queryMutations(route), async ({ query, field }) => {
          fc.pre(Object.values(query).every(encodable) && !check(route.query!, 'querystring', query).valid)
          const res = await unchanged(app, () =>
            send(world, route, {
              url: urlOf(route, route.binding.params, query),
              ...(route.body ? { payload: route.validBody } : {}),
            }),
          )
          const problem = problemOf(res)
          const fields = (problem.errors ?? []).map((e) => e.field)
          if (
            res.statusCode !== 400 ||
            problem.code !== 'validation.failed' ||
            !fields.some((f) => f === field || f.startsWith(`${field}.`))
          ) {
            throw new Error(
              `expected 400 validation.failed naming ${field}, got ${res.statusCode} ${problem.code} naming ${fields.join(', ') || 'nothing'}`,
            )
          }
        }),
        runs(12),
      )
      t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
    }
  },
)
