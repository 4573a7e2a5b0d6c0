import type { FastifyInstance } from 'fastify'
import type { OrganisationsService } from './organisations.service.js'
import { organisationsRoutes } from './organisations.routes.js'
import { organisersRoutes } from './organisers.routes.js'

export default async function organisationsFeature(
  app: FastifyInstance,
  options: { organisations: OrganisationsService },
) {
  await app.register(organisationsRoutes, options)
  await app.register(organisersRoutes, options)
}
