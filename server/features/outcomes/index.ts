import type { FastifyInstance } from 'fastify'
import { contractsRoutes } from './contracts.routes.js'
import { createContractsService, type OutcomesDeps } from './contracts.service.js'
import { kpisRoutes } from './kpis.routes.js'
import { createKpisService } from './kpis.service.js'
import { performanceRoutes } from './performance.routes.js'
import { createPerformanceService } from './performance.service.js'
import { createVouchersService } from './vouchers.service.js'

/** Contracts, performance reports, vouchers and the KPIs computed from them. */
export function createOutcomesServices(deps: OutcomesDeps) {
  return {
    contracts: createContractsService(deps),
    kpis: createKpisService(deps),
    performance: createPerformanceService(deps),
    vouchers: createVouchersService(deps),
  }
}
export type OutcomesServices = ReturnType<typeof createOutcomesServices>

export default async function outcomesFeature(app: FastifyInstance, options: { outcomes: OutcomesServices }) {
  await app.register(contractsRoutes, options.outcomes)
  await app.register(kpisRoutes, options.outcomes)
  await app.register(performanceRoutes, options.outcomes)
}
