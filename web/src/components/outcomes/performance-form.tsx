import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { fieldText } from '../../api/field-errors.js'
import { useFormats } from '../use-formats.js'
import { LeaveGuard, useUnsavedChanges } from '../form/unsaved-changes.js'
import { useLoad } from '../use-load.js'
import { getPerformance, reportPerformance } from './outcomes-api.js'

/** An SME's turnover and exports per year, with the baseline and follow-up years it is asked for. */
export function PerformancePanel({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const data = useLoad(orgId, () => getPerformance(orgId))
  const [values, setValues] = useState({
    year: String(new Date().getFullYear() - 1),
    turnoverEur: '',
    exportEur: '',
    source: 'self_declared',
  })
  const [error, setError] = useState<unknown>(null)
  const { eur } = useFormats()
  const baseline = data.result.kind === 'ready' ? data.result.data.baselineYear : null
  const unsaved = useUnsavedChanges(values.turnoverEur !== '' || values.exportEur !== '')
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }))
  const bad = (field: string) =>
    fieldText(t, error instanceof ApiError ? error.problem.errors?.find((e) => e.field === field) : undefined)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      data.setData(
        await reportPerformance(orgId, Number(values.year), {
          turnoverEur: Number(values.turnoverEur),
          exportEur: Number(values.exportEur),
          source: values.source as 'self_declared',
        }),
      )
      setValues((v) => ({ ...v, turnoverEur: '', exportEur: '' }))
    } catch (failure) {
      setError(failure)
    }
  }
  return (
    <section className="panel" id="performance" data-testid="performance-panel">
      <h2>{t('contracts.performanceTitle')}</h2>
      <AsyncView result={data.result} onRetry={() => data.reload()}>
        {(p) => (
          <>
            <p className="muted">
              {p.baselineYear === null
                ? t('contracts.noBaseline')
                : t('contracts.baseline', { year: p.baselineYear, years: p.followUpYears.join(', ') })}
            </p>
            <div className="table-scroll" tabIndex={0} role="region" aria-label={t('contracts.performanceTitle')}>
              <table className="data-table" data-testid="performance-reports">
                <thead>
                  <tr>
                    <th>{t('contracts.fields.year')}</th>
                    <th>{t('contracts.fields.turnoverEur')}</th>
                    <th>{t('contracts.fields.exportEur')}</th>
                    <th>{t('contracts.fields.source')}</th>
                  </tr>
                </thead>
                <tbody>
                  {p.reports.map((r) => (
                    <tr key={r.year}>
                      <td>{r.year}</td>
                      <td>{eur(r.turnoverEur)}</td>
                      <td>{eur(r.exportEur)}</td>
                      <td>{t(`contracts.sources.${r.source as 'self_declared'}`)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </AsyncView>
      <form className="form" onSubmit={(e) => void submit(e)} data-testid="performance-form">
        {(['year', 'turnoverEur', 'exportEur'] as const).map((name) => (
          <div
            key={name}
            className={bad(name === 'year' ? 'params.year' : `body.${name}`) ? 'field field-invalid' : 'field'}
          >
            <label htmlFor={`performance-${name}`}>{t(`contracts.fields.${name}`)}</label>
            <input
              id={`performance-${name}`}
              type="number"
              min={name === 'year' ? (baseline ?? undefined) : 0}
              max={name === 'year' ? new Date().getFullYear() - 1 : undefined}
              required
              value={values[name]}
              onChange={set(name)}
              data-testid={`performance-${name}`}
            />
            {bad(name === 'year' ? 'params.year' : `body.${name}`) && (
              <p className="field-error">{bad(name === 'year' ? 'params.year' : `body.${name}`)}</p>
            )}
          </div>
        ))}
        <div className="field">
          <label htmlFor="performance-source">{t('contracts.fields.source')}</label>
          <select
            id="performance-source"
            value={values.source}
            onChange={set('source')}
            data-testid="performance-source"
          >
            <option value="self_declared">{t('contracts.sources.self_declared')}</option>
            <option value="financial_statements">{t('contracts.sources.financial_statements')}</option>
          </select>
        </div>
        {error !== null && <ErrorNotice error={error} testId="performance-error" />}
        <LeaveGuard blocker={unsaved.blocker} />
        <button type="submit" className="button" data-testid="performance-save">
          {t('contracts.savePerformance')}
        </button>
      </form>
    </section>
  )
}
