import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MtbEvent } from '../../../../shared/schemas/events.js'
import { listEditions, listEvents } from '../../api/events-api.js'
import { changeParticipation } from '../../api/participation-api.js'
import { ErrorNotice } from '../async-view.js'
import { useAction } from '../use-action.js'

/** The hub's events still to come, soonest first. */
export async function upcomingEvents(orgId: string): Promise<MtbEvent[]> {
  const today = new Date().toISOString().slice(0, 10)
  const editions = await listEditions(orgId)
  const events = (await Promise.all(editions.map((edition) => listEvents(edition.id)))).flat()
  return events
    .filter((event) => (event.days.at(-1)?.date ?? '') >= today)
    .sort((a, b) => (a.days[0]?.date ?? '').localeCompare(b.days[0]?.date ?? ''))
}

/**
 * Brings a tender's public buyer into one of the hub's events: a market consultation is what a
 * Meet the Buyer session is, so its buyer is selected at once; any other buyer is targeted, for the
 * hub to invite on the event's board.
 */
export function BringToEvent({
  events: list,
  buyer,
  consultation,
}: {
  events: MtbEvent[]
  buyer: { id: string; legalName: string }
  consultation: boolean
}) {
  const { t } = useTranslation()
  const fieldId = useId()
  const action = useAction()
  const [chosen, setChosen] = useState('')
  const [done, setDone] = useState<MtbEvent | null>(null)
  if (list.length === 0) return null
  const eventId = chosen || list[0]!.id
  const bring = () =>
    action.run(async () => {
      if (consultation) {
        await changeParticipation(eventId, buyer.id, { status: 'invited' })
        await changeParticipation(eventId, buyer.id, { status: 'selected' })
      } else await changeParticipation(eventId, buyer.id, { status: 'targeted' })
      setDone(list.find((event) => event.id === eventId) ?? null)
    })
  return (
    <div className="bring-to-event" data-testid="bring-to-event">
      <label htmlFor={fieldId} className="small">
        {t(consultation ? 'tenders.bring.selectLabel' : 'tenders.bring.targetLabel')}
      </label>
      <div className="button-row">
        <select id={fieldId} value={eventId} onChange={(e) => setChosen(e.target.value)} data-testid="bring-event">
          {list.map((event) => (
            <option key={event.id} value={event.id}>
              {event.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          className="button button-secondary button-small"
          disabled={action.busy}
          data-testid="bring-button"
          onClick={() => void bring()}
        >
          {t(consultation ? 'tenders.bring.select' : 'tenders.bring.target')}
        </button>
      </div>
      {action.error !== null && <ErrorNotice error={action.error} testId="bring-error" />}
      {done && (
        <p className="notice notice-ok small" role="status" data-testid="bring-done">
          {t(consultation ? 'tenders.bring.selected' : 'tenders.bring.targeted', {
            buyer: buyer.legalName,
            event: done.name,
          })}{' '}
          <Link to={`/events/${done.id}`}>{t('tenders.bring.open')}</Link>
        </p>
      )}
    </div>
  )
}
