import t from 'tap'
import fc from 'fast-check'
import { check, hostileButValid } from '../helpers/schema-inputs.js'
import { holds, problemOf, propertyWorld, runs, send } from '../helpers/route-properties.js'

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

t.test('text the schema accepts never makes a route fail with a server error', async (t) => {
  const { world, routes } = await propertyWorld(t)
  const withBody = routes.filter((route) => route.body)
  for (const route of withBody) {
    const schema = route.body!
    const failure = await holds(
      fc.asyncProperty(hostileButValid(schema, route.validBody), async ({ value }) => {
        fc.pre(check(schema, 'body', value).valid)
        answerIsNoServerError(
          await send(world, route, { payload: JSON.stringify(value), headers: { 'content-type': 'application/json' } }),
        )
      }),
      runs(15),
    )
    t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
  }
})
