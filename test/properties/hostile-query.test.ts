import t from 'tap'
import fc from 'fast-check'
import { check, hostileString } from '../helpers/schema-inputs.js'
import { holds, problemOf, propertyWorld, runs, send, urlOf } from '../helpers/route-properties.js'

/**
 * Values the schema accepts but code and database may not expect: control
 * characters (NUL included), lone surrogates, right-to-left marks, emoji,
 * quotes and LIKE wildcards, strings at their maximum length. The answer may
 * be a success or a refusal, never a server error, and a refusal is a problem.
 */

function answerIsNoServerError(res: Parameters<typeof problemOf>[0]): void {
  if (res.statusCode >= 500) throw new Error(`a server error: ${res.statusCode} ${res.body.slice(0, 300)}`)
  if (res.statusCode >= 400) problemOf(res)
}

t.test('query text the schema accepts never makes a route fail with a server error', async (t) => {
  const { world, routes } = await propertyWorld(t)
  const withQuery = routes.filter(
    (route) =>
      route.query &&
      Object.values(route.query.properties ?? {}).some((p) => p.type === 'string' && !p.format && !p.enum),
  )
  for (const route of withQuery) {
    const names = Object.entries(route.query!.properties ?? {})
      .filter(([, p]) => p.type === 'string' && !p.format && !p.enum)
      .map(([name]) => name)
    const failure = await holds(
      fc.asyncProperty(fc.constantFrom(...names), hostileString, async (name, value) => {
        const query = { ...route.validQuery, [name]: value }
        let url: string
        try {
          url = urlOf(route, route.binding.params, query)
        } catch {
          return fc.pre(false)
        }
        fc.pre(check(route.query!, 'querystring', query).valid)
        answerIsNoServerError(await send(world, route, { url }))
      }),
      runs(25),
    )
    t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
  }
})
