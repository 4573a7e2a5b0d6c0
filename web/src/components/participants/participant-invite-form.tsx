import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { inviteParticipant, type ParticipantKind } from '../../api/organisations-api.js'
import { SelectField, TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'

/** An organiser invites an SME or buyer by e-mail; the invitee completes the registration. */
export function ParticipantInviteForm({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const form = useForm()
  const [email, setEmail] = useState('')
  const [kind, setKind] = useState<ParticipantKind>('sme')
  const [legalName, setLegalName] = useState('')
  const [sentTo, setSentTo] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => {
      const invitation = await inviteParticipant(orgId, { email: email.trim(), kind, legalName: legalName.trim() })
      setSentTo(invitation.email)
      setEmail('')
      setLegalName('')
    })

  return (
    <Form form={form} onSubmit={submit} testId="participant-invite-form">
      <TextField
        name="legalName"
        testId="participant-invite-legalName"
        label={t('participants.inviteLegalName')}
        value={legalName}
        onChange={setLegalName}
        required
        minLength={2}
        maxLength={200}
      />
      <div className="form-grid form-grid-wide-first">
        <TextField
          name="email"
          testId="participant-invite-email"
          type="email"
          label={t('participants.inviteEmail')}
          value={email}
          onChange={setEmail}
          required
          autoComplete="off"
        />
        <SelectField
          name="kind"
          testId="participant-invite-kind"
          label={t('participants.inviteKind')}
          value={kind}
          onChange={(value) => setKind(value === 'buyer' ? 'buyer' : 'sme')}
          options={[
            { value: 'sme', label: t('kinds.sme') },
            { value: 'buyer', label: t('kinds.buyer') },
          ]}
        />
      </div>
      <FormFailure testId="participant-invite-error" />
      <div className="form-actions">
        <SubmitButton testId="participant-invite-submit">{t('participants.inviteSubmit')}</SubmitButton>
        <p role="status" className="form-status" data-testid="participant-invite-sent">
          {sentTo ? t('participants.inviteSent', { email: sentTo }) : null}
        </p>
      </div>
    </Form>
  )
}
