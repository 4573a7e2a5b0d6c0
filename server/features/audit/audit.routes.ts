import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { AuditEventSchema } from '../../../shared/schemas/accounts.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { AuditScope, AuditService } from './audit.service.js'

export interface AuditRoutesOptions {
  audit: AuditService
  /** Participants registered with these organisers. */
  participantsOf(organiserIds: string[]): Promise<string[]>
}

/** The audit trail: the authority reads all of it, an organiser its own and its participants' events. */
export const auditRoutes: FastifyPluginAsyncTypebox<AuditRoutesOptions> = async (app, { audit, participantsOf }) => {
  app.get(
    '/audit',
    {
      config: { access: access.orgKind(['organiser', 'authority']) },
      schema: {
        tags: ['audit'],
        summary:
          'Security- and KPI-relevant actions, newest first, by area and by who acted, a page before a given event',
        querystring: Type.Object(
          {
            limit: Type.Integer({ minimum: 1, maximum: 200, default: 50 }),
            before: Type.Optional(Type.Integer({ minimum: 1 })),
            /** The area of the actions: the part before the dot (`schedule` keeps `schedule.published`…). */
            area: Type.Optional(Type.String({ pattern: '^[a-z_]+$', maxLength: 40 })),
            /** Part of the name of the person who acted. */
            actor: Type.Optional(Type.String({ maxLength: 100 })),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(AuditEventSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const auth = authOf(request)
      const organisers = auth.memberships.filter((m) => m.kind === 'organiser').map((m) => m.organisationId)
      const scope: AuditScope = auth.memberships.some((m) => m.kind === 'authority')
        ? { all: true }
        : { organisationIds: [...organisers, ...(await participantsOf(organisers))] }
      const { limit, before, area, actor } = request.query
      return audit.listEvents(scope, {
        limit,
        ...(before ? { before } : {}),
        ...(area ? { area } : {}),
        ...(actor?.trim() ? { actor: actor.trim() } : {}),
      })
    },
  )
}
