import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../shared/schemas/accounts.js'
import { deleteMe } from '../../api/me-api.js'
import { useEndSession } from '../../session/use-end-session.js'
import { TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'

/** Erasure: the account is anonymised once the person types their own e-mail address. */
export function DeleteSection({ session }: { session: Session }) {
  const { t } = useTranslation()
  const endSession = useEndSession()
  const form = useForm()
  const [confirmEmail, setConfirmEmail] = useState('')
  const matches = confirmEmail.trim().toLowerCase() === session.user.email.toLowerCase()

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => {
      await deleteMe(confirmEmail.trim())
      endSession('/', 'accountDeleted')
    })

  return (
    <section className="panel danger-zone" aria-labelledby="delete-title">
      <h2 id="delete-title">{t('account.deleteTitle')}</h2>
      <p>{t('account.deleteText')}</p>
      <Form form={form} onSubmit={submit} testId="delete-form">
        <TextField
          name="confirmEmail"
          testId="delete-email"
          type="email"
          label={t('account.deleteConfirmLabel', { email: session.user.email })}
          value={confirmEmail}
          onChange={setConfirmEmail}
          required
          autoComplete="off"
        />
        <FormFailure testId="delete-error" />
        <SubmitButton testId="delete-submit" className="button button-danger-solid" disabled={!matches}>
          {t('account.deleteButton')}
        </SubmitButton>
      </Form>
    </section>
  )
}
