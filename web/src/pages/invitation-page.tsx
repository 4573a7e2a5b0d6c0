import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { Consents } from '../../../shared/schemas/accounts.js'
import { acceptInvitation, previewInvitation, type InvitationPreview } from '../api/auth-api.js'
import { ErrorNotice, Loading } from '../components/async-view.js'
import { Form, FormFailure, SubmitButton } from '../components/form/form.js'
import { useForm } from '../components/form/use-form.js'
import { ConsentFields } from '../components/person/consent-fields.js'
import { initialPerson, PersonFields, type PersonValues } from '../components/person/person-fields.js'
import { useLoad } from '../components/use-load.js'
import { useDateFormat } from '../components/use-date-format.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function InvitationPage() {
  const { t } = useTranslation()
  const { token = '' } = useParams()
  const preview = useLoad(token, () => previewInvitation(token))
  useDocumentTitle(t('invitation.documentTitle'))

  return (
    <section className="narrow" data-testid="invitation-page">
      <h1>{t('invitation.title')}</h1>
      {preview.result.kind === 'loading' && <Loading />}
      {preview.result.kind === 'failed' && <InvitationInvalid error={preview.result.error} />}
      {preview.result.kind === 'ready' && <InvitationDetails token={token} invitation={preview.result.data} />}
    </section>
  )
}

function InvitationInvalid({ error }: { error: unknown }) {
  const { t } = useTranslation()
  const code = typeof error === 'object' && error !== null && 'code' in error ? error.code : null
  if (code !== 'invitations.invalid' && code !== 'route.not_found')
    return <ErrorNotice error={error} testId="invitation-invalid" />
  return (
    <div className="notice notice-bad" role="alert" data-testid="invitation-invalid">
      <p>{t('problems.invitations.invalid')}</p>
      <Link to="/">{t('notFound.home')}</Link>
    </div>
  )
}

function InvitationDetails({ token, invitation }: { token: string; invitation: InvitationPreview }) {
  const { t, i18n } = useTranslation()
  const { setSession } = useSession()
  const navigate = useNavigate()
  const formatDate = useDateFormat()
  const form = useForm()
  const needsProfile = !invitation.accountExists
  const [person, setPerson] = useState<PersonValues>(() => initialPerson(i18n.resolvedLanguage))
  const [consents, setConsents] = useState<Consents>({ profileVisibleToMatches: false, emailNotifications: true })

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => {
      const user = { name: person.name.trim(), language: person.language, timeZone: person.timeZone }
      setSession(await acceptInvitation(needsProfile ? { token, user, consents } : { token }))
      void navigate('/account', { replace: true })
    })

  return (
    <div className="panel" data-testid="invitation-preview">
      <p className="lead" data-testid="invitation-org">
        {t('invitation.intro', {
          name: invitation.invitedBy,
          organisation: invitation.organisation.legalName,
          role: t(`roles.${invitation.role}`).toLocaleLowerCase(),
        })}
      </p>
      <p className="muted small">
        {t('invitation.meta', { email: invitation.email, date: formatDate(invitation.expiresAt) })}
      </p>
      <Form form={form} onSubmit={submit} testId="invitation-form">
        {needsProfile && (
          <>
            <h2>{t('invitation.profileTitle')}</h2>
            <PersonFields values={person} onChange={setPerson} />
            <ConsentFields values={consents} onChange={setConsents} requireVisibility />
          </>
        )}
        <FormFailure testId="invitation-error" />
        <SubmitButton testId="invitation-accept">{t('invitation.accept')}</SubmitButton>
      </Form>
    </div>
  )
}
