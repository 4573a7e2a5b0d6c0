import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { AffiliationStatus, Session } from '../../../../shared/schemas/accounts.js'
import { StatusBadge, type BadgeTone } from '../status-badge.js'

const TONES: Record<AffiliationStatus, BadgeTone> = { pending: 'warn', validated: 'ok', rejected: 'bad' }

/** The organisations the person belongs to, with their standing at the organiser. */
export function MembershipsSection({ session }: { session: Session }) {
  const { t } = useTranslation()
  return (
    <section className="panel" aria-labelledby="memberships-title">
      <h2 id="memberships-title">{t('account.membershipsTitle')}</h2>
      {session.memberships.length === 0 && <p className="muted">{t('account.noMemberships')}</p>}
      <ul className="plain-list">
        {session.memberships.map(({ organisation, role, affiliationStatus }) => (
          <li key={organisation.id} className="list-row" data-testid="membership-row" data-status={affiliationStatus}>
            <div>
              <Link to={`/organisations/${organisation.id}`}>{organisation.legalName}</Link>
              <div className="muted small">
                {t(`kinds.${organisation.kind}`)} · {t(`roles.${role}`)}
              </div>
            </div>
            {affiliationStatus && (
              <StatusBadge tone={TONES[affiliationStatus]}>{t(`affiliation.${affiliationStatus}`)}</StatusBadge>
            )}
          </li>
        ))}
      </ul>
      {session.memberships.some((m) => m.affiliationStatus === 'pending') && (
        <p className="notice small" data-testid="pending-notice">
          {t('account.pendingNotice')}
        </p>
      )}
    </section>
  )
}
