import t from 'tap'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { namesField, problemOf } from '../../helpers/route-properties.js'

interface Suggestion {
  code: string
  label: string
  labelOther: string
  confidence: number
}

const URL = '/api/taxonomies/cpv/suggestions'

async function world(t: Parameters<typeof build>[0]) {
  const app = await build(t, { outbox: { start: false } })
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  return { app, agent: await signIn(app, 'ada@alpha.example') }
}

t.test(
  'an SME writing an offer in Italian gets the chair and furniture codes first, labelled in the reader’s language and the other',
  async (t) => {
    const { agent } = await world(t)
    const res = await agent.inject({
      method: 'POST',
      url: URL,
      payload: {
        title: 'Sedie ergonomiche per ufficio',
        description: 'Forniamo sedie girevoli e scrivanie regolabili per uffici.',
        language: 'it',
        lang: 'it',
      },
    })
    t.equal(res.statusCode, 200)
    const suggestions = res.json() as Suggestion[]
    t.equal(suggestions.length, 5, 'five unless asked otherwise')
    t.same(suggestions[0], {
      code: '39112000',
      label: 'Sedie',
      labelOther: 'Chairs',
      confidence: suggestions[0]!.confidence,
    })
    t.ok(
      suggestions.slice(0, 3).every((s) => s.code.startsWith('391')),
      'the first three are furniture',
    )
    t.ok(
      suggestions.every(
        (s, i) => s.confidence > 0 && s.confidence <= 1 && (i === 0 || s.confidence <= suggestions[i - 1]!.confidence),
      ),
      'confidences in (0, 1], never rising',
    )

    const english = (
      await agent.inject({
        method: 'POST',
        url: URL,
        payload: {
          title: 'Sedie ergonomiche per ufficio',
          description: 'Forniamo sedie girevoli e scrivanie regolabili per uffici.',
          language: 'it',
          lang: 'en',
          limit: 2,
        },
      })
    ).json() as Suggestion[]
    t.same(
      english.map((s) => [s.code, s.label, s.labelOther]),
      suggestions.slice(0, 2).map((s) => [s.code, s.labelOther, s.label]),
      'the same codes, labels swapped, two as asked',
    )
  },
)

t.test('a French text is read against the French labels; a text with no known word gets none', async (t) => {
  const { agent } = await world(t)
  const french = (
    await agent.inject({
      method: 'POST',
      url: URL,
      payload: {
        title: 'Nettoyage de bureaux',
        description: 'Services de nettoyage quotidien des locaux administratifs.',
        language: 'fr',
      },
    })
  ).json() as Suggestion[]
  t.equal(french[0]?.code, '90919200', 'office cleaning')
  t.equal(french[0]?.label, 'Office cleaning services')
  const none = await agent.inject({ method: 'POST', url: URL, payload: { title: 'xyzzy qwrtp', language: 'en' } })
  t.equal(none.statusCode, 200)
  t.same(none.json(), [])
})

t.test('bad input is a problem naming the field; only signed-in people may ask', async (t) => {
  const { app, agent } = await world(t)
  const valid = { title: 'Office chairs', description: 'Swivel chairs.', language: 'en' }
  namesField(
    await agent.inject({ method: 'POST', url: URL, payload: { ...valid, language: 'english' } }),
    'body.language',
  )
  namesField(
    await agent.inject({ method: 'POST', url: URL, payload: { ...valid, description: 'x'.repeat(5001) } }),
    'body.description',
  )
  namesField(
    await agent.inject({ method: 'POST', url: URL, payload: { description: 'Swivel chairs.', language: 'en' } }),
    'body.title',
  )
  namesField(await agent.inject({ method: 'POST', url: URL, payload: { ...valid, limit: 11 } }), 'body.limit')
  const anonymous = await app.inject({ method: 'POST', url: URL, payload: valid })
  t.equal(anonymous.statusCode, 401)
  t.equal(problemOf(anonymous).code, 'auth.unauthenticated')
})
