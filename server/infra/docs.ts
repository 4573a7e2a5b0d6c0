import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import swagger from '@fastify/swagger'
import swaggerUi from '@fastify/swagger-ui'
import type { Config } from '../config.js'
import { APP_VERSION } from './version.js'
import { markRoutesPublic } from './access.js'

/** OpenAPI description of every route, built from the route schemas, with a UI at /docs. */
async function docsPlugin(app: FastifyInstance, options: { config: Config }) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Meet the Buyer API',
        description: 'Connecting SMEs with large buyers: catalogue, matching, meetings, events and KPIs.',
        version: APP_VERSION,
        license: { name: 'AGPL-3.0-or-later' },
      },
      servers: [{ url: options.config.publicUrl }],
    },
  })
  await app.register(async (docs) => {
    markRoutesPublic(docs)
    await docs.register(swaggerUi, { routePrefix: '/docs', uiConfig: { docExpansion: 'list', deepLinking: true } })
  })
}

export default fp(docsPlugin, { name: 'docs' })
