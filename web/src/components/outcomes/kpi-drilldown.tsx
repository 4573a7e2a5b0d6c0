import { useTranslation } from 'react-i18next'
import type { KpiTableKey } from '../../../../shared/schemas/outcomes.js'
import { AsyncView } from '../async-view.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { getKpiRows, kpiExportUrl, type KpiScopeRef } from './outcomes-api.js'

/** Columns for the exports only: internal ids and file hashes say nothing to a reader of the page. */
const shownColumn = (column: string) => column !== 'count' && !/(Id|Ids|Sha256)$/.test(column)

/** A cell in the interface language: dates and instants as dates, years as names (2024), codes as words. */
function useCell() {
  const { t } = useTranslation()
  const formats = useFormats()
  return (value: unknown, column: string): string => {
    if (value === null || value === undefined || value === '') return '—'
    if (typeof value === 'boolean') return value ? t('kpis.yes') : t('kpis.no')
    if (typeof value === 'number') return /year/i.test(column) ? formats.year(value) : formats.number(value)
    const text = String(value)
    if (/^\d{4}-\d\d-\d\d$/.test(text)) return formats.day(text)
    if (/^\d{4}-\d\d-\d\dT/.test(text)) return formats.day(text.slice(0, 10))
    if (/^[a-z]+(_[a-z]+)*$/.test(text)) return t(`kpis.values.${text as 'other'}`, { defaultValue: text })
    return text
  }
}

/** The rows behind one figure, with exports of exactly these rows. */
export function KpiDrilldown({ scope, table, scopeKey }: { scope: KpiScopeRef; table: KpiTableKey; scopeKey: string }) {
  const { t, i18n } = useTranslation()
  const cell = useCell()
  const rows = useLoad(`${scopeKey}:${table}`, () => getKpiRows(scope, table))
  return (
    <section className="panel" aria-labelledby="kpi-rows-title" data-testid="kpi-drilldown" data-table={table}>
      <header className="kpi-rows-header">
        <h2 id="kpi-rows-title">{t(`kpis.tables.${table as 'events'}`)}</h2>
        <span className="kpi-exports">
          <a
            className="button button-secondary button-small"
            href={kpiExportUrl(scope, 'csv', table, i18n.language)}
            download
            data-testid="export-csv"
          >
            {t('kpis.exportCsv')}
          </a>
          <a
            className="button button-secondary button-small"
            href={kpiExportUrl(scope, 'xlsx', table, i18n.language)}
            download
            data-testid="export-xlsx"
          >
            {t('kpis.exportXlsx')}
          </a>
        </span>
      </header>
      <AsyncView result={rows.result} onRetry={() => rows.reload()}>
        {(data) =>
          data.total === 0 ? (
            <p className="muted empty" data-testid="kpi-rows-empty">
              {t('kpis.noRows')}
            </p>
          ) : (
            <div className="table-scroll" tabIndex={0} role="region" aria-labelledby="kpi-rows-title">
              <p className="muted" data-testid="kpi-rows-total" data-total={data.total}>
                {t('kpis.rowsShown', { shown: data.rows.length, total: data.total })}
              </p>
              <table className="data-table" data-testid="kpi-rows">
                <thead>
                  <tr>
                    {data.columns.filter(shownColumn).map((c) => (
                      <th key={c} scope="col">
                        {t(`kpis.columns.${c as 'title'}`, { defaultValue: c })}
                      </th>
                    ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row, i) => (
                    <tr key={i} data-testid="kpi-row">
                      {data.columns.filter(shownColumn).map((c) => (
                        <td key={c}>{cell(row[c], c)}</td>
                      ))}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )
        }
      </AsyncView>
    </section>
  )
}
