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
