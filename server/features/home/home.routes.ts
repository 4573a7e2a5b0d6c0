import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { HomeSchema } from '../../../shared/schemas/home.js'
import { access } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { HomeService } from './home.service.js'

export const homeRoutes: FastifyPluginAsyncTypebox<{ home: HomeService }> = async (app, { home }) => {
  app.get(
    '/organisations/:orgId/home',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags: ['home'],
        summary: 'What the organisation should do next: the home page after sign-in',
        params: Type.Object({ orgId: Type.String({ format: 'uuid' }) }),
        response: { 200: HomeSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => home.homeOf(request.params.orgId),
  )
}
