import type { FastifyInstance } from 'fastify'
import type { AuditService } from './audit.service.js'
import { auditRoutes } from './audit.routes.js'

export default async function auditFeature(
  app: FastifyInstance,
  options: { audit: AuditService; participantsOf(organiserIds: string[]): Promise<string[]> },
) {
  await app.register(auditRoutes, options)
}
