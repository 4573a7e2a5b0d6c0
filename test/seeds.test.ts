import t from 'tap'
import { sql } from 'drizzle-orm'
import { build } from './helpers/build.js'
import { loadDemoData, type DemoDataSet } from '../seeds/index.js'

t.test('demo data loads once: a second start changes nothing', async (t) => {
  const app = await build(t)
  await app.sql`create table demo_rows (n int)`
  const set: DemoDataSet = {
    name: 'probe',
    version: '1',
    load: async (db) => {
      await db.execute(sql`insert into demo_rows values (1), (2)`)
      return { rows: 2 }
    },
  }
  const messages: string[] = []
  const log = { info: (m: string) => messages.push(m) }
  t.same(await loadDemoData(app.db, log, [set]), ['probe'])
  t.same(await loadDemoData(app.db, log, [set]), [])
  const [count] = await app.sql<{ n: number }[]>`select count(*)::int as n from demo_rows`
  t.equal(count!.n, 2)
  t.same(messages, ['demo data "probe" loaded: {"rows":2}'])
})

t.test('two starts at once load a data set only once', async (t) => {
  const app = await build(t)
  await app.sql`create table demo_rows (n int)`
  const set: DemoDataSet = {
    name: 'race',
    version: '1',
    load: async (db) => {
      await db.execute(sql`insert into demo_rows values (1)`)
      return { rows: 1 }
    },
  }
  const log = { info: () => {} }
  const results = await Promise.all([loadDemoData(app.db, log, [set]), loadDemoData(app.db, log, [set])])
  t.equal(results.flat().length, 1)
  const [count] = await app.sql<{ n: number }[]>`select count(*)::int as n from demo_rows`
  t.equal(count!.n, 1)
})
