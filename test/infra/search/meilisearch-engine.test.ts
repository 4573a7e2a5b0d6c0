import t from 'tap'
import { createMeilisearchEngine } from '../../../server/infra/search/meilisearch-engine.js'
import { searchContract } from './contract.js'

const host = process.env.MEILI_HOST

t.test(
  'the Meilisearch engine meets the search contract',
  { skip: host ? false : 'MEILI_HOST is not set: no Meilisearch server to test against' },
  async (t) => {
    await searchContract(t as never, createMeilisearchEngine(host!, process.env.MEILI_API_KEY))
  },
)
