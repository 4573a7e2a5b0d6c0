import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.js'
import { ErrorNotice } from '../async-view.js'
import { reportContract, type ContractInput } from './outcomes-api.js'

const KINDS = ['purchase_order', 'framework', 'pilot', 'licence', 'other'] as const

/** Report a contract: the other side, where it came from (edition, event or accepted request) and its terms. */
export function ContractForm({ orgId, onReported }: { orgId: string; onReported: () => void }) {
  const { t } = useTranslation()
  const [values, setValues] = useState({ counterpartId: '', editionId: '', eventId: '', requestId: '', title: '', kind: 'purchase_order', signedOn: '', valueEur: '' })
  const [error, setError] = useState<unknown>(null)
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [key]: e.target.value }))
  const fieldError = (name: string) => (error instanceof ApiError ? error.problem.errors?.find((e) => e.field === `body.${name}`)?.message : undefined)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    const body: ContractInput = { counterpartId: values.counterpartId.trim(), title: values.title, kind: values.kind as ContractInput['kind'], signedOn: values.signedOn, valueEur: Number(values.valueEur) }
    for (const key of ['editionId', 'eventId', 'requestId'] as const) if (values[key].trim()) body[key] = values[key].trim()
    try {
      await reportContract(orgId, body)
      setValues((v) => ({ ...v, title: '', valueEur: '' }))
      onReported()
    } catch (failure) {
      setError(failure)
    }
  }
  const field = (name: keyof typeof values, type = 'text', required = false) => (
    <div className={fieldError(name) ? 'field field-invalid' : 'field'}>
      <label htmlFor={`contract-${name}`}>{t(`contracts.fields.${name}`)}</label>
      <input id={`contract-${name}`} type={type} value={values[name]} onChange={set(name)} required={required} data-testid={`contract-${name}`} aria-invalid={fieldError(name) ? true : undefined} />
      {fieldError(name) && <p className="field-error" data-testid={`contract-${name}-error`}>{fieldError(name)}</p>}
    </div>
  )
  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="contract-form">
      {field('counterpartId', 'text', true)}
      {field('editionId')}
      {field('eventId')}
      {field('requestId')}
      {field('title', 'text', true)}
      <div className="field">
        <label htmlFor="contract-kind">{t('contracts.fields.kind')}</label>
        <select id="contract-kind" value={values.kind} onChange={set('kind')} data-testid="contract-kind">
          {KINDS.map((k) => <option key={k} value={k}>{t(`contracts.kinds.${k}`)}</option>)}
        </select>
      </div>
      {field('signedOn', 'date', true)}
      {field('valueEur', 'number', true)}
      {error !== null && <ErrorNotice error={error} testId="contract-form-error" />}
      <button type="submit" className="button" data-testid="contract-submit">{t('contracts.report')}</button>
    </form>
  )
}
