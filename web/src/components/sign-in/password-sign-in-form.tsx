import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../shared/schemas/accounts.js'
import { signInWithPassword } from '../../api/auth-api.js'
import { TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'

export function PasswordSignInForm({ onSignedIn }: { onSignedIn: (session: Session) => void }) {
  const { t } = useTranslation()
  const form = useForm()
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => onSignedIn(await signInWithPassword(email.trim(), password)))

  return (
    <Form form={form} onSubmit={submit} testId="password-form" className="panel">
      <TextField
        name="email"
        testId="password-email"
        type="email"
        label={t('signIn.email')}
        value={email}
        onChange={setEmail}
        required
        autoComplete="username"
      />
      <TextField
        name="password"
        testId="password-password"
        type="password"
        label={t('signIn.password')}
        value={password}
        onChange={setPassword}
        required
        autoComplete="current-password"
      />
      <FormFailure testId="password-error" />
      <SubmitButton testId="password-submit">{t('signIn.passwordSubmit')}</SubmitButton>
      <p className="muted small">{t('signIn.noPassword')}</p>
    </Form>
  )
}
