import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingRequest } from '../../../../shared/schemas/participation.js'
import { listMeetingPartners, requestMeeting, type MeetingPartner } from '../../api/participation-api.js'
import { AsyncView } from '../async-view.js'
import { SelectField, TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { SearchSelectField } from '../form/search-select.js'
import { useForm } from '../form/use-form.js'
import { useLoad } from '../use-load.js'

interface RequestFormProps {
  eventId: string
  /** The asking organisation; absent for a hub imposing a meeting, which picks both sides. */
  fromOrganisationId?: string
  /** Pre-filled counterpart, e.g. the owner of the offer being read or a recommendation: shown by name. */
  to?: { id: string; name: string }
  onSent: (request: MeetingRequest) => void
}

/** Asks to meet an organisation of the event, chosen by name, "must meet" or "meet", with an optional message. */
export function RequestForm(props: RequestFormProps) {
  const { eventId, fromOrganisationId, to } = props
  const partners = useLoad(to && fromOrganisationId ? null : `${eventId}:${fromOrganisationId ?? ''}`, () =>
    listMeetingPartners(eventId, fromOrganisationId),
  )
  if (to && fromOrganisationId) return <RequestFields {...props} partners={[]} />
  return (
    <AsyncView result={partners.result} onRetry={() => partners.reload()}>
      {(list) => <RequestFields {...props} partners={list} />}
    </AsyncView>
  )
}

function RequestFields({
  eventId,
  fromOrganisationId,
  to: fixedTo,
  onSent,
  partners,
}: RequestFormProps & { partners: MeetingPartner[] }) {
  const { t } = useTranslation()
  const form = useForm()
  const [from, setFrom] = useState(fromOrganisationId ?? '')
  const [to, setTo] = useState(fixedTo?.id ?? '')
  const [priority, setPriority] = useState<'meet' | 'must_meet'>('meet')
  const [message, setMessage] = useState('')
  const [sent, setSent] = useState(false)
  const hub = fromOrganisationId === undefined
  const options = (kind?: string) =>
    partners.filter((p) => kind === undefined || p.kind === kind).map((p) => ({ value: p.id, label: p.legalName }))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSent(false)
    void form.submit(event, async () => {
      const text = message.trim()
      const body = { fromOrganisationId: from, toOrganisationId: to, priority, ...(text ? { message: text } : {}) }
      onSent(await requestMeeting(eventId, body))
      setSent(true)
      setMessage('')
      if (!fixedTo) setTo('')
    })
  }

  if (!fixedTo && partners.length === 0)
    return (
      <p className="muted" data-testid="request-no-partners">
        {t('requests.noPartners')}
      </p>
    )
  return (
    <Form form={form} onSubmit={submit} testId="request-form" label={t('requests.formLabel')}>
      {hub && (
        <SearchSelectField
          name="fromOrganisationId"
          testId="request-from"
          label={t('requests.sme')}
          value={from}
          onChange={setFrom}
          options={options('sme')}
          placeholder={t('requests.choose')}
          required
        />
      )}
      {fixedTo ? (
        <p data-testid="request-to-name">{t('requests.meetingWith', { name: fixedTo.name })}</p>
      ) : (
        <SearchSelectField
          name="toOrganisationId"
          testId="request-to"
          label={hub ? t('requests.buyer') : t('requests.to')}
          value={to}
          onChange={setTo}
          options={options(hub ? 'buyer' : undefined)}
          placeholder={t('requests.choose')}
          required
        />
      )}
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
