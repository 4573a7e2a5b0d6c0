import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingRequest } from '../../../../shared/schemas/participation.js'
import { requestMeeting } from '../../api/participation-api.js'
import { SelectField, TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'

interface RequestFormProps {
  eventId: string
  /** The asking organisation; absent for a hub imposing a meeting, which names both sides. */
  fromOrganisationId?: string
  /** Pre-filled counterpart, e.g. the owner of the offer being read. */
  toOrganisationId?: string
  onSent: (request: MeetingRequest) => void
}

const UUID = '[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}'

/** Asks to meet an organisation in an event, "must meet" or "meet", with an optional message. */
export function RequestForm({ eventId, fromOrganisationId, toOrganisationId = '', onSent }: RequestFormProps) {
  const { t } = useTranslation()
  const form = useForm()
  const [from, setFrom] = useState(fromOrganisationId ?? '')
  const [to, setTo] = useState(toOrganisationId)
  const [priority, setPriority] = useState<'meet' | 'must_meet'>('meet')
  const [message, setMessage] = useState('')
  const [sent, setSent] = useState(false)

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSent(false)
    void form.submit(event, async () => {
      const text = message.trim()
      const body = {
        fromOrganisationId: from.trim(),
        toOrganisationId: to.trim(),
        priority,
        ...(text ? { message: text } : {}),
      }
      onSent(await requestMeeting(eventId, body))
      setSent(true)
      setMessage('')
      if (!toOrganisationId) setTo('')
    })
  }

  return (
    <Form form={form} onSubmit={submit} testId="request-form" label={t('requests.formLabel')}>
      {fromOrganisationId === undefined && (
        <TextField
          name="fromOrganisationId"
          testId="request-from"
          label={t('requests.from')}
          value={from}
          onChange={setFrom}
          required
          pattern={UUID}
        />
      )}
      <TextField
        name="toOrganisationId"
        testId="request-to"
        label={t('requests.to')}
        hint={t('requests.toHint')}
        value={to}
        onChange={setTo}
        required
        pattern={UUID}
      />
      <SelectField
        name="priority"
        testId="request-priority"
        label={t('requests.priority')}
        value={priority}
        onChange={(v) => setPriority(v === 'must_meet' ? 'must_meet' : 'meet')}
        options={[
          { value: 'meet', label: t('requests.meet') },
          { value: 'must_meet', label: t('requests.mustMeet') },
        ]}
      />
      <TextField
        name="message"
        testId="request-message"
        multiline
        label={t('requests.message')}
        optional
        value={message}
        onChange={setMessage}
        maxLength={1000}
      />
      <FormFailure testId="request-form-error" />
      {sent && (
        <p className="notice notice-ok" role="status" data-testid="request-sent">
          {t('requests.sent')}
        </p>
      )}
      <div className="button-row">
        <SubmitButton testId="request-send">{t('requests.send')}</SubmitButton>
      </div>
    </Form>
  )
}
