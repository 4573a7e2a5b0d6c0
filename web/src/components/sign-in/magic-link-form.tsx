import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { requestMagicLink } from '../../api/auth-api.js'
import { TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'

/** Asks for a sign-in link; the answer is the same whether or not the address has an account. */
export function MagicLinkForm() {
  const { t } = useTranslation()
  const form = useForm()
  const [email, setEmail] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => {
      await requestMagicLink(email.trim())
      setSentTo(email.trim())
    })

  if (sentTo !== null) {
    return (
      <div className="panel done-panel" role="status" data-testid="sign-in-sent">
        <span className="done-icon" aria-hidden="true">
          ✉
        </span>
        <h2>{t('signIn.sentTitle')}</h2>
        <p>{t('signIn.sentText', { email: sentTo })}</p>
        <button type="button" className="link-button" onClick={() => setSentTo(null)}>
          {t('signIn.sendAgain')}
        </button>
      </div>
    )
  }

  return (
    <Form form={form} onSubmit={submit} testId="sign-in-form" className="panel">
      <p className="muted">{t('signIn.intro')}</p>
      <TextField
        name="email"
        testId="sign-in-email"
        type="email"
        label={t('signIn.email')}
        value={email}
        onChange={setEmail}
        required
        autoComplete="email"
      />
      <FormFailure testId="sign-in-error" />
      <SubmitButton testId="sign-in-submit">{t('signIn.submit')}</SubmitButton>
    </Form>
  )
}
