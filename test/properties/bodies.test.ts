import t from 'tap'
import fc from 'fast-check'
import { check, mutations } from '../helpers/schema-inputs.js'
import { holds, namesField, propertyWorld, runs, send, share, unchanged } from '../helpers/route-properties.js'

const PART = { index: 0, of: 2 }

/**
 * Every route with a JSON body, fed bodies broken in one place (a missing or
 * unknown property, a wrong type, a string too long or huge, a number out of
 * range, a bad format, pattern or enumeration value): a 400 problem naming
 * the field, and no change in the database.
 */

t.test('a body broken in one place is a 400 naming the field and changes nothing, on every route (first half)', async (t) => {
  const { app, world, routes } = await propertyWorld(t)
  const withBody = share(routes.filter((route) => route.body), PART)
  t.ok(withBody.length >= (process.env.PROPERTY_ROUTES ? 1 : 20), `${withBody.length} routes take a JSON body in this share`)
  for (const route of withBody) {
    const schema = route.body!
    const failure = await holds(
      fc.asyncProperty(mutations(schema, route.validBody, 'body'), async (mutation) => {
        fc.pre(!check(schema, 'body', mutation.value).valid)
        const payload = JSON.stringify(mutation.value)
        const res = await unchanged(app, () => send(world, route, { payload, headers: { 'content-type': 'application/json' } }))
        namesField(res, mutation.field, payload)
      }),
      runs(25),
    )
    t.notOk(failure, `${route.label} (as ${route.binding.role})${failure ? `: ${failure}` : ''}`)
  }
})
