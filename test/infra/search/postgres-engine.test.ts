import t from 'tap'
import { build } from '../../helpers/build.js'
import { createPostgresEngine } from '../../../server/infra/search/postgres-engine.js'
import { searchContract } from './contract.js'

t.test('the PostgreSQL full-text engine meets the search contract', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  await searchContract(t as never, createPostgresEngine(app.db))
})
