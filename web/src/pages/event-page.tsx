import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { MtbEvent } from '../../../shared/schemas/events.js'
import { getEvent, listSlots } from '../api/events-api.js'
import { AsyncView } from '../components/async-view.js'
import { EventForm } from '../components/events/event-form.js'
import { SlotGrid } from '../components/events/slot-grid.js'
import { HubRequests } from '../components/participation/hub-requests.js'
import { SelectionBoard } from '../components/participation/selection-board.js'
import { ScheduleBoard } from '../components/schedules/schedule-board.js'
import { LiveBoard } from '../components/live/live-board.js'
import { CurationBoard } from '../components/recommendations/curation-board.js'
import { TargetingImport } from '../components/participation/targeting-import.js'
import { Segmented } from '../components/segmented.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

const TABS = ['setup', 'selection', 'targeting', 'matches', 'requests', 'schedule', 'live'] as const
type Tab = (typeof TABS)[number]

function readTab(value: string | null): Tab {
  return TABS.find((tab) => tab === value) ?? 'setup'
}

export function EventPage() {
  const { eventId = '' } = useParams()
  return <RequireSession>{() => <EventLoader key={eventId} eventId={eventId} />}</RequireSession>
}

function EventLoader({ eventId }: { eventId: string }) {
  const event = useLoad(eventId, () => getEvent(eventId))
  return (
    <div className="page-section" data-testid="event-page">
      <AsyncView result={event.result} onRetry={() => event.reload()}>
        {(data) => <EventDetail event={data} onSaved={event.setData} />}
      </AsyncView>
    </div>
  )
}

/** A hub's event: its setup with the slot grid, the selection board, targeting import and all requests. */
function EventDetail({ event, onSaved }: { event: MtbEvent; onSaved: (event: MtbEvent) => void }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const tab = readTab(params.get('tab'))
  useDocumentTitle(t('eventPage.documentTitle', { name: event.name }))

  return (
    <>
      <header className="page-header">
        <p className="small">
          <Link to={`/editions/${event.editionId}`} data-testid="event-edition-link">
            {t('eventPage.backToEdition')}
          </Link>
        </p>
        <h1 data-testid="event-title">{event.name}</h1>
        <p className="lead">
          {event.timeZone} · {t('slots.count', { count: event.slotCount })}
        </p>
      </header>
      <Segmented
        label={t('eventPage.tabs')}
        testIdPrefix="event-tab"
        value={tab}
        onChange={(value) => setParams({ tab: readTab(value) })}
        options={TABS.map((value) => ({
          value,
          label: value === 'matches' ? t('recommendations.tab') : t(`eventPage.tab.${value}`),
        }))}
      />
      {tab === 'setup' && <EventSetup event={event} onSaved={onSaved} />}
      {tab === 'selection' && <SelectionBoard eventId={event.id} />}
      {tab === 'targeting' && <TargetingImport eventId={event.id} />}
      {tab === 'matches' && <CurationBoard eventId={event.id} />}
      {tab === 'requests' && <HubRequests eventId={event.id} />}
      {tab === 'schedule' && <ScheduleBoard event={event} />}
      {tab === 'live' && <LiveBoard eventId={event.id} />}
    </>
  )
}

function EventSetup({ event, onSaved }: { event: MtbEvent; onSaved: (event: MtbEvent) => void }) {
  const { t } = useTranslation()
  // Keyed by the event's content so saving refreshes the grid.
  const slotsKey = `${event.id}:${JSON.stringify([event.days, event.slotMinutes, event.gapMinutes, event.timeZone])}`
  const slots = useLoad(slotsKey, () => listSlots(event.id))
  return (
    <div className="two-columns two-columns-wide-first">
      <section className="panel" aria-labelledby="event-edit-title">
        <h2 id="event-edit-title">{t('eventPage.setupTitle')}</h2>
        <EventForm editionId={event.editionId} event={event} onSaved={onSaved} />
      </section>
      <section className="panel" aria-labelledby="event-slots-title">
        <h2 id="event-slots-title">{t('slots.title')}</h2>
        <p className="muted small">{t('slots.intro', { zone: event.timeZone })}</p>
        <AsyncView result={slots.result} onRetry={() => slots.reload()}>
          {(list) => <SlotGrid slots={list} />}
        </AsyncView>
      </section>
    </div>
  )
}
