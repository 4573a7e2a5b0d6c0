import { useEffect, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { getBoard, repair, type Board } from '../../api/live-api.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { BoardMeetings } from './board-meetings.js'
import { BoardParticipants } from './board-participants.js'
import { useAction } from '../use-action.js'
import { useLoad } from '../use-load.js'
import { formatCountdown } from './duration.js'
import { useLive } from './use-live.js'

/** The hub's event day: slot clock, table map coloured by state, check-ins, and the no-show queue with re-pairing. */
export function LiveBoard({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const board = useLoad(eventId, () => getBoard(eventId))
  const { reload } = board
  const connection = useLive(`event=${encodeURIComponent(eventId)}`, () => reload(true))
  return (
    <div className="live-board" data-testid="live-board">
      <p className="muted small" data-testid="live-state" data-state={connection}>
        {t(`live.${connection}`)}
      </p>
      <AsyncView result={board.result} onRetry={() => board.reload()}>
        {(data) => <BoardBody board={data} onChanged={() => reload(true)} />}
      </AsyncView>
    </div>
  )
}

function SlotClock({ board, onBoundary }: { board: Board; onBoundary: () => void }) {
  const { t } = useTranslation()
  const [offset] = useState(() => new Date(board.now).getTime() - Date.now())
  const [now, setNow] = useState(() => Date.now() + offset)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now() + offset), 1000)
    return () => clearInterval(timer)
  }, [offset])
  const current = board.currentSlot === null ? null : board.slots[board.currentSlot]
  const target = current ? current.endsAt : board.nextSlot?.startsAt
  // Meetings change state when a slot starts or ends: read the board again then.
  useEffect(() => {
    if (!target) return
    const wait = new Date(target).getTime() - (Date.now() + offset) + 500
    if (wait > 24 * 3600_000) return
    const timer = setTimeout(onBoundary, Math.max(1000, wait))
    return () => clearTimeout(timer)
  }, [target, offset, onBoundary])
  const clock = target
    ? formatCountdown((new Date(target).getTime() - now) / 1000, { days: t('live.days'), hours: t('live.hours') })
    : '—'
  return (
    <div className="slot-clock" data-testid="slot-clock">
      <div className="slot-clock-label">
        {current
          ? t('liveBoard.now', { time: `${current.localStart.slice(11)}–${current.localEnd}` })
          : board.nextSlot
            ? t('liveBoard.nextAt', { time: board.nextSlot.localStart.slice(11) })
            : t('liveBoard.over')}
      </div>
      <div className="slot-clock-time">{clock}</div>
    </div>
  )
}

function BoardBody({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const { t } = useTranslation()
  const action = useAction()
  const shownSlot = board.currentSlot ?? board.nextSlot?.index ?? null
  const inSlot = board.meetings.filter((m) => m.slot === shownSlot && m.status === 'scheduled')
  const here = board.participants.filter((p) => p.presence === 'present').length
  const run = (fn: () => Promise<unknown>) => void action.run(async () => (await fn(), onChanged()))
  return (
    <>
      <section className="panel board-top">
        <SlotClock board={board} onBoundary={onChanged} />
        <dl className="stat-tiles">
          <div>
            <dt>{t('liveBoard.checkedIn')}</dt>
            <dd data-testid="board-checked-in">
              {here} / {board.participants.length}
            </dd>
          </div>
          <div>
            <dt>{t('liveBoard.noShows')}</dt>
            <dd>{board.meetings.filter((m) => m.state === 'no_show').length}</dd>
          </div>
          <div>
            <dt>{t('liveBoard.held')}</dt>
            <dd>{board.meetings.filter((m) => m.state === 'held').length}</dd>
          </div>
        </dl>
      </section>
      {action.error !== null && <ErrorNotice error={action.error} />}
      {shownSlot !== null && board.tables.length > 0 && (
        <section className="panel">
          <h2>{t('liveBoard.tables', { time: board.slots[shownSlot]?.localStart.slice(11) ?? '' })}</h2>
          <ul className="table-map" data-testid="table-map">
            {board.tables.map((name, index) => {
              const meeting = inSlot.find((m) => m.tableIndex === index)
              return (
                <li
                  key={name}
                  className={`table-tile state-${meeting?.state ?? 'empty'}`}
                  data-testid="table-tile"
                  data-state={meeting?.state ?? 'empty'}
                >
                  <strong>{name}</strong>
                  {meeting ? (
                    <span className="small">
                      {meeting.smeName} ↔ {meeting.buyerName}
                    </span>
                  ) : (
                    <span className="small muted">{t('liveBoard.free')}</span>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      )}
      {board.standby.length > 0 && (
        <section className="panel" data-testid="no-show-queue">
          <h2>{t('liveBoard.queue')}</h2>
          <ul className="plain-list">
            {board.standby.map((s) => (
              <li key={s.meetingId} className="list-row">
                <div>
                  <div className="row-title">
                    {t('liveBoard.stranded', {
                      name: s.counterpartName,
                      time: board.slots[s.slot]?.localStart.slice(11) ?? '',
                    })}
                  </div>
                  {s.candidates.length === 0 && <span className="muted small">{t('liveBoard.noCandidates')}</span>}
                </div>
                <div className="button-row">
                  {s.candidates.map((c) => (
                    <button
                      key={c.organisationId}
                      type="button"
                      className="button button-small"
                      data-testid="repair"
                      onClick={() => run(() => repair(board.eventId, s.meetingId, c.organisationId))}
                    >
                      {t('liveBoard.repair', { name: c.name })}
                    </button>
                  ))}
                </div>
              </li>
            ))}
          </ul>
        </section>
      )}
      <BoardParticipants board={board} onChanged={onChanged} />
      <BoardMeetings board={board} />
    </>
  )
}
