import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.js'
import { listMyEvents, listRequests } from '../../api/participation-api.js'
import { useLoad } from '../use-load.js'
import { ErrorNotice } from '../async-view.js'
import { reportContract, type ContractInput } from './outcomes-api.js'

const KINDS = ['purchase_order', 'framework', 'pilot', 'licence', 'other'] as const

/** Report a contract: the other side, where it came from (edition, event or accepted request) and its terms. */
export function ContractForm({ orgId, onReported }: { orgId: string; onReported: () => void }) {
  const { t } = useTranslation()
  const [values, setValues] = useState({
    counterpartId: '',
    editionId: '',
    eventId: '',
    requestId: '',
    title: '',
    kind: 'purchase_order',
    signedOn: '',
    valueEur: '',
  })
  const [error, setError] = useState<unknown>(null)
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }))
  const fieldError = (name: string) =>
    error instanceof ApiError ? error.problem.errors?.find((e) => e.field === `body.${name}`)?.message : undefined
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const body: ContractInput = {
      counterpartId: values.counterpartId.trim(),
      title: values.title,
      kind: values.kind as ContractInput['kind'],
      signedOn: values.signedOn,
      valueEur: Number(values.valueEur),
    }
    for (const key of ['editionId', 'eventId', 'requestId'] as const)
      if (values[key].trim()) body[key] = values[key].trim()
    try {
      await reportContract(orgId, body)
      setValues((v) => ({ ...v, title: '', valueEur: '' }))
      onReported()
    } catch (failure) {
      setError(failure)
    }
  }
  // The meetings the organisation had: picking one fills the counterpart, the event and the request.
  const meetings = useLoad(orgId, async () => {
    const events = await listMyEvents(orgId)
    const lists = await Promise.all(
      events.map(async (event) =>
        (await listRequests(event.eventId, orgId).catch(() => []))
          .filter((r) => r.status === 'accepted')
          .map((r) => ({ event, request: r })),
      ),
    )
    return lists.flat().map(({ event, request }) => {
      const mine = request.fromOrganisationId === orgId
      return {
        requestId: request.id,
        eventId: event.eventId,
        counterpartId: mine ? request.toOrganisationId : request.fromOrganisationId,
        label: `${event.eventName} — ${(mine ? request.toName : request.fromName) ?? ''}`,
      }
    })
  })
  const choices = meetings.result.kind === 'ready' ? meetings.result.data : []
  const pick = (requestId: string) => {
    const chosen = choices.find((c) => c.requestId === requestId)
    setValues((v) =>
      chosen
        ? {
            ...v,
            requestId: chosen.requestId,
            eventId: chosen.eventId,
            counterpartId: chosen.counterpartId,
            editionId: '',
          }
        : { ...v, requestId: '' },
    )
  }
  const field = (name: keyof typeof values, type = 'text', required = false) => (
    <div className={fieldError(name) ? 'field field-invalid' : 'field'}>
      <label htmlFor={`contract-${name}`}>{t(`contracts.fields.${name}`)}</label>
      <input
        id={`contract-${name}`}
        type={type}
        value={values[name]}
        onChange={set(name)}
        required={required}
        data-testid={`contract-${name}`}
        aria-invalid={fieldError(name) ? true : undefined}
      />
      {fieldError(name) && (
        <p className="field-error" data-testid={`contract-${name}-error`}>
          {fieldError(name)}
        </p>
      )}
    </div>
  )
  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="contract-form">
      {choices.length > 0 && (
        <div className="field">
          <label htmlFor="contract-meeting">{t('contracts.fields.meeting')}</label>
          <select
            id="contract-meeting"
            data-testid="contract-meeting"
            value={values.requestId}
            onChange={(e) => pick(e.target.value)}
          >
            <option value="">{t('contracts.noMeeting')}</option>
            {choices.map((c) => (
              <option key={c.requestId} value={c.requestId}>
                {c.label}
              </option>
            ))}
          </select>
          <p className="field-hint">{t('contracts.meetingHint')}</p>
        </div>
      )}
      {field('counterpartId', 'text', true)}
      {field('editionId')}
      {field('eventId')}
      {field('requestId')}
      {field('title', 'text', true)}
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
      {field('signedOn', 'date', true)}
      {field('valueEur', 'number', true)}
      {error !== null && <ErrorNotice error={error} testId="contract-form-error" />}
      <button type="submit" className="button" data-testid="contract-submit">
        {t('contracts.report')}
      </button>
    </form>
  )
}
