import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { Session } from '../../../shared/schemas/accounts.js'
import { Segmented } from '../components/segmented.js'
import { MagicLinkForm } from '../components/sign-in/magic-link-form.js'
import { PasswordSignInForm } from '../components/sign-in/password-sign-in-form.js'
import { safeNext } from '../session/safe-next.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

type Method = 'link' | 'password'

export function SignInPage() {
  const { t } = useTranslation()
  const { session, setSession } = useSession()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const [method, setMethod] = useState<Method>('link')
  useDocumentTitle(t('signIn.documentTitle'))

  const signedIn = (next: Session) => {
    setSession(next)
    void navigate(safeNext(params.get('next')), { replace: true })
  }

  return (
    <section className="narrow" data-testid="sign-in-page">
      <h1>{t('signIn.title')}</h1>
      {session && (
        <p className="notice" data-testid="sign-in-already">
          {t('signIn.already', { name: session.user.name })} <Link to="/account">{t('nav.account')}</Link>
        </p>
      )}
      <Segmented
        label={t('signIn.method')}
        testIdPrefix="sign-in-method"
        value={method}
        onChange={(value) => setMethod(value === 'password' ? 'password' : 'link')}
        options={[
          { value: 'link', label: t('signIn.methodLink') },
          { value: 'password', label: t('signIn.methodPassword') },
        ]}
      />
      {method === 'link' ? <MagicLinkForm /> : <PasswordSignInForm onSignedIn={signedIn} />}
      <p className="muted">
        {t('signIn.noAccount')} <Link to="/sign-up">{t('nav.register')}</Link>
      </p>
    </section>
  )
}
