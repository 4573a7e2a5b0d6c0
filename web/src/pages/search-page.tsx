import { useTranslation } from 'react-i18next'
import type { OrganisationKind, Session } from '../../../shared/schemas/accounts.js'
import type { SearchIndex } from '../api/catalogue-api.js'
import { SearchView } from '../components/search/search-view.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

/** Buyers look for offers and SMEs for needs; organisers and the authority search both. */
export const SEARCHERS: Record<SearchIndex, readonly OrganisationKind[]> = {
  offers: ['buyer', 'organiser', 'authority'],
  needs: ['sme', 'organiser', 'authority'],
}

export function SearchOffersPage() {
  return <SearchPage index="offers" />
}

export function SearchNeedsPage() {
  return <SearchPage index="needs" />
}

function SearchPage({ index }: { index: SearchIndex }) {
  const { t } = useTranslation()
  useDocumentTitle(t(`search.${index}.documentTitle`))
  return (
    <RequireSession>
      {(session) =>
        maySearch(session, index) ? <SearchView key={index} index={index} /> : <NotForYou index={index} />
      }
    </RequireSession>
  )
}

function maySearch(session: Session, index: SearchIndex): boolean {
  return session.memberships.some((m) => SEARCHERS[index].includes(m.organisation.kind))
}

function NotForYou({ index }: { index: SearchIndex }) {
  const { t } = useTranslation()
  return (
    <div className="page-section">
      <h1>{t(`search.${index}.title`)}</h1>
      <p className="notice notice-warn" data-testid="search-forbidden">
        {t(`search.${index}.forbidden`)}
      </p>
    </div>
  )
}
