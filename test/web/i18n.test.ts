import t from 'tap'
import en from '../../web/src/i18n/en.json' with { type: 'json' }
import it from '../../web/src/i18n/it.json' with { type: 'json' }

function keys(tree: object, prefix = ''): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === 'object' && value !== null ? keys(value as object, `${prefix}${key}.`) : [`${prefix}${key}`],
  )
}

t.test('Italian and English have exactly the same translation keys', async (t) => {
  t.same(keys(it).sort(), keys(en).sort())
})

t.test('no translation is left empty', async (t) => {
  const empty = (tree: object) =>
    keys(tree).filter(
      (key) => key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], tree) === '',
    )
  t.same(empty(en), [])
  t.same(empty(it), [])
})

/** The sentence at a dotted path of a catalogue, or undefined. */
function at(tree: object, path: string): unknown {
  return path.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], tree)
}

const placeholders = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort()

t.test('every problem code the server defines has a sentence in Italian and in English', async (t) => {
  await import('../../server/app.js') // loads every feature, so every problem is declared
  const { definedProblems } = await import('../../server/infra/problems.js')
  const codes = definedProblems().map((problem) => problem.code)
  t.ok(codes.length >= 80, `the server declares its problems (${codes.length} found)`)
  t.ok(codes.includes('schedules.conflict') && codes.includes('auth.forbidden') && codes.includes('request.not_found'))
  const missing = (tree: object) => codes.filter((code) => typeof at(tree, `problems.${code}`) !== 'string')
  t.same(missing(en), [], 'English')
  t.same(missing(it), [], 'Italian')
  for (const code of codes) {
    const english = at(en, `problems.${code}`)
    const italian = at(it, `problems.${code}`)
    if (typeof english === 'string' && typeof italian === 'string')
      t.same(placeholders(italian), placeholders(english), `${code}: both languages fill in the same values`)
  }
})
