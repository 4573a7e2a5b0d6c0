import type { Sql } from 'postgres'
import type { Health, HealthComponent } from '../../../shared/schemas/health.js'
import type { Clock } from '../../infra/clock.js'
import type { Mailer } from '../../infra/mailer.js'
import type { SearchEngine } from '../../infra/search/index.js'
import { probe } from '../../infra/probe.js'

export interface HealthDeps {
  sql: Sql
  databaseEngine: string
  search: Pick<SearchEngine, 'health'>
  mailer: Pick<Mailer, 'health'>
  clock: Clock
  version: string
  startedAt: Date
}

export function createHealthService(deps: HealthDeps) {
  return {
    /** The database decides: without it nothing works; search or mail down only degrades. */
    async checkHealth(): Promise<Health> {
      const [database, search, mail] = await Promise.all([
        probe(deps.databaseEngine, async () => void (await deps.sql`select 1`)),
        deps.search.health(),
        deps.mailer.health(),
      ])
      const now = deps.clock.now()
      return {
        status: overallStatus(database, [search, mail]),
        version: deps.version,
        uptimeSeconds: Math.round((now.getTime() - deps.startedAt.getTime()) / 1000),
        time: now.toISOString(),
        database,
        search,
        mail,
      }
    },
  }
}

export function overallStatus(database: HealthComponent, others: HealthComponent[]): Health['status'] {
  if (database.state === 'down') return 'down'
  return others.every((component) => component.state === 'up') ? 'ok' : 'degraded'
}
