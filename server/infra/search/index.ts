import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../../config.js'
import { createMeilisearchEngine } from './meilisearch-engine.js'
import { createPostgresEngine } from './postgres-engine.js'
import type { SearchEngine } from './search.types.js'

export type { SearchEngine } from './search.types.js'

declare module 'fastify' {
  interface FastifyInstance {
    searchEngine: SearchEngine
  }
}

/** Meilisearch when MEILI_HOST is set, PostgreSQL full text otherwise; one interface either way. */
export function createSearchEngine(
  config: Pick<Config, 'meiliHost' | 'meiliApiKey'>,
  app: FastifyInstance,
): SearchEngine {
  return config.meiliHost ? createMeilisearchEngine(config.meiliHost, config.meiliApiKey) : createPostgresEngine(app.db)
}

async function searchPlugin(app: FastifyInstance, options: { config: Config }) {
  const engine = createSearchEngine(options.config, app)
  app.decorate('searchEngine', engine)
  // An engine that is down at start must not stop the platform: indexing waits in the outbox.
  app.addHook('onReady', async () => {
    await engine
      .ensureIndexes()
      .catch((error: unknown) => app.log.warn({ err: error }, 'search engine not ready; indexing will catch up'))
  })
}

export default fp(searchPlugin, { name: 'search', dependencies: ['db'] })
