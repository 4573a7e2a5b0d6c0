import type { FastifyInstance } from 'fastify'
import { catalogueRoutes } from './catalogue.routes.js'
import type { CatalogueService } from './catalogue.service.js'

/** Offers and needs: their routes. The search index follows through catalogue.jobs.ts. */
export default async function catalogueFeature(app: FastifyInstance, options: { catalogue: CatalogueService }) {
  await app.register(catalogueRoutes, options)
}
