import type { FastifyInstance } from 'fastify'
import { editionsRoutes } from './editions.routes.js'
import type { EditionsService } from './editions.service.js'

export default async function editionsFeature(app: FastifyInstance, options: { editions: EditionsService }) {
  await app.register(editionsRoutes, options)
}
