import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import { checkIn, getToday, INTERESTS, sendFeedback, type Interest, type Today } from '../api/live-api.js'
import { AsyncView, ErrorNotice } from '../components/async-view.js'
import { StatusBadge } from '../components/status-badge.js'
import { formatCountdown } from '../components/live/duration.js'
import { stateTone } from '../components/live/live-states.js'
import { useLive, type LiveMessage } from '../components/live/use-live.js'
import { useFormats } from '../components/use-formats.js'
import { tableLabel } from '../components/schedules/table-label.js'
import { useAction } from '../components/use-action.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function TodayPage() {
  const { eventId = '' } = useParams()
  const { membership } = useSession()
  const orgId = membership?.organisation.id ?? ''
  return (
    <RequireSession>{() => <TodayView key={`${eventId}:${orgId}`} eventId={eventId} orgId={orgId} />}</RequireSession>
  )
}

/** A participant's event day on a phone: the next meeting with a countdown, live changes, check-in, feedback. */
function TodayView({ eventId, orgId }: { eventId: string; orgId: string }) {
  const { t } = useTranslation()
  const today = useLoad(orgId ? `${eventId}:${orgId}` : null, () => getToday(eventId, orgId))
  const [notice, setNotice] = useState<string | null>(null)
  const { reload } = today
  const connection = useLive(orgId ? `organisation=${encodeURIComponent(orgId)}` : null, (message: LiveMessage) => {
    if (message.payload?.eventId !== undefined && message.payload.eventId !== eventId) return
    setNotice(
      t(`today.message.${messageKey(message.type)}`, {
        name: String(message.payload?.name ?? message.payload?.with ?? ''),
      }),
    )
    reload(true)
  })
  useDocumentTitle(t('today.documentTitle'))
  return (
    <div className="page-section today-page" data-testid="today-page">
      <header className="page-header">
        <p className="small">
          <Link to={`/events/${eventId}/agenda`}>{t('today.fullAgenda')}</Link>
        </p>
        <h1>{t('today.title')}</h1>
        <p className="muted small" data-testid="live-state" data-state={connection}>
          {t(`live.${connection}`)}
        </p>
      </header>
      {notice && (
        <p className="notice" role="status" data-testid="today-notice">
          {notice}
        </p>
      )}
      <AsyncView result={today.result} onRetry={() => today.reload()}>
        {(data) => <TodayBody today={data} orgId={orgId} onChanged={() => reload(true)} />}
      </AsyncView>
    </div>
  )
}

function messageKey(type: string): 'checkedIn' | 'absent' | 'back' | 'late' | 'agenda' | 'next' | 'other' {
  if (type === 'counterpart_checked_in') return 'checkedIn'
  if (type === 'counterpart_absent') return 'absent'
  if (type === 'counterpart_back') return 'back'
  if (type === 'counterpart_late') return 'late'
  if (type === 'agenda_changed') return 'agenda'
  if (type === 'next_meeting') return 'next'
  return 'other'
}

function useCountdown(target: string | undefined, serverNow: string): string | null {
  const { t } = useTranslation()
  const [offset] = useState(() => new Date(serverNow).getTime() - Date.now())
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000)
    return () => clearInterval(timer)
  }, [offset])
  if (!target) return null
  return formatCountdown((new Date(target).getTime() - now) / 1000, { days: t('live.days'), hours: t('live.hours') })
}

function TodayBody({ today, orgId, onChanged }: { today: Today; orgId: string; onChanged: () => void }) {
  const { t } = useTranslation()
  const action = useAction()
  const { locale } = useFormats()
  const time = (iso: string) =>
    new Intl.DateTimeFormat(locale, { timeZone: today.timeZone, hour: '2-digit', minute: '2-digit' }).format(
      new Date(iso),
    )
  const upcoming = today.meetings.filter(
    (m) => m.status === 'scheduled' && new Date(m.endsAt) > new Date(today.now) && m.state !== 'no_show',
  )
  const next = upcoming[0]
  const countdown = useCountdown(next?.startsAt, today.now)
  const counterpart = (m: Today['meetings'][number]) => (m.mine === 'sme' ? m.buyerName : m.smeName)
  const theirPresence = (m: Today['meetings'][number]) => (m.mine === 'sme' ? m.presence.buyer : m.presence.sme)
  return (
    <>
      <section className="panel today-checkin">
        <h2>{today.eventName}</h2>
        {today.presence === 'present' ? (
          <p data-testid="checked-in">
            <StatusBadge tone="ok">{t('today.checkedIn')}</StatusBadge>
          </p>
        ) : !today.eventDay ? (
          <p className="muted" data-testid="check-in-closed">
            {t('today.notEventDay')}
          </p>
        ) : (
          <button
            type="button"
            className="button"
            data-testid="self-check-in"
            onClick={() => void action.run(async () => (await checkIn(today.eventId, orgId), onChanged()))}
          >
            {t('today.imHere')}
          </button>
        )}
        {action.error !== null && <ErrorNotice error={action.error} />}
      </section>
      {next && (
        <section className="panel today-next" data-testid="next-meeting">
          <h2>{t('today.next')}</h2>
          <p className="today-next-who">{counterpart(next)}</p>
          <p className="today-next-when">
            {time(next.startsAt)} {next.tableName && <>· {tableLabel(t, next.tableName)}</>}
          </p>
          {countdown && (
            <p className="today-countdown" data-testid="countdown">
              {t('today.startsIn', { time: countdown })}
            </p>
          )}
          <p className="small">{t(`today.presence.${theirPresence(next)}`, { name: counterpart(next) })}</p>
        </section>
      )}
      <section className="panel">
        <h2>{t('today.all')}</h2>
        <ul className="plain-list">
          {today.meetings.map((m) => (
            <li key={m.id} className="list-row today-meeting" data-testid="today-meeting" data-state={m.state}>
              <div>
                <div className="row-title">
                  {time(m.startsAt)} · {counterpart(m)}
                </div>
                <div className="badge-row">
                  <StatusBadge tone={stateTone(m.state)}>{t(`live.state.${m.state}`)}</StatusBadge>
                  {m.tableName && <span className="small">{tableLabel(t, m.tableName)}</span>}
                </div>
              </div>
              {m.status === 'scheduled' && new Date(m.startsAt) <= new Date(today.now) && (
                <FeedbackForm meetingId={m.id} initial={m.feedback} onSaved={onChanged} />
              )}
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function FeedbackForm({
  meetingId,
  initial,
  onSaved,
}: {
  meetingId: string
  initial: { held: boolean; interest: Interest | null } | null
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const action = useAction()
  const [held, setHeld] = useState(initial?.held ?? true)
  const [interest, setInterest] = useState<Interest | ''>(initial?.interest ?? '')
  const [comment, setComment] = useState('')
  const [saved, setSaved] = useState(false)
  const submit = (e: FormEvent) => {
    e.preventDefault()
    void action.run(async () => {
      await sendFeedback(meetingId, {
        held,
        interest: held && interest ? interest : null,
        comment: comment.trim() || null,
      })
      setSaved(true)
      onSaved()
    })
  }
  return (
    <form className="feedback-form" onSubmit={submit} data-testid="feedback-form">
      <fieldset>
        <legend>{t('feedback.title')}</legend>
        <label className="checkbox">
          <input type="radio" name={`held-${meetingId}`} checked={held} onChange={() => setHeld(true)} />{' '}
          {t('feedback.held')}
        </label>
        <label className="checkbox">
          <input type="radio" name={`held-${meetingId}`} checked={!held} onChange={() => setHeld(false)} />{' '}
          {t('feedback.notHeld')}
        </label>
      </fieldset>
      {held && (
        <div className="field">
          <label htmlFor={`interest-${meetingId}`}>{t('feedback.interest')}</label>
          <select
            id={`interest-${meetingId}`}
            data-testid="feedback-interest"
            value={interest}
            onChange={(e) => setInterest(e.target.value as Interest | '')}
          >
            <option value="">—</option>
            {INTERESTS.map((i) => (
              <option key={i} value={i}>
                {t(`feedback.interests.${i}`)}
              </option>
            ))}
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`comment-${meetingId}`}>{t('feedback.comment')}</label>
        <textarea
          id={`comment-${meetingId}`}
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
        <p className="field-hint">{t('feedback.commentHint')}</p>
      </div>
      <button
        type="submit"
        className="button button-small"
        data-testid="feedback-save"
        disabled={action.busy}
        aria-busy={action.busy}
      >
        {t('feedback.save')}
      </button>
      {saved && (
        <span className="small" role="status" data-testid="feedback-saved">
          {' '}
          {t('common.saved')}
        </span>
      )}
      {action.error !== null && <ErrorNotice error={action.error} />}
    </form>
  )
}
