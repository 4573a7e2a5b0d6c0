import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import { Meilisearch } from 'meilisearch'
import type { Config } from '../../config.js'
import type { HealthComponent } from '../../../shared/schemas/health.js'
import { probe } from '../probe.js'

/**
 * The search port. Meilisearch in production (MEILI_HOST), PostgreSQL full
 * text as the embedded default; both behind one interface.
 */
export interface SearchEngine {
  readonly name: 'meilisearch' | 'postgres'
  health(): Promise<HealthComponent>
}

declare module 'fastify' {
  interface FastifyInstance {
    searchEngine: SearchEngine
  }
}

export function createMeilisearchEngine(host: string, apiKey: string | undefined): SearchEngine {
  const client = new Meilisearch({ host, ...(apiKey === undefined ? {} : { apiKey }), timeout: 2000 })
  return {
    name: 'meilisearch',
    health: () => probe('meilisearch', async () => void (await client.health())),
  }
}

export function createPostgresEngine(app: FastifyInstance): SearchEngine {
  return {
    name: 'postgres',
    health: () => probe('postgres', async () => void (await app.sql`select 1`)),
  }
}

async function searchPlugin(app: FastifyInstance, options: { config: Config }) {
  const { meiliHost, meiliApiKey } = options.config
  app.decorate('searchEngine', meiliHost ? createMeilisearchEngine(meiliHost, meiliApiKey) : createPostgresEngine(app))
}

export default fp(searchPlugin, { name: 'search', dependencies: ['db'] })
