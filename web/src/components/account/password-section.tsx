import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../shared/schemas/accounts.js'
import { setPassword } from '../../api/me-api.js'
import { TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { useSession } from '../../session/session-context.js'

/** Sets a first password (sign-in links need none) or changes the current one. */
export function PasswordSection({ session }: { session: Session }) {
  const { t } = useTranslation()
  const { setSession } = useSession()
  const form = useForm()
  const hasPassword = session.user.hasPassword
  const [currentPassword, setCurrent] = useState('')
  const [newPassword, setNew] = useState('')
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => {
      await setPassword(hasPassword ? { currentPassword, newPassword } : { newPassword })
      setSession({ ...session, user: { ...session.user, hasPassword: true } })
      setCurrent('')
      setNew('')
      setSaved(true)
    })

  return (
    <section className="panel" aria-labelledby="password-title">
      <h2 id="password-title">{hasPassword ? t('account.passwordChangeTitle') : t('account.passwordSetTitle')}</h2>
      <p className="muted">{hasPassword ? t('account.passwordChangeIntro') : t('account.passwordSetIntro')}</p>
      <Form form={form} onSubmit={submit} testId="password-change-form">
        {hasPassword && (
          <TextField
            name="currentPassword"
            type="password"
            label={t('account.currentPassword')}
            value={currentPassword}
            onChange={setCurrent}
            required
            autoComplete="current-password"
          />
        )}
        <TextField
          name="newPassword"
          type="password"
          label={t('account.newPassword')}
          hint={t('account.newPasswordHint')}
          value={newPassword}
          onChange={(value) => {
            setNew(value)
            setSaved(false)
          }}
          required
          minLength={10}
          maxLength={200}
          autoComplete="new-password"
        />
        <FormFailure testId="password-change-error" />
        <div className="form-actions">
          <SubmitButton testId="password-save">{t('account.passwordSave')}</SubmitButton>
          <p role="status" className="form-status" data-testid="password-saved">
            {saved ? t('account.passwordSaved') : null}
          </p>
        </div>
      </Form>
    </section>
  )
}
