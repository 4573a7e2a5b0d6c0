import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { ListingStatus } from '../../../../shared/schemas/catalogue.js'
import { useMembershipOf } from '../../session/session-context.js'
import { ListingStatusBadge } from './listing-status.js'

interface EditorHeaderProps {
  kind: 'offer' | 'need'
  orgId: string
  /** The saved title; undefined while the listing is new. */
  title: string | undefined
  status: ListingStatus | undefined
}

export function EditorHeader({ kind, orgId, title, status }: EditorHeaderProps) {
  const { t } = useTranslation()
  const membership = useMembershipOf(orgId)
  return (
    <header className="page-header">
      <p className="eyebrow">
        <Link to={`/organisations/${orgId}/${kind}s`} data-testid={`${kind}s-back`}>
          {t(`listing.${kind}.back`)}
        </Link>
        {membership && <> · {membership.organisation.legalName}</>}
      </p>
      <h1 data-testid={`${kind}-heading`}>{title ?? t(`listing.${kind}.newTitle`)}</h1>
      {status && <ListingStatusBadge status={status} />}
      {status === 'published' && <p className="muted small">{t(`listing.${kind}.publishedHint`)}</p>}
    </header>
  )
}
