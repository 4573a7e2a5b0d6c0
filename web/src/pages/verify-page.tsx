import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useSearchParams } from 'react-router'
import type { Session } from '../../../shared/schemas/accounts.js'
import { verifyMagicLink } from '../api/auth-api.js'
import { ErrorNotice, Loading } from '../components/async-view.js'
import { safeNext } from '../session/safe-next.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

/**
 * A link works once, so each token is sent at most once per page load, even when
 * React runs effects twice (StrictMode) or the page re-renders.
 */
const verifications = new Map<string, Promise<Session>>()

function verifyOnce(token: string): Promise<Session> {
  let verification = verifications.get(token)
  if (!verification) {
    verification = verifyMagicLink(token)
    verifications.set(token, verification)
  }
  return verification
}

const MISSING_TOKEN = { code: 'auth.link_invalid' }

export function VerifyPage() {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const navigate = useNavigate()
  const { setSession } = useSession()
  const [error, setError] = useState<unknown>(null)
  const token = params.get('token') ?? ''
  const next = safeNext(params.get('next'))
  useDocumentTitle(t('verify.documentTitle'))

  useEffect(() => {
    if (token === '') return
    let current = true
    verifyOnce(token).then(
      (session) => {
        if (!current) return
        setSession(session)
        void navigate(next, { replace: true })
      },
      (failure: unknown) => current && setError(failure),
    )
    return () => {
      current = false
    }
  }, [token, next, navigate, setSession])

  return (
    <section className="narrow" data-testid="verify-page">
      <h1>{t('verify.title')}</h1>
      {token === '' || error !== null ? <VerifyFailed error={error ?? MISSING_TOKEN} /> : <Loading />}
    </section>
  )
}

function VerifyFailed({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null
  return (
    <div data-testid="verify-failed">
      {code === 'auth.link_invalid' || code === 'validation.failed' ? (
        <p className="notice notice-bad" role="alert" data-code={code}>
          {t('verify.linkInvalid')}
        </p>
      ) : (
        <ErrorNotice error={error} />
      )}
      <Link to="/sign-in" className="button" data-testid="verify-request-new">
        {t('verify.requestNew')}
      </Link>
    </div>
  )
}
