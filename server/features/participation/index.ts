import type { FastifyInstance } from 'fastify'
import type { EditionsService } from '../editions/editions.service.js'
import { participationRoutes } from './participation.routes.js'
import type { ParticipationService } from './participation.service.js'

export default async function participationFeature(app: FastifyInstance, options: { participation: ParticipationService; editions: EditionsService }) {
  await app.register(participationRoutes, options)
}
