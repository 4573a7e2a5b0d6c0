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
                <p className="muted empty" data-testid="recommendations-empty">
                  {t('recommendations.none')}
                </p>
              ) : (
                <ul className="plain-list" data-testid="recommendations-list">
                  {shown.map((item) => (
                    <RecommendationRow
                      key={item.counterpart.id}
                      eventId={eventId}
                      orgId={orgId}
                      item={item}
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
  onMarked,
}: {
  eventId: string
  orgId: string
  item: Recommendation
  onMarked: () => void
}) {
  const { t } = useTranslation()
  const action = useAction()
  const [busy, setBusy] = useState(false)
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
      <MarkButtons value={item.myMark} busy={busy} onChange={(value) => void mark(value)} />
      {action.error !== null && <ErrorNotice error={action.error} testId="mark-error" />}
    </li>
  )
}
