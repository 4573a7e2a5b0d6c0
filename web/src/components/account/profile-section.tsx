import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Session } from '../../../../shared/schemas/accounts.js'
import { updateMe } from '../../api/me-api.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { PersonFields, type PersonValues } from '../person/person-fields.js'
import { useSession } from '../../session/session-context.js'

export function ProfileSection({ session }: { session: Session }) {
  const { t } = useTranslation()
  const { setSession } = useSession()
  const form = useForm()
  const { user } = session
  const [values, setValues] = useState<PersonValues>({
    name: user.name,
    email: user.email,
    language: user.language,
    timeZone: user.timeZone,
  })
  const [saved, setSaved] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(
      event,
      async () => {
        const updated = await updateMe({
          name: values.name.trim(),
          language: values.language,
          timeZone: values.timeZone,
        })
        setSession({ ...session, user: updated })
        setSaved(true)
      },
      { prefix: 'user.' },
    )

  return (
    <section className="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('account.profileTitle')}</h2>
      <p className="muted">{t('account.emailIs', { email: user.email })}</p>
      <Form form={form} onSubmit={submit} testId="profile-form">
        <PersonFields
          values={values}
          onChange={(next) => {
            setValues(next)
            setSaved(false)
          }}
        />
        <FormFailure testId="profile-error" />
        <div className="form-actions">
          <SubmitButton testId="profile-save">{t('common.save')}</SubmitButton>
          <p role="status" className="form-status" data-testid="profile-saved">
            {saved ? t('common.saved') : null}
          </p>
        </div>
      </Form>
    </section>
  )
}
