import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MtbEvent } from '../../../../shared/schemas/events.js'

/** One event in an edition's list: name, days, format and number of slots. */
export function EventSummary({ event }: { event: MtbEvent }) {
  const { t } = useTranslation()
  const first = event.days[0]?.date ?? ''
  const last = event.days[event.days.length - 1]?.date ?? ''
  return (
    <li className="list-row" data-testid="event-row" data-event-id={event.id}>
      <div>
        <Link to={`/events/${event.id}`} className="row-title" data-testid="event-link">
          {event.name}
        </Link>
        <div className="muted small">
          {first === last ? first : `${first} – ${last}`} · {t(`eventForm.formats.${event.format}`)} ·{' '}
          {t(`eventForm.kinds.${event.kind}`)} · {t('slots.count', { count: event.slotCount })}
        </div>
      </div>
    </li>
  )
}
