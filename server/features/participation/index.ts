import type { FastifyInstance } from 'fastify'
import type { EditionsService } from '../events/editions.service.js'
import { participationRoutes } from './participation.routes.js'
import type { ParticipationService } from './participation.service.js'
import { targetingRoutes } from './targeting.routes.js'
import type { TargetingService } from './targeting.service.js'

export default async function participationFeature(
  app: FastifyInstance,
  options: { participation: ParticipationService; editions: EditionsService; targeting: TargetingService },
) {
  await app.register(participationRoutes, options)
  await app.register(targetingRoutes, options)
}
