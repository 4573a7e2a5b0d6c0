import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import {
  listRecommendations,
  markRecommendation,
  type Recommendation,
  type RecommendationMarkValue,
} from '../api/recommendations-api.js'
import { AsyncView, ErrorNotice } from '../components/async-view.js'
import { MarkButtons } from '../components/recommendations/mark-buttons.js'
import { MatchReason } from '../components/recommendations/match-reason.js'
import { StatusBadge } from '../components/status-badge.js'
import { RequestForm } from '../components/participation/request-form.js'
import { ACTIVE_STATUSES } from '../components/participation/participation-status.js'
import { listMyEvents, takesRequests } from '../api/participation-api.js'
import { useSession } from '../session/session-context.js'
import { useAction } from '../components/use-action.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function RecommendationsPage() {
  const { eventId = '', orgId = '' } = useParams()
  return (
    <RequireSession>
      {() => <Recommendations key={`${eventId}:${orgId}`} eventId={eventId} orgId={orgId} />}
    </RequireSession>
  )
}

/** An SME's recommended buyers (or a buyer's SMEs) in one event, best first, each with its reason and the three marks. */
function Recommendations({ eventId, orgId }: { eventId: string; orgId: string }) {
  const { t } = useTranslation()
  const list = useLoad(`${eventId}:${orgId}`, () => listRecommendations(eventId, orgId))
  const mine = useLoad(orgId, () => listMyEvents(orgId))
  const myEvent = mine.result.kind === 'ready' ? mine.result.data.find((e) => e.eventId === eventId) : undefined
  const canRequest = myEvent !== undefined && takesRequests(myEvent, new Date(), ACTIVE_STATUSES)
  const sme = useSession().membership?.organisation.kind === 'sme'
  useDocumentTitle(t('recommendations.documentTitle'))
  return (
    <div className="page-section" data-testid="recommendations-page">
      <header className="page-header">
        <p className="small">
          <Link to={`/organisations/${orgId}/events`}>{t('recommendations.backToEvents')}</Link>
        </p>
        <h1>{t('recommendations.title')}</h1>
        <p className="lead">{t('recommendations.intro')}</p>
      </header>
      <AsyncView result={list.result} onRetry={() => list.reload()}>
        {(items) => {
          const shown = items.filter((item) => !item.declinedByMe)
          const declined = items.filter((item) => item.declinedByMe)
          return (
            <>
              {shown.length === 0 ? (
                <div className="notice" data-testid="recommendations-empty">
                  <p>
                    <strong>{t('recommendations.noneStrong')}</strong>
                  </p>
                  <p>{t(sme ? 'recommendations.helpSme' : 'recommendations.helpBuyer')}</p>
                  <Link
                    className="button button-secondary button-small"
                    to={`/organisations/${orgId}/${sme ? 'offers' : 'needs'}`}
                  >
                    {t(sme ? 'recommendations.improveOffers' : 'recommendations.improveNeeds')}
                  </Link>
                </div>
              ) : (
                <ul className="plain-list" data-testid="recommendations-list">
                  {shown.map((item) => (
                    <RecommendationRow
                      key={item.counterpart.id}
                      eventId={eventId}
                      orgId={orgId}
                      item={item}
                      canRequest={canRequest}
                      onMarked={() => list.reload(true)}
                    />
                  ))}
                </ul>
              )}
              {declined.length > 0 && (
                <details className="panel" data-testid="recommendations-declined">
                  <summary>{t('recommendations.declined', { count: declined.length })}</summary>
                  <p className="muted small">{t('recommendations.declinedHint')}</p>
                  <ul className="plain-list">
                    {declined.map((item) => (
                      <RecommendationRow
                        key={item.counterpart.id}
                        eventId={eventId}
                        orgId={orgId}
                        item={item}
                        canRequest={false}
                        onMarked={() => list.reload(true)}
                      />
                    ))}
                  </ul>
                </details>
              )}
            </>
          )
        }}
      </AsyncView>
    </div>
  )
}

function RecommendationRow({
  eventId,
  orgId,
  item,
  canRequest,
  onMarked,
}: {
  eventId: string
  orgId: string
  item: Recommendation
  canRequest: boolean
  onMarked: () => void
}) {
  const { t } = useTranslation()
  const action = useAction()
  const [busy, setBusy] = useState(false)
  const [requesting, setRequesting] = useState(false)
  const open = item.requestStatus === 'pending' || item.requestStatus === 'accepted'
  const mark = (value: RecommendationMarkValue | null) =>
    action.run(async () => {
      setBusy(true)
      try {
        await markRecommendation(eventId, orgId, item.counterpart.id, value)
        onMarked()
      } finally {
        setBusy(false)
      }
    })
  return (
    <li
      className="list-row"
      data-testid="recommendation-row"
      data-counterpart={item.counterpart.legalName}
      data-mark={item.myMark ?? ''}
    >
      <div>
        <div className="row-title">
          {item.counterpart.legalName}{' '}
          {item.suggested && <StatusBadge tone="ok">{t('recommendations.suggestedByHub')}</StatusBadge>}
        </div>
        <MatchReason score={item.score} reason={item.reason} pairs={item.pairs} />
      </div>
      <div className="recommendation-actions">
        <MarkButtons value={item.myMark} busy={busy} onChange={(value) => void mark(value)} />
        {open ? (
          <Link to={`/events/${eventId}/requests`} data-testid="recommendation-request-status">
            <StatusBadge tone={item.requestStatus === 'accepted' ? 'ok' : 'warn'}>
              {t(`recommendations.request.${item.requestStatus as 'pending'}`)}
            </StatusBadge>
          </Link>
        ) : (
          canRequest &&
          !requesting && (
            <button
              type="button"
              className="button button-small"
              data-testid="recommendation-request"
              onClick={() => setRequesting(true)}
            >
              {t('requests.fromListingButton')}
            </button>
          )
        )}
      </div>
      {requesting && !open && (
        <div className="recommendation-request-form">
          <RequestForm
            eventId={eventId}
            fromOrganisationId={orgId}
            to={{ id: item.counterpart.id, name: item.counterpart.legalName }}
            onSent={onMarked}
          />
        </div>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="mark-error" />}
    </li>
  )
}
