import { useTranslation } from 'react-i18next'
import type { KpiTableKey } from '../../../../shared/schemas/outcomes.js'
import { AsyncView } from '../async-view.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { getKpiRows, kpiExportUrl, type KpiScopeRef } from './outcomes-api.js'

/** A cell in the interface language; a year is written as a name (2024), not an amount. */
const cell = (value: unknown, column: string, number: (n: number) => string) =>
  value === null || value === undefined
    ? '—'
    : typeof value === 'boolean'
      ? value
        ? '✓'
        : '✗'
      : typeof value === 'number'
        ? /year/i.test(column)
          ? String(value)
          : number(value)
        : String(value)

/** The rows behind one figure, with exports of exactly these rows. */
export function KpiDrilldown({ scope, table, scopeKey }: { scope: KpiScopeRef; table: KpiTableKey; scopeKey: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const rows = useLoad(`${scopeKey}:${table}`, () => getKpiRows(scope, table))
  return (
    <section className="panel" aria-labelledby="kpi-rows-title" data-testid="kpi-drilldown" data-table={table}>
      <header className="kpi-rows-header">
        <h2 id="kpi-rows-title">{t(`kpis.tables.${table as 'events'}`)}</h2>
        <span className="kpi-exports">
          <a
            className="button button-secondary button-small"
            href={kpiExportUrl(scope, 'csv', table)}
            download={`kpis-${table}.csv`}
            data-testid="export-csv"
          >
            {t('kpis.exportCsv')}
          </a>
          <a
            className="button button-secondary button-small"
            href={kpiExportUrl(scope, 'xlsx', table)}
            download="kpis.xlsx"
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
            <div className="table-scroll">
              <p className="muted" data-testid="kpi-rows-total" data-total={data.total}>
                {t('kpis.rowsShown', { shown: data.rows.length, total: data.total })}
              </p>
              <table className="data-table" data-testid="kpi-rows">
                <thead>
                  <tr>
                    {data.columns
                      .filter((c) => c !== 'count')
                      .map((c) => (
                        <th key={c} scope="col">
                          {t(`kpis.columns.${c as 'title'}`, { defaultValue: c })}
                        </th>
                      ))}
                  </tr>
                </thead>
                <tbody>
                  {data.rows.map((row, i) => (
                    <tr key={i} data-testid="kpi-row">
                      {data.columns
                        .filter((c) => c !== 'count')
                        .map((c) => (
                          <td key={c}>{cell(row[c], c, number)}</td>
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
