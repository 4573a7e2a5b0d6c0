import type { FastifyInstance } from 'fastify'
import { homeRoutes } from './home.routes.js'
import type { HomeService } from './home.service.js'

export default async function homeFeature(app: FastifyInstance, options: { home: HomeService }) {
  await app.register(homeRoutes, options)
}
