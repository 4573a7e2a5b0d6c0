import { useTranslation } from 'react-i18next'
import { Link, NavLink, Outlet } from 'react-router'
import { LanguageSwitcher } from '../components/language-switcher.js'

export function Layout() {
  const { t } = useTranslation()
  return (
    <div className="page">
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header className="site-header">
        <div className="container header-inner">
          <Link to="/" className="brand" data-testid="brand">
            <span className="brand-mark" aria-hidden="true" />
            <span className="brand-text">
              <span className="brand-name">{t('app.name')}</span>
              <span className="brand-tagline">{t('app.tagline')}</span>
            </span>
          </Link>
          <nav className="site-nav" aria-label={t('nav.label')}>
            <ul>
              <li>
                <NavLink to="/" end data-testid="nav-home">
                  {t('nav.home')}
                </NavLink>
              </li>
              <li>
                <NavLink to="/sign-in" data-testid="nav-sign-in">
                  {t('nav.signIn')}
                </NavLink>
              </li>
              <li>
                <a href="/docs" data-testid="nav-api-docs">
                  {t('nav.apiDocs')}
                </a>
              </li>
            </ul>
          </nav>
          <LanguageSwitcher />
        </div>
      </header>
      <main id="main" className="container site-main" tabIndex={-1}>
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t('footer.measure')}</p>
          <p>{t('footer.licence')}</p>
        </div>
      </footer>
    </div>
  )
}
