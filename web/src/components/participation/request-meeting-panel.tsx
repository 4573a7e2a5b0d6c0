import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { listMyEvents, takesRequests } from '../../api/participation-api.js'
import { useSession } from '../../session/session-context.js'
import { AsyncView } from '../async-view.js'
import { SelectField } from '../form/fields.js'
import { useLoad } from '../use-load.js'
import { ACTIVE_STATUSES } from './participation-status.js'
import { RequestForm } from './request-form.js'

/**
 * "Request a meeting" under an offer or need: the reader's organisation asks the
 * owner to meet at one of the events it has been selected for that still take requests.
 */
export function RequestMeetingPanel({ to }: { to: { id: string; name: string } }) {
  const { t } = useTranslation()
  const { membership } = useSession()
  const [open, setOpen] = useState(false)
  const kind = membership?.organisation.kind
  if (!membership || (kind !== 'sme' && kind !== 'buyer') || membership.organisation.id === to.id) return null
  return (
    <section className="panel" aria-labelledby="request-meeting-title" data-testid="request-meeting-panel">
      <h2 id="request-meeting-title">{t('requests.fromListingTitle')}</h2>
      {open ? (
        <EventChoice orgId={membership.organisation.id} to={to} />
      ) : (
        <button type="button" className="button" data-testid="request-meeting-open" onClick={() => setOpen(true)}>
          {t('requests.fromListingButton')}
        </button>
      )}
    </section>
  )
}

function EventChoice({ orgId, to }: { orgId: string; to: { id: string; name: string } }) {
  const { t } = useTranslation()
  const events = useLoad(orgId, () => listMyEvents(orgId))
  const [eventId, setEventId] = useState('')
  return (
    <AsyncView result={events.result} onRetry={() => events.reload()}>
      {(list) => {
        const now = new Date()
        const open = list.filter((event) => takesRequests(event, now, ACTIVE_STATUSES))
        if (open.length === 0) {
          return (
            <p className="muted" data-testid="request-meeting-no-events">
              {t('requests.noSelectedEvents')} <Link to={`/organisations/${orgId}/events`}>{t('nav.myEvents')}</Link>
            </p>
          )
        }
        const chosen = eventId || (open[0]?.eventId ?? '')
        return (
          <>
            <SelectField
              name="eventId"
              testId="request-meeting-event"
              label={t('requests.event')}
              value={chosen}
              onChange={setEventId}
              options={open.map((e) => ({ value: e.eventId, label: e.eventName }))}
            />
            <RequestForm key={chosen} eventId={chosen} fromOrganisationId={orgId} to={to} onSent={() => undefined} />
          </>
        )
      }}
    </AsyncView>
  )
}
