import { useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { nameMatches, pageOf } from '../../../../shared/paging.js'
import { absencePreview, checkIn, markAbsent, undoAbsence, type AbsenceUndone, type Board } from '../../api/live-api.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { Pagination } from '../search/pagination.js'
import { StatusBadge } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { pageParam, useAddressQuery } from '../use-address-query.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { SearchFilter } from '../form/list-filters.js'

type Participant = Board['participants'][number]

/**
 * Who is here: check in, mark absent after a preview of the meetings it cancels
 * and of who will be told, and undo an absence the same day.
 */
const PAGE_SIZE = 50
const PRESENCES = ['present', 'unknown', 'absent'] as const

interface ParticipantFilters {
  q: string
  presence?: (typeof PRESENCES)[number]
  page: number
}

/** Name and presence filters and the page, kept in the address (`?tab=live&pq=nord&presence=unknown&page=2`). */
function readFilters(params: URLSearchParams): ParticipantFilters {
  const presence = PRESENCES.find((p) => p === params.get('presence'))
  return { q: params.get('pq')?.slice(0, 100) ?? '', page: pageParam(params), ...(presence ? { presence } : {}) }
}

const writeFilters = (filters: ParticipantFilters) => ({
  pq: filters.q,
  presence: filters.presence,
  page: filters.page > 1 ? filters.page : undefined,
})

export function BoardParticipants({ board, onChanged }: { board: Board; onChanged: () => void }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [current, setFilters] = useAddressQuery(readFilters, writeFilters)
  const filters = {
    ...current,
    set: (patch: Partial<ParticipantFilters>) => setFilters({ ...current, ...patch, page: 1 }),
  }
  const matching = board.participants.filter(
    (p) => (!filters.presence || p.presence === filters.presence) && nameMatches(p.name, filters.q),
  )
  const shown = pageOf(matching, filters.page, PAGE_SIZE)
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
      <div className="button-row" role="search">
        <SearchFilter
          label={t('liveBoard.searchParticipants')}
          testId="board-participants-q"
          value={filters.q}
          onChange={(value) => filters.set({ q: value ?? '' })}
        />
        <label>
          {t('liveBoard.presenceFilter')}{' '}
          <select
            data-testid="board-participants-presence"
            value={filters.presence ?? ''}
            onChange={(e) => filters.set({ presence: PRESENCES.find((p) => p === e.target.value) })}
          >
            <option value="">{t('liveBoard.anyPresence')}</option>
            {PRESENCES.map((p) => (
              <option key={p} value={p}>
                {t(`liveBoard.presence.${p}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="board-participants-total" data-total={matching.length}>
        {t('liveBoard.shown', { count: matching.length, total: number(matching.length) })}
      </p>
      {action.error !== null && <ErrorNotice error={action.error} />}
      {undone && <UndoneNotice {...undone} />}
      <ul className="plain-list">
        {shown.map((p) => (
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
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={matching.length} />
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
