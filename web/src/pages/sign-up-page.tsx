import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { ParticipantKind } from '../api/organisations-api.js'
import { KindChooser } from '../components/sign-up/kind-chooser.js'
import { SignUpForm } from '../components/sign-up/sign-up-form.js'
import { useDocumentTitle } from '../use-document-title.js'

function readKind(value: string | null): ParticipantKind | null {
  return value === 'sme' || value === 'buyer' ? value : null
}

export function SignUpPage() {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const [sentTo, setSentTo] = useState<string | null>(null)
  const kind = readKind(params.get('kind'))
  useDocumentTitle(t('signUp.documentTitle'))

  if (sentTo !== null) return <SignUpDone email={sentTo} />

  return (
    <section className="page-section" data-testid="sign-up-page">
      <h1>{t('signUp.title')}</h1>
      {kind === null ? (
        <>
          <p className="lead">{t('signUp.intro')}</p>
          <KindChooser onChoose={(chosen) => setParams({ kind: chosen })} />
          <p className="muted">
            {t('signUp.haveAccount')} <Link to="/sign-in">{t('nav.signIn')}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="chosen-kind">
            <span>{t('signUp.registeringAs', { kind: t(`signUp.kinds.${kind}.title`) })}</span>{' '}
            <button type="button" className="link-button" data-testid="kind-change" onClick={() => setParams({})}>
              {t('signUp.changeKind')}
            </button>
          </p>
          <p className="muted">{t('signUp.formIntro')}</p>
          <SignUpForm kind={kind} onDone={setSentTo} />
        </>
      )}
    </section>
  )
}

function SignUpDone({ email }: { email: string }) {
  const { t } = useTranslation()
  return (
    <section className="narrow">
      <div className="panel done-panel" data-testid="sign-up-done" role="status">
        <span className="done-icon" aria-hidden="true">
          ✉
        </span>
        <h1>{t('signUp.doneTitle')}</h1>
        <p>{t('signUp.doneText', { email })}</p>
        <p className="muted">{t('signUp.donePending')}</p>
        <Link to="/sign-in" className="button button-secondary">
          {t('signUp.doneSignIn')}
        </Link>
      </div>
    </section>
  )
}
