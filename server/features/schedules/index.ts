import type { FastifyInstance } from 'fastify'
import { schedulesRoutes } from './schedules.routes.js'
import { SCHEDULE_TOPIC, type SchedulesService } from './schedules.service.js'

export default async function schedulesFeature(app: FastifyInstance, options: { schedules: SchedulesService }) {
  app.outbox.register(SCHEDULE_TOPIC, (payload) =>
    options.schedules.run((payload as { scheduleId: string }).scheduleId),
  )
  await app.register(schedulesRoutes, options)
}
