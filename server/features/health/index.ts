import type { FastifyInstance } from 'fastify'
import { createHealthService } from './health.service.js'
import { healthRoutes } from './health.routes.js'
import { APP_VERSION } from '../../infra/version.js'

export default async function healthFeature(app: FastifyInstance) {
  const service = createHealthService({
    sql: app.sql,
    databaseEngine: `postgres (${app.database.engine})`,
    search: app.searchEngine,
    mailer: app.mailer,
    clock: app.clock,
    version: APP_VERSION,
    startedAt: app.clock.now(),
  })
  await app.register(healthRoutes, { service })
}
