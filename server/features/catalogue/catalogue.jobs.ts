import type { Database } from '../../infra/db.js'
import type { FeatureJobs } from '../../infra/jobs.js'
import type { IndexName } from '../../infra/search/search.types.js'
import { ORGANISATION_CHANGED } from '../organisations/organisations.service.js'
import { SEARCH_SYNC_TOPIC, type CatalogueService } from './catalogue.service.js'

/** Keeps the search index in line with PostgreSQL: a changed offer or need, a renamed organisation. */
export function catalogueJobs(deps: { db: Database; catalogue: CatalogueService }): FeatureJobs {
  return {
    handlers: {
      [SEARCH_SYNC_TOPIC]: async (payload) => {
        const { index, id } = payload as { index: IndexName; id: string }
        await deps.catalogue.syncDocuments(index, [id])
      },
      [ORGANISATION_CHANGED]: async (payload) => {
        const { organisationId } = payload as { organisationId: string }
        await deps.db.transaction((tx) => deps.catalogue.syncOrganisation(tx, organisationId))
      },
    },
  }
}
