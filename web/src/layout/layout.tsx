import { useTranslation } from 'react-i18next'
import { Link, Outlet } from 'react-router'
import { FlashNotice } from '../components/flash-notice.js'
import { LanguageSwitcher } from '../components/language-switcher.js'
import { SiteNav } from './site-nav.js'
import { UserMenu } from './user-menu.js'

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
          <UserMenu />
          <LanguageSwitcher />
        </div>
        <div className="container">
          <SiteNav />
        </div>
      </header>
      <main id="main" className="container site-main" tabIndex={-1}>
        <FlashNotice />
        <Outlet />
      </main>
      <footer className="site-footer">
        <div className="container footer-inner">
          <div>
            <p>{t('footer.measure')}</p>
            <p>{t('footer.licence')}</p>
          </div>
          <Link to="/dev/mailbox" className="footer-dev-link" data-testid="footer-mailbox">
            {t('footer.devMailbox')}
          </Link>
        </div>
      </footer>
    </div>
  )
}
