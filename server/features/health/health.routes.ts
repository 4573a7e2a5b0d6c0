import { access } from '../../infra/access.js'
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { HealthSchema } from '../../../shared/schemas/health.js'
import type { createHealthService } from './health.service.js'

export const healthRoutes: FastifyPluginAsyncTypebox<{ service: ReturnType<typeof createHealthService> }> = async (
  app,
  { service },
) => {
  app.get(
    '/health',
    {
      config: { access: access.public },
      schema: {
        tags: ['platform'],
        summary: 'State of the platform and of the services it depends on',
        response: { 200: HealthSchema, 503: HealthSchema },
      },
    },
    async (_request, reply) => {
      const health = await service.checkHealth()
      return reply
        .code(health.status === 'down' ? 503 : 200)
        .header('cache-control', 'no-store')
        .send(health)
    },
  )
}
