import type { FastifyInstance } from 'fastify'
import { tendersRoutes } from './tenders.routes.js'
import type { TendersService } from './tenders.service.js'

/** Public tenders from TED eForms notices: the hub's upload with a preview. */
export default async function tendersFeature(app: FastifyInstance, options: { tenders: TendersService }) {
  await app.register(tendersRoutes, options)
}
