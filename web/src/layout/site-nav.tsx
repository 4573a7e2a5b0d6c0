import { useTranslation } from 'react-i18next'
import { useEffect, useState } from 'react'
import { NavLink, useLocation } from 'react-router'
import type { Membership } from '../../../shared/schemas/accounts.js'
import { useSession } from '../session/session-context.js'

interface NavItem {
  to: string
  key:
    | 'home'
    | 'account'
    | 'organisation'
    | 'team'
    | 'participants'
    | 'audit'
    | 'myOffers'
    | 'myNeeds'
    | 'findOffers'
    | 'findNeeds'
    | 'editions'
    | 'myEvents'
    | 'kpis'
    | 'contracts'
    | 'vouchers'
    | 'tenders'
  /** A label key outside `nav.`, for features that keep their own strings. */
  label?: 'kpis.nav' | 'contracts.nav' | 'vouchers.nav'
  end?: boolean
}

/** What a person can reach depends on the kind of the organisation they are acting for. */
function navItems(membership: Membership | null, signedIn: boolean): NavItem[] {
  const items: NavItem[] = [{ to: '/', key: 'home', end: true }]
  if (!signedIn) return items
  items.push({ to: '/account', key: 'account' })
  if (!membership) return items
  const { id, kind } = membership.organisation
  items.push(
    { to: `/organisations/${id}`, key: 'organisation', end: true },
    { to: `/organisations/${id}/team`, key: 'team' },
  )
  items.push(...catalogueItems(id, kind))
  if (kind === 'organiser')
    items.push(
      { to: `/organisers/${id}/participants`, key: 'participants' },
      { to: `/organisers/${id}/editions`, key: 'editions' },
      { to: `/organisers/${id}/tenders`, key: 'tenders' },
    )
  if (kind === 'sme' || kind === 'buyer') items.push({ to: `/organisations/${id}/events`, key: 'myEvents' })
  if (kind === 'organiser' || kind === 'authority')
    items.push({ to: '/audit', key: 'audit' }, { to: '/kpis', key: 'kpis', label: 'kpis.nav' })
  if (kind === 'sme' || kind === 'buyer')
    items.push({ to: `/organisations/${id}/contracts`, key: 'contracts', label: 'contracts.nav' })
  if (kind === 'sme') items.push({ to: `/organisations/${id}/vouchers`, key: 'vouchers', label: 'vouchers.nav' })
  if (kind === 'organiser') items.push({ to: `/organisers/${id}/vouchers`, key: 'vouchers', label: 'vouchers.nav' })
  return items
}

/** SMEs offer and look for needs, buyers the other way round; organisers and the authority search both. */
function catalogueItems(id: string, kind: Membership['organisation']['kind']): NavItem[] {
  const findOffers: NavItem = { to: '/search/offers', key: 'findOffers' }
  const findNeeds: NavItem = { to: '/search/needs', key: 'findNeeds' }
  switch (kind) {
    case 'sme':
      return [{ to: `/organisations/${id}/offers`, key: 'myOffers' }, findNeeds]
    case 'buyer':
      return [{ to: `/organisations/${id}/needs`, key: 'myNeeds' }, findOffers]
    default:
      return [findOffers, findNeeds]
  }
}

/** The site's links; on a phone they fold behind a menu button, which closes again on every navigation. */
export function SiteNav() {
  const { t } = useTranslation()
  const { session, membership } = useSession()
  const { pathname } = useLocation()
  const [open, setOpen] = useState(false)
  useEffect(() => setOpen(false), [pathname])
  return (
    <nav className={open ? 'site-nav site-nav-open' : 'site-nav'} aria-label={t('nav.label')}>
      <button
        type="button"
        className="site-nav-toggle"
        aria-expanded={open}
        aria-controls="site-nav-links"
        data-testid="nav-toggle"
        onClick={() => setOpen((value) => !value)}
      >
        <span className="site-nav-toggle-icon" aria-hidden="true" />
        {t('nav.menu')}
      </button>
      <ul id="site-nav-links">
        {navItems(membership, session !== null).map((item) => (
          <li key={item.key}>
            <NavLink to={item.to} end={item.end} data-testid={`nav-${item.key}`}>
              {item.label ? t(item.label) : t(`nav.${item.key as 'home'}`)}
            </NavLink>
          </li>
        ))}
        <li>
          <a href="/docs" data-testid="nav-api-docs">
            {t('nav.apiDocs')}
          </a>
        </li>
      </ul>
    </nav>
  )
}
