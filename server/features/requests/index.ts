import type { FastifyInstance } from 'fastify'
import type { EditionsService } from '../events/editions.service.js'
import { requestsRoutes } from './requests.routes.js'
import type { RequestsService } from './requests.service.js'

/** Meeting requests: their routes. Requests past the deadline expire through requests.jobs.ts. */
export default async function requestsFeature(
  app: FastifyInstance,
  options: { requests: RequestsService; editions: EditionsService },
) {
  await app.register(requestsRoutes, options)
}
