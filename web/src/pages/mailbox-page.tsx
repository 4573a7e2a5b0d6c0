import { useEffect, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { CapturedMail } from '../../../shared/schemas/accounts.js'
import { listCapturedMail } from '../api/auth-api.js'
import { ApiError } from '../api/client.js'
import { AsyncView, ErrorNotice } from '../components/async-view.js'
import { useDateFormat } from '../components/use-date-format.js'
import { useLoad } from '../components/use-load.js'
import { useDocumentTitle } from '../use-document-title.js'

const REFRESH_MS = 3000
const URL_PATTERN = /(https?:\/\/[^\s<>"]+[^\s<>".,;:!?)\]])/g

/** Mail the server kept instead of sending (no SMTP configured): a tool for development and demos. */
export function MailboxPage() {
  const { t } = useTranslation()
  const mailbox = useLoad('mailbox', listCapturedMail)
  const { reload } = mailbox
  useDocumentTitle(t('mailbox.documentTitle'))

  const unavailable =
    mailbox.result.kind === 'failed' && mailbox.result.error instanceof ApiError && mailbox.result.error.status === 404

  // New mail arrives from a background worker, so keep looking while the page is open.
  useEffect(() => {
    if (unavailable) return
    const timer = window.setInterval(() => reload(true), REFRESH_MS)
    return () => window.clearInterval(timer)
  }, [reload, unavailable])

  return (
    <section className="page-section" data-testid="mailbox-page">
      <p className="dev-banner" role="note">
        {t('mailbox.banner')}
      </p>
      <header className="page-header page-header-row">
        <h1>{t('mailbox.title')}</h1>
        <button
          type="button"
          className="button button-secondary"
          data-testid="mailbox-refresh"
          onClick={() => reload(true)}
        >
          {t('mailbox.refresh')}
        </button>
      </header>
      {unavailable ? (
        <p className="notice" data-testid="mailbox-unavailable">
          {t('mailbox.unavailable')}
        </p>
      ) : mailbox.result.kind === 'failed' ? (
        <ErrorNotice error={mailbox.result.error} onRetry={() => reload()} />
      ) : (
        <AsyncView result={mailbox.result}>{(mails) => <MailList mails={mails} />}</AsyncView>
      )}
    </section>
  )
}

function MailList({ mails }: { mails: CapturedMail[] }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  if (mails.length === 0)
    return (
      <p className="muted" data-testid="mailbox-empty">
        {t('mailbox.empty')}
      </p>
    )
  return (
    <ul className="mail-list" data-testid="mail-list">
      {mails.map((mail) => (
        <li key={mail.id} className="mail" data-testid="mail-item" data-to={mail.to} data-mail-id={mail.id}>
          <details>
            <summary>
              <span className="mail-subject" data-testid="mail-subject">
                {mail.subject}
              </span>
              <span className="mail-meta muted small">
                <span data-testid="mail-to">{t('mailbox.to', { to: mail.to })}</span> ·{' '}
                <time dateTime={mail.capturedAt}>{formatDate(mail.capturedAt)}</time>
              </span>
            </summary>
            <pre className="mail-text" data-testid="mail-text">
              {linkify(mail.text)}
            </pre>
          </details>
        </li>
      ))}
    </ul>
  )
}

/** Plain text with its URLs turned into links (text only: the mail's HTML is never injected). */
function linkify(text: string): ReactNode[] {
  return text.split(URL_PATTERN).map((part, index) =>
    index % 2 === 1 ? (
      <a key={index} href={part} data-testid="mail-link">
        {part}
      </a>
    ) : (
      part
    ),
  )
}
