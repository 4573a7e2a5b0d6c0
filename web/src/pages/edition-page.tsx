import { useTranslation } from 'react-i18next'
import { useNavigate, useParams } from 'react-router'
import type { Edition } from '../../../shared/schemas/events.js'
import { getEdition, listEvents } from '../api/events-api.js'
import { AsyncView } from '../components/async-view.js'
import { EditionForm } from '../components/events/edition-form.js'
import { EventForm } from '../components/events/event-form.js'
import { EventSummary } from '../components/events/event-summary.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function EditionPage() {
  const { editionId = '' } = useParams()
  return <RequireSession>{() => <EditionLoader key={editionId} editionId={editionId} />}</RequireSession>
}

function EditionLoader({ editionId }: { editionId: string }) {
  const edition = useLoad(editionId, () => getEdition(editionId))
  return (
    <div className="page-section" data-testid="edition-page">
      <AsyncView result={edition.result} onRetry={() => edition.reload()}>
        {(data) => <EditionDetail edition={data} onSaved={edition.setData} />}
      </AsyncView>
    </div>
  )
}

/** An edition's settings, its events, and a form to set up a new event. */
function EditionDetail({ edition, onSaved }: { edition: Edition; onSaved: (edition: Edition) => void }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { membership } = useSession()
  const events = useLoad(edition.id, () => listEvents(edition.id))
  useDocumentTitle(t('editions.detailTitle', { name: edition.name }))
  const ownOrgId =
    edition.organisers.find((o) => o.id === membership?.organisation.id)?.id ?? edition.organisers[0]?.id ?? ''

  return (
    <>
      <header className="page-header">
        <h1 data-testid="edition-title">{edition.name}</h1>
        <p className="lead">
          {edition.periodStart} – {edition.periodEnd} · {edition.organisers.map((o) => o.legalName).join(', ')}
        </p>
      </header>
      <section className="panel" aria-labelledby="edition-events-title">
        <h2 id="edition-events-title">{t('editions.eventsTitle')}</h2>
        <AsyncView result={events.result} onRetry={() => events.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted empty" data-testid="events-empty">
                {t('editions.noEvents')}
              </p>
            ) : (
              <ul className="plain-list" data-testid="events-list">
                {list.map((event) => (
                  <EventSummary key={event.id} event={event} />
                ))}
              </ul>
            )
          }
        </AsyncView>
      </section>
      <div className="two-columns">
        <section className="panel" aria-labelledby="event-new-title">
          <h2 id="event-new-title">{t('editions.newEvent')}</h2>
          <EventForm
            editionId={edition.id}
            event={null}
            defaultDate={edition.periodStart}
            onSaved={(event) => void navigate(`/events/${event.id}`)}
          />
        </section>
        <section className="panel" aria-labelledby="edition-edit-title">
          <h2 id="edition-edit-title">{t('editions.editTitle')}</h2>
          <EditionForm orgId={ownOrgId} edition={edition} onSaved={onSaved} />
        </section>
      </div>
    </>
  )
}
