import type { FastifyInstance } from 'fastify'
import { schedulesRoutes } from './schedules.routes.js'
import type { SchedulesService } from './schedules.service.js'

/** Schedule runs, moves and publication: their routes. Runs are solved through schedules.jobs.ts. */
export default async function schedulesFeature(app: FastifyInstance, options: { schedules: SchedulesService }) {
  await app.register(schedulesRoutes, options)
}
