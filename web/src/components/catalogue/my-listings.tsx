import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { OrganisationKind } from '../../../../shared/schemas/accounts.js'
import { useMembershipOf } from '../../session/session-context.js'
import { AsyncView } from '../async-view.js'
import { useLoad } from '../use-load.js'
import { ListingTable, type ListingRow } from './listing-table.js'

interface MyListingsProps {
  kind: 'offer' | 'need'
  orgId: string
  load: () => Promise<ListingRow[]>
}

const OWNER_KIND: Record<MyListingsProps['kind'], OrganisationKind> = { offer: 'sme', need: 'buyer' }

/** An organisation's offers (SMEs) or needs (buyers), drafts included, with a way to add one. */
export function MyListings({ kind, orgId, load }: MyListingsProps) {
  const { t } = useTranslation()
  const membership = useMembershipOf(orgId)
  const rightKind = membership === null || membership.organisation.kind === OWNER_KIND[kind]
  const listings = useLoad(rightKind ? `${kind}:${orgId}` : null, load)
  const base = `/organisations/${orgId}/${kind}s`

  return (
    <div className="page-section" data-testid={`${kind}s-page`}>
      <header className="page-header page-header-row">
        <div>
          {membership && (
            <p className="eyebrow">
              <Link to={`/organisations/${orgId}`}>{membership.organisation.legalName}</Link>
            </p>
          )}
          <h1>{t(`listing.${kind}.listTitle`)}</h1>
          <p className="lead">{t(`listing.${kind}.listIntro`)}</p>
        </div>
        {rightKind && (
          <Link to={`${base}/new`} className="button" data-testid={`${kind}-new`}>
            {t(`listing.${kind}.new`)}
          </Link>
        )}
      </header>
      {!rightKind && (
        <p className="notice notice-warn" data-testid="wrong-kind">
          {t(`listing.${kind}.wrongKind`)}
        </p>
      )}
      {membership?.affiliationStatus !== undefined && membership.affiliationStatus !== 'validated' && (
        <p className="notice notice-warn" data-testid="listing-pending">
          {t(`listing.${kind}.pending`)}
        </p>
      )}
      {rightKind && (
        <section className="panel">
          <AsyncView result={listings.result} onRetry={() => listings.reload()}>
            {(rows) =>
              rows.length === 0 ? (
                <p className="muted empty" data-testid={`${kind}s-empty`}>
                  {t(`listing.${kind}.empty`)}
                </p>
              ) : (
                <ListingTable kind={kind} rows={rows} editPath={(id) => `${base}/${id}`} />
              )
            }
          </AsyncView>
        </section>
      )}
    </div>
  )
}
