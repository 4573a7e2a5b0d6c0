import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { applyToEvent, listMyEvents, listOpenEvents, type MyEvent } from '../api/participation-api.js'
import { AsyncView, ErrorNotice } from '../components/async-view.js'
import { EventsCalendar } from '../components/calendar/events-calendar.js'
import { AvailabilityEditor } from '../components/participation/availability-editor.js'
import { RepresentativesEditor } from '../components/participation/representatives-editor.js'
import { Segmented } from '../components/segmented.js'
import {
  ACTIVE_STATUSES,
  participationTone,
  readParticipationStatus,
} from '../components/participation/participation-status.js'
import { StatusBadge } from '../components/status-badge.js'
import { participationSteps } from '../../../shared/lifecycles/participation.js'
import { useLoad } from '../components/use-load.js'
import { useFormats } from '../components/use-formats.js'
import { useAction } from '../components/use-action.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { readStored, writeStored } from '../local-storage.js'
import { useDocumentTitle } from '../use-document-title.js'

export function MyEventsPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <MyEvents key={orgId} orgId={orgId} />}</RequireSession>
}

const VIEW_KEY = 'mtb.myEvents.view'

function MyEvents({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const events = useLoad(orgId, () => listMyEvents(orgId))
  const buyer =
    useSession().session?.memberships.find((m) => m.organisation.id === orgId)?.organisation.kind === 'buyer'
  const [view, setView] = useState(() => (readStored(VIEW_KEY) === 'calendar' ? 'calendar' : 'list'))
  const choose = (next: string) => {
    setView(next)
    writeStored(VIEW_KEY, next)
  }
  useDocumentTitle(t('myEvents.documentTitle'))
  return (
    <div className="page-section" data-testid="my-events-page">
      <header className="page-header">
        <h1>{t('myEvents.title')}</h1>
        <p className="lead">{t('myEvents.intro')}</p>
      </header>
      <section className="panel" aria-labelledby="my-events-list">
        <h2 id="my-events-list" className="visually-hidden">
          {t('myEvents.title')}
        </h2>
        <Segmented
          label={t('myEvents.view')}
          options={[
            { value: 'list', label: t('myEvents.viewList') },
            { value: 'calendar', label: t('myEvents.viewCalendar') },
          ]}
          value={view}
          onChange={choose}
          testIdPrefix="my-events-view"
        />
        <AsyncView result={events.result} onRetry={() => events.reload()}>
          {(list) =>
            list.length === 0 ? (
              <p className="muted empty" data-testid="my-events-empty">
                {t('myEvents.empty')}
              </p>
            ) : view === 'calendar' ? (
              <EventsCalendar
                entries={list.map((event) => ({
                  id: event.eventId,
                  title: event.eventName,
                  dates: event.days.map((d) => d.date),
                  href: `/events/${event.eventId}/requests`,
                  tone: `tone-${participationTone(event.status)}`,
                }))}
              />
            ) : (
              <ul className="plain-list" data-testid="my-events-list">
                {list.map((event) => (
                  <MyEventRow
                    key={event.eventId}
                    orgId={orgId}
                    event={event}
                    buyer={buyer}
                    onApplied={() => events.reload(true)}
                  />
                ))}
              </ul>
            )
          }
        </AsyncView>
      </section>
      <OpenEvents orgId={orgId} onApplied={() => events.reload(true)} />
    </div>
  )
}

function MyEventRow(props: { orgId: string; event: MyEvent; buyer: boolean; onApplied: () => void }) {
  const { orgId, event, buyer, onApplied } = props
  const { t } = useTranslation()
  const status = readParticipationStatus(event.status)
  const mayApply = status !== null && participationSteps(status, 'organisation').includes('applied')
  const [open, setOpen] = useState<'availability' | 'people' | null>(null)
  const [unavailable, setUnavailable] = useState(event.unavailableSlots)
  const active = ACTIVE_STATUSES.includes(event.status)
  const lastDay = event.days.at(-1)?.date
  const past = lastDay !== undefined && lastDay < new Date().toISOString().slice(0, 10)
  const met = event.status === 'attended' || event.status === 'followed_up' || (active && past)
  const formats = useFormats()
  const dates = event.days.map((d) => formats.day(d.date)).join(', ')
  return (
    <li
      className="list-row my-event"
      data-testid="my-event-row"
      data-event-id={event.eventId}
      data-status={event.status}
    >
      <div>
        <div className="row-title">{event.eventName}</div>
        <div className="muted small">
          {dates} · {event.timeZone}
        </div>
        <StatusBadge tone={participationTone(event.status)}>
          {t(`participation.${readParticipationStatus(event.status) ?? 'targeted'}`)}
        </StatusBadge>
      </div>
      {mayApply && <ApplyButton orgId={orgId} eventId={event.eventId} onApplied={onApplied} />}
      {met && (
        <div className="button-row">
          <Link className="button button-small" to={`/events/${event.eventId}/today`} data-testid="my-event-feedback">
            {t('myEvents.feedback')}
          </Link>
          <Link
            className="button button-small button-secondary"
            to={`/events/${event.eventId}/agenda`}
            data-testid="my-event-agenda"
          >
            {t('myEvents.agenda')}
          </Link>
          <Link
            className="button button-small button-secondary"
            to={`/organisations/${orgId}/contracts`}
            data-testid="my-event-contracts"
          >
            {t('myEvents.reportContract')}
          </Link>
        </div>
      )}
      {active && !past && (
        <div className="button-row">
          <Link
            className="button button-small"
            to={`/events/${event.eventId}/requests`}
            data-testid="my-event-requests"
          >
            {t('myEvents.requests')}
          </Link>
          <Link
            className="button button-small button-secondary"
            to={`/events/${event.eventId}/recommendations/${orgId}`}
            data-testid="my-event-recommendations"
          >
            {t('recommendations.link')}
          </Link>
          <Link
            className="button button-small button-secondary"
            to={`/events/${event.eventId}/agenda`}
            data-testid="my-event-agenda"
          >
            {t('myEvents.agenda')}
          </Link>
          <Link
            className="button button-small button-secondary"
            to={`/events/${event.eventId}/today`}
            data-testid="my-event-today"
          >
            {t('myEvents.today')}
          </Link>
          <button
            type="button"
            className="button button-small button-secondary"
            aria-expanded={open === 'availability'}
            data-testid="my-event-availability"
            onClick={() => setOpen((o) => (o === 'availability' ? null : 'availability'))}
          >
            {t('myEvents.availability', { count: unavailable.length })}
          </button>
          <button
            type="button"
            className="button button-small button-secondary"
            aria-expanded={open === 'people'}
            data-testid="my-event-people"
            onClick={() => setOpen((o) => (o === 'people' ? null : 'people'))}
          >
            {t(buyer ? 'myEvents.representatives' : 'myEvents.people')}
          </button>
        </div>
      )}
      {active && open === 'availability' && (
        <AvailabilityEditor eventId={event.eventId} orgId={orgId} unavailable={unavailable} onSaved={setUnavailable} />
      )}
      {active && open === 'people' && (
        <div className="representatives-box">
          <RepresentativesEditor eventId={event.eventId} orgId={orgId} buyer={buyer} />
        </div>
      )}
    </li>
  )
}

/** An invited organisation applies: it tells the hub it wants to take part. */
function ApplyButton({ orgId, eventId, onApplied }: { orgId: string; eventId: string; onApplied: () => void }) {
  const { t } = useTranslation()
  const action = useAction()
  return (
    <div className="button-row">
      <button
        type="button"
        className="button button-small"
        data-testid="my-event-apply"
        onClick={() =>
          void action.run(async () => {
            await applyToEvent(eventId, orgId)
            onApplied()
          })
        }
      >
        {t('myEvents.acceptInvitation')}
      </button>
      {action.error !== null && <ErrorNotice error={action.error} testId="my-event-apply-error" />}
    </div>
  )
}

/** Events of editions run by a hub that validated the organisation, still open for registration. */
function OpenEvents({ orgId, onApplied }: { orgId: string; onApplied: () => void }) {
  const { t } = useTranslation()
  const open = useLoad(orgId, () => listOpenEvents(orgId))
  const [failed, setFailed] = useState<string | undefined>()
  const apply = async (eventId: string) => {
    setFailed(undefined)
    try {
      await applyToEvent(eventId, orgId)
      open.reload(true)
      onApplied()
    } catch {
      setFailed(eventId)
    }
  }
  return (
    <section className="panel" aria-labelledby="open-events-title" data-testid="open-events">
      <h2 id="open-events-title">{t('myEvents.openTitle')}</h2>
      <AsyncView result={open.result} onRetry={() => open.reload()}>
        {(list) => {
          const available = list.filter((event) => event.status === null)
          return available.length === 0 ? (
            <p className="muted empty">{t('myEvents.openEmpty')}</p>
          ) : (
            <ul className="plain-list">
              {available.map((event) => (
                <li key={event.eventId} className="list-row" data-testid="open-event-row" data-event-id={event.eventId}>
                  <div>
                    <div className="row-title">{event.eventName}</div>
                    <div className="muted small">
                      {event.editionName} · {event.days.map((d) => d.date).join(', ')} · {event.timeZone}
                    </div>
                    {failed === event.eventId && <p className="field-error">{t('myEvents.applyFailed')}</p>}
                  </div>
                  <button
                    type="button"
                    className="button button-small"
                    data-testid="open-event-apply"
                    onClick={() => void apply(event.eventId)}
                  >
                    {t('myEvents.apply')}
                  </button>
                </li>
              ))}
            </ul>
          )
        }}
      </AsyncView>
    </section>
  )
}
