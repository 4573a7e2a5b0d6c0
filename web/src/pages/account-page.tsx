import { useTranslation } from 'react-i18next'
import type { Session } from '../../../shared/schemas/accounts.js'
import { ConsentsSection } from '../components/account/consents-section.js'
import { DataSection } from '../components/account/data-section.js'
import { DeleteSection } from '../components/account/delete-section.js'
import { MembershipsSection } from '../components/account/memberships-section.js'
import { PasswordSection } from '../components/account/password-section.js'
import { ProfileSection } from '../components/account/profile-section.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function AccountPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('account.documentTitle'))
  return <RequireSession>{(session) => <Account session={session} />}</RequireSession>
}

function Account({ session }: { session: Session }) {
  const { t } = useTranslation()
  return (
    <div className="page-section" data-testid="account-page">
      <header className="page-header">
        <h1>{t('account.title')}</h1>
        <p className="lead" data-testid="account-name">
          {t('account.signedInAs', { name: session.user.name })}
        </p>
      </header>
      <div className="two-columns">
        <div className="stack">
          <ProfileSection session={session} />
          <PasswordSection session={session} />
        </div>
        <div className="stack">
          <MembershipsSection session={session} />
          <ConsentsSection />
          <DataSection />
        </div>
      </div>
      <DeleteSection session={session} />
    </div>
  )
}
