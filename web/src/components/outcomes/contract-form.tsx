import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.js'
import { fieldText } from '../../api/field-errors.js'
import { listMeetingPartners, listMyEvents, listRequests } from '../../api/participation-api.js'
import { ErrorNotice } from '../async-view.js'
import { SearchSelectField } from '../form/search-select.js'
import { LeaveGuard, useUnsavedChanges } from '../form/unsaved-changes.js'
import { useLoad } from '../use-load.js'
import { reportContract, type ContractInput } from './outcomes-api.js'

const KINDS = ['purchase_order', 'framework', 'pilot', 'licence', 'other'] as const
const ELSEWHERE = 'elsewhere'

interface HeldMeeting {
  requestId: string
  eventId: string
  counterpartId: string
  label: string
}

/** The organisation's accepted meetings, each named by its counterpart and event. */
async function heldMeetings(
  orgId: string,
): Promise<{ meetings: HeldMeeting[]; events: { id: string; name: string }[] }> {
  const events = await listMyEvents(orgId)
  const lists = await Promise.all(
    events.map(async (event) =>
      (await listRequests(event.eventId, orgId).catch(() => []))
        .filter((r) => r.status === 'accepted')
        .map((r) => ({ event, request: r })),
    ),
  )
  const meetings = lists.flat().map(({ event, request }) => {
    const mine = request.fromOrganisationId === orgId
    return {
      requestId: request.id,
      eventId: event.eventId,
      counterpartId: mine ? request.toOrganisationId : request.fromOrganisationId,
      label: `${(mine ? request.toName : request.fromName) ?? ''} — ${event.eventName}`,
    }
  })
  return { meetings, events: events.map((e) => ({ id: e.eventId, name: e.eventName })) }
}

/**
 * Report a contract. It starts from "Which meeting did it come from?" among the meetings held; a contract
 * from elsewhere names the event where the sides met and the other side, picked by name.
 */
export function ContractForm({ orgId, onReported }: { orgId: string; onReported: () => void }) {
  const { t } = useTranslation()
  const [origin, setOrigin] = useState('')
  const [eventId, setEventId] = useState('')
  const [counterpartId, setCounterpartId] = useState('')
  const [values, setValues] = useState({ title: '', kind: 'purchase_order', signedOn: '', valueEur: '' })
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const held = useLoad(orgId, () => heldMeetings(orgId))
  const unsaved = useUnsavedChanges(values.title !== '' || values.valueEur !== '' || values.signedOn !== '')
  const partners = useLoad(origin === ELSEWHERE && eventId ? eventId : null, () => listMeetingPartners(eventId, orgId))
  const meetings = held.result.kind === 'ready' ? held.result.data.meetings : []
  const events = held.result.kind === 'ready' ? held.result.data.events : []
  const meeting = meetings.find((m) => m.requestId === origin)
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }))
  const fieldError = (name: string) => {
    return fieldText(
      t,
      error instanceof ApiError ? error.problem.errors?.find((e) => e.field === `body.${name}`) : undefined,
    )
  }

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    if (busy) return
    setError(null)
    const body: ContractInput = {
      counterpartId: meeting ? meeting.counterpartId : counterpartId,
      title: values.title,
      kind: values.kind as ContractInput['kind'],
      signedOn: values.signedOn,
      valueEur: Number(values.valueEur),
      ...(meeting ? { requestId: meeting.requestId, eventId: meeting.eventId } : { eventId }),
    }
    setBusy(true)
    try {
      await reportContract(orgId, body)
      setValues((v) => ({ ...v, title: '', valueEur: '', signedOn: '' }))
      onReported()
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }

  const field = (name: keyof typeof values, type: string, extra: Record<string, string> = {}) => (
    <div className={fieldError(name) ? 'field field-invalid' : 'field'}>
      <label htmlFor={`contract-${name}`}>{t(`contracts.fields.${name}`)}</label>
      <input
        id={`contract-${name}`}
        type={type}
        value={values[name]}
        onChange={set(name)}
        required
        data-testid={`contract-${name}`}
        aria-invalid={fieldError(name) ? true : undefined}
        aria-describedby={fieldError(name) ? `contract-${name}-error` : undefined}
        {...extra}
      />
      {fieldError(name) && (
        <p className="field-error" id={`contract-${name}-error`} data-testid={`contract-${name}-error`}>
          {fieldError(name)}
        </p>
      )}
    </div>
  )
  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="contract-form">
      <div className="field">
        <label htmlFor="contract-meeting">{t('contracts.fields.meeting')}</label>
        <select
          id="contract-meeting"
          data-testid="contract-meeting"
          value={origin}
          required
          onChange={(e) => {
            setOrigin(e.target.value)
            setCounterpartId('')
          }}
        >
          <option value="">{t('contracts.chooseMeeting')}</option>
          {meetings.map((m) => (
            <option key={m.requestId} value={m.requestId}>
              {m.label}
            </option>
          ))}
          <option value={ELSEWHERE}>{t('contracts.noMeeting')}</option>
        </select>
        <p className="field-hint">{t('contracts.meetingHint')}</p>
      </div>
      {origin === ELSEWHERE && (
        <>
          <div className={fieldError('eventId') || fieldError('editionId') ? 'field field-invalid' : 'field'}>
            <label htmlFor="contract-event">{t('contracts.fields.eventId')}</label>
            <select
              id="contract-event"
              data-testid="contract-event"
              value={eventId}
              required
              onChange={(e) => {
                setEventId(e.target.value)
                setCounterpartId('')
              }}
            >
              <option value="">{t('contracts.chooseEvent')}</option>
              {events.map((e) => (
                <option key={e.id} value={e.id}>
                  {e.name}
                </option>
              ))}
            </select>
          </div>
          {eventId && partners.result.kind === 'ready' && (
            <SearchSelectField
              name="counterpartId"
              testId="contract-counterpart"
              label={t('contracts.fields.counterpartId')}
              value={counterpartId}
              onChange={setCounterpartId}
              options={partners.result.data.map((p) => ({ value: p.id, label: p.legalName }))}
              placeholder={t('requests.choose')}
              required
            />
          )}
          {partners.result.kind === 'failed' && <ErrorNotice error={partners.result.error} />}
        </>
      )}
      {field('title', 'text')}
      <div className="field">
        <label htmlFor="contract-kind">{t('contracts.fields.kind')}</label>
        <select id="contract-kind" value={values.kind} onChange={set('kind')} data-testid="contract-kind">
          {KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`contracts.kinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {field('signedOn', 'date')}
      {field('valueEur', 'number', { min: '0', step: '1' })}
      {error !== null && <ErrorNotice error={error} testId="contract-form-error" />}
      <LeaveGuard blocker={unsaved.blocker} />
      <button type="submit" className="button" data-testid="contract-submit" disabled={busy} aria-busy={busy}>
        {t('contracts.report')}
      </button>
    </form>
  )
}
