import { useTranslation } from 'react-i18next'
import { Link, NavLink, useLocation, useNavigate } from 'react-router'
import { signOut } from '../api/auth-api.js'
import { useSession } from '../session/session-context.js'
import { useEndSession } from '../session/use-end-session.js'

/** Signed in: who, for which organisation, and sign-out. Signed out: sign in and register. */
export function UserMenu() {
  const { t } = useTranslation()
  const { status, session } = useSession()
  const endSession = useEndSession()

  if (status === 'loading') return <div className="user-menu" aria-hidden="true" />
  if (!session) {
    return (
      <div className="user-menu">
        <NavLink to="/sign-in" className="user-link" data-testid="nav-sign-in">
          {t('nav.signIn')}
        </NavLink>
        <Link to="/sign-up" className="button button-small" data-testid="nav-sign-up">
          {t('nav.register')}
        </Link>
      </div>
    )
  }

  const leave = async () => {
    await signOut().catch(() => undefined) // an expired session is signed out already
    endSession('/', 'signedOut')
  }

  return (
    <div className="user-menu" data-testid="user-menu">
      <div className="user-identity">
        <Link to="/account" className="user-name" data-testid="user-name">
          {session.user.name}
        </Link>
        <OrganisationSwitcher />
      </div>
      <button
        type="button"
        className="button button-small button-secondary"
        data-testid="sign-out"
        onClick={() => void leave()}
      >
        {t('nav.signOut')}
      </button>
    </div>
  )
}

function OrganisationSwitcher() {
  const { t } = useTranslation()
  const { session, membership, selectOrganisation } = useSession()
  const { pathname } = useLocation()
  const navigate = useNavigate()
  const memberships = session?.memberships ?? []
  if (!membership) return null
  if (memberships.length < 2) {
    return (
      <span className="user-org" data-testid="current-org">
        {membership.organisation.legalName}
      </span>
    )
  }

  // Stay on the same page for the newly chosen organisation when the page is about one.
  const choose = (id: string) => {
    const previous = membership.organisation.id
    const next = memberships.find((m) => m.organisation.id === id)
    selectOrganisation(id)
    if (!next || !pathname.includes(previous)) return
    const organiserPage = pathname.startsWith('/organisers/')
    // A listing belongs to one organisation: the other one gets its list instead.
    const samePage = pathname.replace(previous, id).replace(/\/(offers|needs)\/[^/]+$/, '/$1')
    void navigate(organiserPage && next.organisation.kind !== 'organiser' ? `/organisations/${id}` : samePage)
  }

  return (
    <select
      className="org-switcher"
      aria-label={t('nav.organisationSwitcher')}
      data-testid="org-switcher"
      value={membership.organisation.id}
      onChange={(event) => choose(event.target.value)}
    >
      {memberships.map((m) => (
        <option key={m.organisation.id} value={m.organisation.id}>
          {m.organisation.legalName}
        </option>
      ))}
    </select>
  )
}
