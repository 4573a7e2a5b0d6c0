import type { FastifyInstance } from 'fastify'
import { Gauge } from 'prom-client'
import { schedulesRoutes } from './schedules.routes.js'
import type { SchedulesService } from './schedules.service.js'

/** Schedule runs, moves and publication: their routes. Runs are solved through schedules.jobs.ts. */
export default async function schedulesFeature(app: FastifyInstance, options: { schedules: SchedulesService }) {
  await app.register(schedulesRoutes, options)
  // Runs by status, across every instance: what /metrics shows of the scheduler.
  new Gauge({
    name: 'schedule_runs',
    help: 'Schedule runs by status (queued, running, draft, published, failed, cancelled)',
    labelNames: ['status'],
    registers: [app.metrics.registry],
    async collect() {
      this.reset()
      for (const row of await options.schedules.runsByStatus()) this.set({ status: row.status }, row.runs)
    },
  })
}
