import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { absencePreview, checkIn, markAbsent, undoAbsence, type AbsenceUndone, type Board } from '../../api/live-api.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { StatusBadge } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { useLoad } from '../use-load.js'

type Participant = Board['participants'][number]

/**
 * Who is here: check in, mark absent after a preview of the meetings it cancels
 * and of who will be told, and undo an absence the same day.
 */
export function BoardParticipants({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const { t } = useTranslation()
  const [confirming, setConfirming] = useState<string | null>(null)
  const [undone, setUndone] = useState<{ name: string; result: AbsenceUndone } | null>(null)
  const action = useAction()
  const run = (fn: () => Promise<unknown>) =>
    void action.run(async () => {
      await fn()
      onChanged()
    })
  return (
    <section className="panel" aria-labelledby="board-participants-title">
      <h2 id="board-participants-title">{t('liveBoard.participants')}</h2>
      {action.error !== null && <ErrorNotice error={action.error} />}
      {undone && <UndoneNotice {...undone} />}
      <ul className="plain-list">
        {board.participants.map((p) => (
          <li
            key={p.organisationId}
            className="list-row board-participant"
            data-testid="board-participant"
            data-org-id={p.organisationId}
            data-presence={p.presence}
          >
            <div>
              <span className="row-title">{p.name}</span>{' '}
              <StatusBadge tone={p.presence === 'present' ? 'ok' : p.presence === 'absent' ? 'bad' : 'neutral'}>
                {t(`liveBoard.presence.${p.presence}`)}
              </StatusBadge>
            </div>
            <div className="button-row">
              {p.presence !== 'present' && (
                <button
                  type="button"
                  className="button button-small"
                  data-testid="board-check-in"
                  onClick={() => run(() => checkIn(board.eventId, p.organisationId))}
                >
                  {t('liveBoard.checkIn')}
                </button>
              )}
              {p.presence === 'absent' && p.undoable && (
                <button
                  type="button"
                  className="button button-small button-secondary"
                  data-testid="board-undo-absent"
                  onClick={() =>
                    run(async () =>
                      setUndone({ name: p.name, result: await undoAbsence(board.eventId, p.organisationId) }),
                    )
                  }
                >
                  {t('liveBoard.undo')}
                </button>
              )}
              {p.presence !== 'absent' && confirming !== p.organisationId && (
                <button
                  type="button"
                  className="button button-small button-danger"
                  data-testid="board-absent"
                  aria-expanded={false}
                  onClick={() => (setUndone(null), setConfirming(p.organisationId))}
                >
                  {t('liveBoard.absent')}
                </button>
              )}
            </div>
            {confirming === p.organisationId && (
              <AbsenceConfirm
                eventId={board.eventId}
                participant={p}
                onDone={() => (setConfirming(null), onChanged())}
                onCancel={() => setConfirming(null)}
              />
            )}
          </li>
        ))}
      </ul>
    </section>
  )
}

function UndoneNotice({ name, result }: { name: string; result: AbsenceUndone }) {
  const { t } = useTranslation()
  return (
    <div className="notice notice-ok" role="status" data-testid="absence-undone">
      <p>{t('liveBoard.undone', { name, count: result.restored.length })}</p>
      {result.kept.map((k) => (
        <p key={k.meetingId} className="small">
          {t('liveBoard.undoKept', { time: k.time, other: k.counterpartName })}
        </p>
      ))}
    </div>
  )
}

/** The preview of an absence, and the one button that records it and tells the counterparts. */
function AbsenceConfirm({
  eventId,
  participant,
  onDone,
  onCancel,
}: {
  eventId: string
  participant: Participant
  onDone: () => void
  onCancel: () => void
}) {
  const { t } = useTranslation()
  const preview = useLoad(`${eventId}:${participant.organisationId}`, () =>
    absencePreview(eventId, participant.organisationId),
  )
  const action = useAction()
  const titleId = `absence-${participant.organisationId}`
  const heading = useRef<HTMLHeadingElement>(null)
  useEffect(() => heading.current?.focus(), [])
  return (
    <div className="absence-confirm" role="group" aria-labelledby={titleId} data-testid="absence-confirm">
      <h3 id={titleId} ref={heading} tabIndex={-1}>
        {t('liveBoard.absentTitle', { name: participant.name })}
      </h3>
      <AsyncView result={preview.result} onRetry={() => preview.reload()}>
        {(data) => (
          <>
            <p>
              {data.meetings.length === 0
                ? t('liveBoard.absentNone')
                : t('liveBoard.absentCancels', { count: data.meetings.length })}
            </p>
            {data.meetings.length > 0 && (
              <ul className="absence-meetings" data-testid="absence-meetings">
                {data.meetings.map((m) => (
                  <li key={m.meetingId}>
                    <strong>
                      {m.tableName
                        ? t('liveBoard.absentMeetingAt', { time: m.time, table: m.tableName, name: m.counterpartName })
                        : t('liveBoard.absentMeeting', { time: m.time, name: m.counterpartName })}
                    </strong>{' '}
                    <span className="muted small">
                      {m.told.length > 0
                        ? t('liveBoard.absentTold', { people: m.told.join(', ') })
                        : t('liveBoard.absentNobodyTold')}
                    </span>
                  </li>
                ))}
              </ul>
            )}
            <p className="muted small">{t('liveBoard.absentUndoHint')}</p>
            {action.error !== null && <ErrorNotice error={action.error} />}
            <div className="button-row">
              <button
                type="button"
                className="button button-small button-danger"
                data-testid="absence-confirm-button"
                disabled={action.busy}
                onClick={() =>
                  void action.run(async () => {
                    await markAbsent(eventId, participant.organisationId)
                    onDone()
                  })
                }
              >
                {t('liveBoard.absentConfirm')}
              </button>
              <button type="button" className="button button-small button-secondary" onClick={onCancel}>
                {t('liveBoard.cancel')}
              </button>
            </div>
          </>
        )}
      </AsyncView>
    </div>
  )
}
