import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { useDocumentTitle } from '../use-document-title.js'

export function SignInPage() {
  const { t } = useTranslation()
  const [submitted, setSubmitted] = useState(false)
  useDocumentTitle(t('signIn.documentTitle'))

  // Accounts are not open yet: the form only acknowledges the attempt.
  function handleSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault()
    setSubmitted(true)
  }

  return (
    <section className="narrow">
      <h1>{t('signIn.title')}</h1>
      <p className="notice" data-testid="sign-in-notice">
        {t('signIn.soon')}
      </p>
      <p>{t('signIn.intro')}</p>
      <form className="panel form" onSubmit={handleSubmit} data-testid="sign-in-form">
        <label htmlFor="sign-in-email">{t('signIn.email')}</label>
        <input
          id="sign-in-email"
          name="email"
          type="email"
          autoComplete="email"
          required
          data-testid="sign-in-email"
        />
        <button type="submit" className="button" data-testid="sign-in-submit">
          {t('signIn.submit')}
        </button>
        <p role="status" className="form-status" data-testid="sign-in-status">
          {submitted ? t('signIn.submitted') : null}
        </p>
      </form>
    </section>
  )
}
