import { useTranslation } from 'react-i18next'
import type { NoticeReport } from '../../../../shared/schemas/tenders.js'
import { StatusBadge, type BadgeTone } from '../status-badge.js'
import { DeadlineCountdown } from './deadline-countdown.js'

const TONES: Record<NoticeReport['outcome'], BadgeTone> = {
  created: 'ok',
  updated: 'ok',
  cancelled: 'warn',
  unchanged: 'neutral',
  refused: 'bad',
}

/** What each notice of an upload does (or did): its buyer and title, each lot's fate, or why it is refused. */
export function NoticeReportList({ reports, step }: { reports: NoticeReport[]; step: 'preview' | 'import' }) {
  const { t } = useTranslation()
  return (
    <ol className="plain-list notice-reports" data-testid={`notice-reports-${step}`}>
      {reports.map((report, index) => (
        <li
          key={`${report.file}-${index}`}
          className="notice-report"
          data-testid="notice-report"
          data-outcome={report.outcome}
        >
          <div className="notice-report-head">
            <StatusBadge tone={TONES[report.outcome]}>{t(`tenders.outcome.${step}.${report.outcome}`)}</StatusBadge>
            <span className="muted small notice-file">{report.file}</span>
          </div>
          {report.title && (
            <p className="notice-title">
              <strong>{report.title}</strong>
              {report.buyer && <span className="muted"> · {report.buyer}</span>}
              {report.form && <span className="muted small"> · {t(`tenders.form.${report.form}`)}</span>}
            </p>
          )}
          {report.refusal && (
            <p className="notice notice-bad small" data-testid="notice-refusal" data-code={report.refusal.code}>
              {t(`tenders.refusal.${report.refusal.code}`, { field: report.refusal.field ?? '' })}
            </p>
          )}
          {report.lots.length > 0 && (
            <ul className="plain-list notice-lots">
              {report.lots.map((lot) => (
                <li key={lot.lotId} data-testid="notice-lot" data-action={lot.action}>
                  <span className="muted small">{t(`tenders.lotAction.${lot.action}`)}</span> {lot.title}
                  {lot.deadline && lot.action !== 'archived' && (
                    <>
                      {' · '}
                      <DeadlineCountdown at={lot.deadline} />
                    </>
                  )}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  )
}
