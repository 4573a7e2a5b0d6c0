import { useState, type ChangeEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { NoticeReport, NoticeUpload as Upload } from '../../../../shared/schemas/tenders.js'
import { importNotices, previewNotices } from '../../api/tenders-api.js'
import { ErrorNotice } from '../async-view.js'
import { readUpload } from '../read-upload.js'
import { useAction } from '../use-action.js'
import { NoticeReportList } from './notice-report-list.js'

/** XML as text; a zip as base64. */
async function readNotice(file: File): Promise<Upload['files'][number]> {
  return { name: file.name, content: await readUpload(file, /\.zip$/i.test(file.name) ? 'base64' : 'text') }
}

const importable = (reports: NoticeReport[]) =>
  reports.filter((r) => r.outcome === 'created' || r.outcome === 'updated' || r.outcome === 'cancelled').length

/** Choose eForms notices (XML or zips), see what each would do, then import them. */
export function NoticeUpload({ orgId, onImported }: { orgId: string; onImported: () => void }) {
  const { t } = useTranslation()
  const action = useAction()
  const [upload, setUpload] = useState<Upload | null>(null)
  const [preview, setPreview] = useState<NoticeReport[] | null>(null)
  const [imported, setImported] = useState<NoticeReport[] | null>(null)
  const count = preview ? importable(preview) : 0

  const choose = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])]
    setPreview(null)
    setImported(null)
    if (chosen.length === 0) return
    void action.run(async () => {
      const files = { files: await Promise.all(chosen.map(readNotice)) }
      setUpload(files)
      setPreview(await previewNotices(orgId, files))
    })
  }
  const runImport = () =>
    action.run(async () => {
      if (!upload) return
      setImported(await importNotices(orgId, upload))
      setPreview(null)
      onImported()
    })

  return (
    <section className="panel" aria-labelledby="notice-upload-title" data-testid="notice-upload">
      <h2 id="notice-upload-title">{t('tenders.uploadTitle')}</h2>
      <p className="muted small">{t('tenders.uploadIntro')}</p>
      <div className="field">
        <label htmlFor="notice-files">{t('tenders.files')}</label>
        <input
          id="notice-files"
          type="file"
          multiple
          accept=".xml,.zip,application/xml,text/xml,application/zip"
          data-testid="notice-files"
          onChange={choose}
        />
      </div>
      {action.busy && (
        <p className="muted small" role="status">
          {t('tenders.reading')}
        </p>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="notice-upload-error" />}
      {preview && (
        <>
          <p className="notice-upload-summary" data-testid="notice-preview-summary">
            {t('tenders.previewSummary', { count: preview.length, importable: count })}
          </p>
          <NoticeReportList reports={preview} step="preview" />
          {count === 0 ? (
            <p className="muted" data-testid="notice-nothing-new">
              {t('tenders.nothingNew')}
            </p>
          ) : (
            <div className="button-row">
              <button
                type="button"
                className="button"
                data-testid="notice-import-button"
                disabled={action.busy}
                onClick={() => void runImport()}
              >
                {t('tenders.importButton', { count })}
              </button>
            </div>
          )}
        </>
      )}
      {imported && (
        <>
          <p className="notice notice-ok" role="status" data-testid="notice-import-result">
            {t('tenders.importResult', {
              count: importable(imported),
              refused: imported.filter((r) => r.outcome === 'refused').length,
            })}
          </p>
          <NoticeReportList reports={imported} step="import" />
        </>
      )}
    </section>
  )
}
