import { useEffect, useState } from 'react'
import QRCode from 'qrcode'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Agenda, AgendaItem } from '../../../shared/schemas/schedules.js'
import { getAgenda, getCalendarFeed, rotateCalendarFeed } from '../api/schedules-api.js'
import { AsyncView, ErrorNotice } from '../components/async-view.js'
import { StatusBadge } from '../components/status-badge.js'
import { useAction } from '../components/use-action.js'
import { useLoad } from '../components/use-load.js'
import { useFormats } from '../components/use-formats.js'
import { tableLabel } from '../components/schedules/table-label.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function AgendaPage() {
  const { eventId = '' } = useParams()
  const { membership } = useSession()
  const orgId = membership?.organisation.id ?? ''
  const admin = membership?.role === 'admin'
  return (
    <RequireSession>
      {() => <AgendaView key={`${eventId}:${orgId}`} eventId={eventId} orgId={orgId} admin={admin} />}
    </RequireSession>
  )
}

/** A participant's meetings in one event, printable (venue Wi-Fi is often poor), with its calendar feed. */
function AgendaView({ eventId, orgId, admin }: { eventId: string; orgId: string; admin: boolean }) {
  const { t } = useTranslation()
  const agenda = useLoad(orgId ? `${eventId}:${orgId}` : null, () => getAgenda(eventId, orgId))
  useDocumentTitle(t('agenda.documentTitle'))
  return (
    <div className="page-section agenda-page" data-testid="agenda-page">
      <header className="page-header">
        <p className="small no-print">
          <Link to={`/organisations/${orgId}/events`}>{t('requests.backToEvents')}</Link>
        </p>
        <h1>{t('agenda.title')}</h1>
      </header>
      <AsyncView result={agenda.result} onRetry={() => agenda.reload()}>
        {(data) => <AgendaBody agenda={data} />}
      </AsyncView>
      {orgId && <Badge eventId={eventId} orgId={orgId} />}
      {orgId && <CalendarFeed orgId={orgId} admin={admin} />}
    </div>
  )
}

function AgendaBody({ agenda }: { agenda: Agenda }) {
  const { t } = useTranslation()
  const myZone = useSession().session?.user.timeZone
  const { locale } = useFormats()
  const clock = (zone: string) => {
    try {
      return new Intl.DateTimeFormat('en-GB', { timeZone: zone, hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
    } catch {
      return null // an unknown zone name: show the event's times only
    }
  }
  const mine = myZone ? clock(myZone) : null
  /** The start in the reader's own zone, only where it differs from the event's wall clock. */
  const ownTime = (item: AgendaItem) => {
    const local = mine?.format(new Date(item.startsAt))
    return local && local !== item.localStart.slice(11, 16) ? local : null
  }
  const dayName = (day: string) =>
    new Intl.DateTimeFormat(locale, { dateStyle: 'full', timeZone: 'UTC' }).format(new Date(`${day}T00:00:00Z`))
  const days = new Map<string, AgendaItem[]>()
  for (const item of agenda.items)
    days.set(item.localStart.slice(0, 10), [...(days.get(item.localStart.slice(0, 10)) ?? []), item])
  return (
    <section className="panel" aria-labelledby="agenda-event">
      <div className="panel-head">
        <div>
          <h2 id="agenda-event">{agenda.eventName}</h2>
          <p className="muted small">
            {[agenda.venue, t('agenda.timesIn', { zone: agenda.timeZone })].filter(Boolean).join(' · ')}
          </p>
        </div>
        <button
          type="button"
          className="button button-secondary no-print"
          data-testid="agenda-print"
          onClick={() => window.print()}
        >
          {t('agenda.print')}
        </button>
      </div>
      {!agenda.published ? (
        <p className="muted empty" data-testid="agenda-not-published">
          {t('agenda.notPublished')}
        </p>
      ) : agenda.items.length === 0 ? (
        <p className="muted empty">{t('agenda.empty')}</p>
      ) : (
        [...days].map(([day, items]) => (
          <table key={day} className="agenda-table" data-testid="agenda-table">
            <caption>{dayName(day)}</caption>
            <thead>
              <tr>
                <th scope="col">{t('agenda.time')}</th>
                <th scope="col">{t('agenda.with')}</th>
                <th scope="col">{t('agenda.where')}</th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr
                  key={item.meetingId}
                  data-testid="agenda-item"
                  data-status={item.status}
                  className={item.status === 'cancelled' ? 'agenda-cancelled' : undefined}
                >
                  <td className="slot-time">
                    {item.localStart.slice(11)}–{item.localEnd}
                    {ownTime(item) && (
                      <div className="muted small">{t('agenda.yourTime', { time: ownTime(item), zone: myZone })}</div>
                    )}
                  </td>
                  <td>
                    <strong>{item.counterpartName}</strong>
                    {item.representativeName && (
                      <div className="muted small">{t('agenda.heldBy', { name: item.representativeName })}</div>
                    )}
                    {item.status === 'cancelled' && <StatusBadge tone="bad">{t('agenda.cancelled')}</StatusBadge>}
                  </td>
                  <td>
                    {item.tableName && <div data-testid="agenda-table-name">{tableLabel(t, item.tableName)}</div>}
                    {item.videoLink && (
                      <div>
                        <a href={item.videoLink} className="agenda-link">
                          {t('agenda.video')}
                        </a>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        ))
      )}
    </section>
  )
}

/** A QR code the desk scans to check the organisation in (it opens the hub's check-in page). */
function Badge({ eventId, orgId }: { eventId: string; orgId: string }) {
  const { t } = useTranslation()
  const [svg, setSvg] = useState<string | null>(null)
  useEffect(() => {
    const target = new URL(`/events/${eventId}/check-in/${orgId}`, window.location.href).href
    void QRCode.toString(target, { type: 'svg', margin: 1, errorCorrectionLevel: 'M' }).then(setSvg, () => setSvg(null))
  }, [eventId, orgId])
  return (
    <section className="panel badge-panel" aria-labelledby="badge-title" data-testid="badge">
      <h2 id="badge-title">{t('badge.title')}</h2>
      <p className="muted small">{t('badge.intro')}</p>
      {svg && (
        <div className="badge-qr" role="img" aria-label={t('badge.title')} dangerouslySetInnerHTML={{ __html: svg }} />
      )}
    </section>
  )
}

function CalendarFeed({ orgId, admin }: { orgId: string; admin: boolean }) {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage === 'it' ? 'it' : 'en'
  const feed = useLoad(orgId, () => getCalendarFeed(orgId).then(({ url }) => ({ url: `${url}?lang=${lang}` })))
  const action = useAction()
  const [copied, setCopied] = useState(false)
  return (
    <section className="panel no-print" aria-labelledby="feed-title" data-testid="calendar-feed">
      <h2 id="feed-title">{t('agenda.feedTitle')}</h2>
      <p className="muted small">{t('agenda.feedIntro')}</p>
      <AsyncView result={feed.result} onRetry={() => feed.reload()}>
        {({ url }) => (
          <>
            <div className="field">
              <label htmlFor="feed-url">{t('agenda.feedUrl')}</label>
              <input id="feed-url" data-testid="feed-url" readOnly value={url} onFocus={(e) => e.target.select()} />
            </div>
            <div className="button-row">
              <button
                type="button"
                className="button button-small"
                onClick={() =>
                  void navigator.clipboard?.writeText(url).then(
                    () => setCopied(true),
                    () => setCopied(false),
                  )
                }
              >
                {t(copied ? 'agenda.copied' : 'agenda.copy')}
              </button>
              <a className="button button-small button-secondary" href={url.replace(/^https?:/, 'webcal:')}>
                {t('agenda.subscribe')}
              </a>
              {admin && (
                <button
                  type="button"
                  className="button button-small button-danger"
                  data-testid="feed-rotate"
                  onClick={() =>
                    void action.run(async () =>
                      feed.setData({ url: `${(await rotateCalendarFeed(orgId)).url}?lang=${lang}` }),
                    )
                  }
                >
                  {t('agenda.rotate')}
                </button>
              )}
            </div>
          </>
        )}
      </AsyncView>
      {action.error !== null && <ErrorNotice error={action.error} />}
    </section>
  )
}
