import t from 'tap'
import { build } from '../helpers/build.js'

t.test('the migrated database has the extensions search relies on', async (t) => {
  const app = await build(t)
  const rows = await app.sql<{ extname: string }[]>`select extname from pg_extension order by extname`
  const names = rows.map((r) => r.extname)
  for (const ext of ['btree_gin', 'citext', 'pg_trgm', 'pgcrypto', 'unaccent'])
    t.ok(names.includes(ext), `${ext} is installed`)
})

t.test('accents fold in an index-safe function, for Italian text', async (t) => {
  const app = await build(t)
  const [row] = await app.sql<{ folded: string; volatility: string }[]>`
    select immutable_unaccent('Perché città è più') as folded,
           (select provolatile from pg_proc where proname = 'immutable_unaccent') as volatility`
  t.equal(row!.folded, 'Perche citta e piu')
  t.equal(row!.volatility, 'i')
})

t.test('Italian and English text search configurations stem their own words', async (t) => {
  const app = await build(t)
  const [row] = await app.sql<{ it: string; en: string }[]>`
    select to_tsvector('italian', 'forniture')::text as it, to_tsvector('english', 'supplies')::text as en`
  t.equal(row!.it, "'fornitur':1")
  t.equal(row!.en, "'suppli':1")
})
