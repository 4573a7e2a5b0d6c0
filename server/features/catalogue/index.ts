import type { FastifyInstance } from 'fastify'
import type { IndexName } from '../../infra/search/search.types.js'
import { catalogueRoutes } from './catalogue.routes.js'
import { SEARCH_SYNC_TOPIC, type CatalogueService } from './catalogue.service.js'
import { ORGANISATION_CHANGED } from '../organisations/organisations.service.js'

/** Routes, plus the outbox handlers that keep the search index in line with PostgreSQL. */
export default async function catalogueFeature(app: FastifyInstance, options: { catalogue: CatalogueService }) {
  const { catalogue } = options
  app.outbox.register(SEARCH_SYNC_TOPIC, async (payload) => {
    const { index, id } = payload as { index: IndexName; id: string }
    await catalogue.syncDocuments(index, [id])
  })
  app.outbox.register(ORGANISATION_CHANGED, async (payload) => {
    await app.db.transaction((tx) =>
      catalogue.syncOrganisation(tx, (payload as { organisationId: string }).organisationId),
    )
  })
  await app.register(catalogueRoutes, options)
}
