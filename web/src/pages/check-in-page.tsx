import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { checkIn } from '../api/live-api.js'
import { ErrorNotice, Loading } from '../components/async-view.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

/** What a hub's phone opens when it scans a participant's badge: the participant is checked in. */
export function CheckInPage() {
  const { eventId = '', orgId = '' } = useParams()
  return <RequireSession>{() => <CheckIn eventId={eventId} orgId={orgId} />}</RequireSession>
}

function CheckIn({ eventId, orgId }: { eventId: string; orgId: string }) {
  const { t } = useTranslation()
  const [result, setResult] = useState<
    { kind: 'busy' } | { kind: 'done'; already: boolean } | { kind: 'failed'; error: unknown }
  >({ kind: 'busy' })
  useDocumentTitle(t('checkIn.documentTitle'))
  useEffect(() => {
    checkIn(eventId, orgId).then(
      (r) => setResult({ kind: 'done', already: r.already }),
      (error: unknown) => setResult({ kind: 'failed', error }),
    )
  }, [eventId, orgId])
  return (
    <div className="page-section" data-testid="check-in-page">
      <h1>{t('checkIn.title')}</h1>
      {result.kind === 'busy' && <Loading />}
      {result.kind === 'done' && (
        <p className="notice notice-ok" role="status" data-testid="check-in-done">
          {t(result.already ? 'checkIn.already' : 'checkIn.done')}
        </p>
      )}
      {result.kind === 'failed' && <ErrorNotice error={result.error} />}
      <p>
        <Link to={`/events/${eventId}?tab=live`}>{t('checkIn.toBoard')}</Link>
      </p>
    </div>
  )
}
