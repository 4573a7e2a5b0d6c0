import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { MeetingRequest } from '../../../shared/schemas/participation.js'
import { listRepresentatives, listRequests } from '../api/participation-api.js'
import { AsyncView } from '../components/async-view.js'
import { RequestForm } from '../components/participation/request-form.js'
import { RequestRow } from '../components/participation/request-row.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function EventRequestsPage() {
  const { eventId = '' } = useParams()
  const { membership } = useSession()
  const orgId = membership?.organisation.id ?? ''
  const buyer = membership?.organisation.kind === 'buyer'
  return (
    <RequireSession>
      {() => <EventRequests key={`${eventId}:${orgId}`} eventId={eventId} orgId={orgId} buyer={buyer} />}
    </RequireSession>
  )
}

/** A participant's requests in one event: received ones to answer, sent ones to follow, and a form to ask. */
function EventRequests({ eventId, orgId, buyer }: { eventId: string; orgId: string; buyer: boolean }) {
  const { t } = useTranslation()
  const requests = useLoad(orgId ? `${eventId}:${orgId}` : null, () => listRequests(eventId, orgId))
  const people = useLoad(orgId && buyer ? `${eventId}:${orgId}` : null, () =>
    listRepresentatives(eventId, orgId).catch(() => []),
  )
  const representatives = people.result.kind === 'ready' ? people.result.data : []
  useDocumentTitle(t('requests.documentTitle'))
  const replace = (changed: MeetingRequest) => {
    if (requests.result.kind === 'ready')
      requests.setData(requests.result.data.map((r) => (r.id === changed.id ? changed : r)))
  }

  return (
    <div className="page-section" data-testid="event-requests-page">
      <header className="page-header">
        <p className="small">
          <Link to={`/organisations/${orgId}/events`}>{t('requests.backToEvents')}</Link>
        </p>
        <h1>{t('requests.title')}</h1>
        <p className="lead">{t('requests.intro')}</p>
      </header>
      <AsyncView result={requests.result} onRetry={() => requests.reload()}>
        {(list) => {
          const incoming = list.filter((r) => r.toOrganisationId === orgId)
          const outgoing = list.filter((r) => r.fromOrganisationId === orgId)
          return (
            <div className="two-columns">
              <RequestSection
                title={t('requests.incoming')}
                testId="requests-incoming"
                empty={t('requests.noIncoming')}
              >
                {incoming.map((request) => (
                  <RequestRow
                    key={request.id}
                    request={request}
                    direction="incoming"
                    onChanged={replace}
                    representatives={representatives}
                  />
                ))}
              </RequestSection>
              <RequestSection
                title={t('requests.outgoing')}
                testId="requests-outgoing"
                empty={t('requests.noOutgoing')}
              >
                {outgoing.map((request) => (
                  <RequestRow
                    key={request.id}
                    request={request}
                    direction="outgoing"
                    onChanged={replace}
                    representatives={representatives}
                  />
                ))}
              </RequestSection>
            </div>
          )
        }}
      </AsyncView>
      <section className="panel" aria-labelledby="request-new-title">
        <h2 id="request-new-title">{t('requests.newTitle')}</h2>
        <p className="muted small">{t('requests.newIntro')}</p>
        {orgId && <RequestForm eventId={eventId} fromOrganisationId={orgId} onSent={() => requests.reload(true)} />}
      </section>
    </div>
  )
}

function RequestSection({
  title,
  testId,
  empty,
  children,
}: {
  title: string
  testId: string
  empty: string
  children: ReactNode[]
}) {
  return (
    <section className="panel" aria-label={title} data-testid={testId}>
      <h2>{title}</h2>
      {children.length === 0 ? <p className="muted empty">{empty}</p> : <ul className="plain-list">{children}</ul>}
    </section>
  )
}
