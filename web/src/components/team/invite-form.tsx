import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Role } from '../../../../shared/schemas/accounts.js'
import { createInvitation } from '../../api/organisations-api.js'
import { SelectField, TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'

export function InviteForm({ orgId, onInvited }: { orgId: string; onInvited: () => void }) {
  const { t } = useTranslation()
  const form = useForm()
  const [email, setEmail] = useState('')
  const [role, setRole] = useState<Role>('member')
  const [sentTo, setSentTo] = useState<string | null>(null)

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(event, async () => {
      const invitation = await createInvitation(orgId, { email: email.trim(), role })
      setSentTo(invitation.email)
      setEmail('')
      onInvited()
    })

  return (
    <Form form={form} onSubmit={submit} testId="invite-form">
      <div className="form-grid form-grid-wide-first">
        <TextField
          name="email"
          testId="invite-email"
          type="email"
          label={t('team.inviteEmail')}
          value={email}
          onChange={setEmail}
          required
          autoComplete="off"
        />
        <SelectField
          name="role"
          testId="invite-role"
          label={t('team.role')}
          value={role}
          onChange={(value) => setRole(value === 'admin' ? 'admin' : 'member')}
          options={[
            { value: 'member', label: t('roles.member') },
            { value: 'admin', label: t('roles.admin') },
          ]}
        />
      </div>
      <p className="muted small">{t('team.inviteHint')}</p>
      <FormFailure testId="invite-error" />
      <div className="form-actions">
        <SubmitButton testId="invite-submit">{t('team.inviteSubmit')}</SubmitButton>
        <p role="status" className="form-status" data-testid="invite-sent">
          {sentTo ? t('team.inviteSent', { email: sentTo }) : null}
        </p>
      </div>
    </Form>
  )
}
