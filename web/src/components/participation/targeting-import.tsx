import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import {
  importTargeting,
  previewTargeting,
  targetingExportUrl,
  type TargetingFormat,
  type TargetingRow,
} from '../../api/participation-api.js'
import { ErrorNotice } from '../async-view.js'
import { readUpload } from '../read-upload.js'
import { useAction } from '../use-action.js'
import { TargetingTable } from './targeting-table.js'

interface LoadedFile {
  name: string
  format: TargetingFormat
  content: string
}

const COLUMNS = ['legalName', 'kind', 'country', 'nuts2', 'vatId', 'email', 'status'] as const

/** Reads CSV as text and XLSX as base64, as the API expects. */
async function readFile(file: File): Promise<LoadedFile> {
  const format: TargetingFormat = /\.xlsx$/i.test(file.name) ? 'xlsx' : 'csv'
  return { name: file.name, format, content: await readUpload(file, format === 'xlsx' ? 'base64' : 'text') }
}

/** Targeting lists: choose a file, see what each row would do, import the valid ones; export the participants. */
export function TargetingImport({ eventId }: { eventId: string }) {
  const { t, i18n } = useTranslation()
  const action = useAction()
  const [file, setFile] = useState<LoadedFile | null>(null)
  const [preview, setPreview] = useState<TargetingRow[] | null>(null)
  const [imported, setImported] = useState<TargetingRow[] | null>(null)
  const valid = preview?.filter((row) => row.action === 'create' || row.action === 'add').length ?? 0

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = event.target.files?.[0]
    setPreview(null)
    setImported(null)
    if (!chosen) return
    void action.run(async () => {
      const loaded = await readFile(chosen)
      setFile(loaded)
      setPreview(await previewTargeting(eventId, { format: loaded.format, content: loaded.content }))
    })
  }
  const runImport = () =>
    action.run(async () => {
      if (!file) return
      setImported(await importTargeting(eventId, { format: file.format, content: file.content }))
      setPreview(null)
    })

  return (
    <div className="two-columns two-columns-wide-first">
      <section className="panel" aria-labelledby="targeting-title" data-testid="targeting-import">
        <h2 id="targeting-title">{t('targeting.title')}</h2>
        <p className="muted small">{t('targeting.columns', { columns: COLUMNS.join(', ') })}</p>
        <p className="muted small">{t('targeting.italianHeaders')}</p>
        <div className="field">
          <label htmlFor="targeting-file">{t('targeting.file')}</label>
          <input
            id="targeting-file"
            type="file"
            accept=".csv,.xlsx,text/csv"
            data-testid="targeting-file"
            onChange={choose}
          />
        </div>
        {action.error !== null && <ErrorNotice error={action.error} testId="targeting-error" />}
        {preview && (
          <>
            <p data-testid="targeting-preview-summary">
              {t('targeting.previewSummary', { total: preview.length, valid })}
            </p>
            <TargetingTable rows={preview} />
            <div className="button-row">
              <button
                type="button"
                className="button"
                data-testid="targeting-import-button"
                disabled={valid === 0}
                onClick={() => void runImport()}
              >
                {t('targeting.importButton', { count: valid })}
              </button>
            </div>
          </>
        )}
        {imported && (
          <p className="notice notice-ok" role="status" data-testid="targeting-result">
            {t('targeting.result', {
              created: imported.filter((r) => r.action === 'create').length,
              added: imported.filter((r) => r.action === 'add').length,
              skipped: imported.filter((r) => r.action === 'already' || r.action === 'invalid').length,
            })}
          </p>
        )}
      </section>
      <section className="panel" aria-labelledby="export-title">
        <h2 id="export-title">{t('targeting.exportTitle')}</h2>
        <p className="muted small">{t('targeting.exportIntro')}</p>
        <div className="button-row">
          <a
            className="button button-secondary"
            href={targetingExportUrl(eventId, 'csv', i18n.language)}
            download
            data-testid="targeting-export-csv"
          >
            {t('targeting.exportCsv')}
          </a>
          <a
            className="button button-secondary"
            href={targetingExportUrl(eventId, 'xlsx', i18n.language)}
            download
            data-testid="targeting-export-xlsx"
          >
            {t('targeting.exportXlsx')}
          </a>
        </div>
      </section>
    </div>
  )
}
