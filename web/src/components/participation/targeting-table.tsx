import { useTranslation } from 'react-i18next'
import type { TargetingRow } from '../../api/participation-api.js'

/** The preview of an import: one line per row, bad cells and their messages highlighted. */
export function TargetingTable({ rows }: { rows: TargetingRow[] }) {
  const { t } = useTranslation()
  const columns = [...new Set(rows.flatMap((row) => Object.keys(row.values)))]
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label={t('targeting.previewLabel')}>
      <table className="table targeting-table" data-testid="targeting-preview">
        <thead>
          <tr>
            <th>{t('targeting.line')}</th>
            <th>{t('targeting.action')}</th>
            {columns.map((column) => (
              <th key={column}>{column}</th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => {
            const bad = new Set(row.errors.map((e) => e.field))
            return (
              <tr
                key={row.line}
                className={row.errors.length > 0 ? 'row-invalid' : undefined}
                data-testid="targeting-row"
                data-action={row.action}
              >
                <td>{row.line}</td>
                <td>
                  {t(`targeting.actions.${row.action}`)}
                  {row.errors.length > 0 && (
                    <ul className="cell-errors" data-testid="targeting-row-errors">
                      {row.errors.map((error) => (
                        <li key={`${error.field}:${error.message}`}>
                          <strong>{error.field}</strong>: {error.message}
                        </li>
                      ))}
                    </ul>
                  )}
                </td>
                {columns.map((column) => (
                  <td key={column} className={bad.has(column) ? 'cell-invalid' : undefined}>
                    {row.values[column] ?? ''}
                  </td>
                ))}
              </tr>
            )
          })}
        </tbody>
      </table>
    </div>
  )
}
