import { useEffect, useState, type DragEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MtbEvent } from '../../../../shared/schemas/events.js'
import type { Assignment, Schedule } from '../../../../shared/schemas/schedules.js'
import { listSlots, type Slot } from '../../api/events-api.js'
import {
  cancelSchedule,
  getSchedule,
  listSchedules,
  moveMeeting,
  publishSchedule,
  startSchedule,
} from '../../api/schedules-api.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { StatusBadge, type BadgeTone } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { ConfirmButton } from '../confirm-button.js'
import { useDateFormat } from '../use-date-format.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { tableLabel } from './table-label.js'
import { BreaksChart } from './breaks-chart.js'

/** The organisations that have a meeting in a schedule: those its publication e-mails. */
const participantsOf = (assignments: Assignment[]) => new Set(assignments.flatMap((a) => [a.smeId, a.buyerId])).size

const TONES: Record<Schedule['status'], BadgeTone> = {
  queued: 'neutral',
  running: 'warn',
  draft: 'neutral',
  published: 'ok',
  superseded: 'neutral',
  failed: 'bad',
  cancelled: 'neutral',
}

/** The hub's scheduler: start a run, watch it, review the draft on a slots × tables grid, move meetings, publish. */
export function ScheduleBoard({ event }: { event: MtbEvent }) {
  const { t } = useTranslation()
  const slots = useLoad(event.id, () => listSlots(event.id))
  const runs = useLoad(event.id, () => listSchedules(event.id))
  const [chosen, setChosen] = useState<string | null>(null)
  const list = runs.result.kind === 'ready' ? runs.result.data : []
  const active = list.some((run) => run.status === 'queued' || run.status === 'running')

  const { reload } = runs
  useEffect(() => {
    if (!active) return
    const timer = setInterval(() => reload(true), 1000)
    return () => clearInterval(timer)
  }, [active, reload])

  const shown = chosen ?? list.find((run) => run.status === 'draft' || run.status === 'published')?.id ?? null
  return (
    <div className="schedule-board" data-testid="schedule-board">
      <section className="panel" aria-labelledby="schedule-run-title">
        <h2 id="schedule-run-title">{t('schedule.runTitle')}</h2>
        <p className="muted small">{t('schedule.runIntro')}</p>
        <RunForm
          eventId={event.id}
          disabled={active}
          onStarted={(run) => {
            setChosen(null)
            runs.setData([run, ...list])
          }}
        />
        <AsyncView result={runs.result} onRetry={() => runs.reload()}>
          {(all) =>
            all.length === 0 ? (
              <p className="muted empty">{t('schedule.noRuns')}</p>
            ) : (
              <ul className="plain-list schedule-runs" data-testid="schedule-runs">
                {all.map((run) => (
                  <RunRow
                    key={run.id}
                    run={run}
                    selected={run.id === shown}
                    onSelect={() => setChosen(run.id)}
                    onCancelled={() => reload(true)}
                  />
                ))}
              </ul>
            )
          }
        </AsyncView>
      </section>
      {shown && slots.result.kind === 'ready' && (
        <RunDetail
          key={`${shown}:${list.find((r) => r.id === shown)?.status ?? ''}`}
          event={event}
          scheduleId={shown}
          slots={slots.result.data}
          onPublished={() => runs.reload(true)}
        />
      )}
    </div>
  )
}

function RunForm({
  eventId,
  disabled,
  onStarted,
}: {
  eventId: string
  disabled: boolean
  onStarted: (run: Schedule) => void
}) {
  const { t } = useTranslation()
  const action = useAction()
  const [seconds, setSeconds] = useState('10')
  const [fairness, setFairness] = useState('2')
  const [keep, setKeep] = useState(true)
  const start = () =>
    action.run(async () => {
      onStarted(
        await startSchedule(eventId, {
          timeLimitSeconds: Number(seconds),
          fairness: fairness.trim() === '' ? null : Number(fairness),
          keepPublished: keep,
        }),
      )
    })
  return (
    <div className="run-form">
      <div className="form-grid form-grid-3">
        <div className="field">
          <label htmlFor="run-seconds">{t('schedule.timeLimit')}</label>
          <input
            id="run-seconds"
            data-testid="run-seconds"
            type="number"
            min={1}
            max={120}
            value={seconds}
            onChange={(e) => setSeconds(e.target.value)}
          />
        </div>
        <div className="field">
          <label htmlFor="run-fairness">{t('schedule.fairness')}</label>
          <input
            id="run-fairness"
            data-testid="run-fairness"
            type="number"
            min={0}
            max={20}
            value={fairness}
            onChange={(e) => setFairness(e.target.value)}
          />
          <p className="field-hint">{t('schedule.fairnessHint')}</p>
        </div>
        <label className="checkbox">
          <input type="checkbox" data-testid="run-keep" checked={keep} onChange={(e) => setKeep(e.target.checked)} />{' '}
          {t('schedule.keepPublished')}
        </label>
      </div>
      <div className="button-row">
        <button
          type="button"
          className="button"
          data-testid="run-start"
          disabled={disabled}
          onClick={() => void start()}
        >
          {t('schedule.start')}
        </button>
      </div>
      {action.error !== null && <ErrorNotice error={action.error} testId="run-error" />}
    </div>
  )
}

function RunRow({
  run,
  selected,
  onSelect,
  onCancelled,
}: {
  run: Schedule
  selected: boolean
  onSelect: () => void
  onCancelled: () => void
}) {
  const { t } = useTranslation()
  const format = useDateFormat()
  const action = useAction()
  const working = run.status === 'queued' || run.status === 'running'
  return (
    <li
      className={selected ? 'list-row run-row run-selected' : 'list-row run-row'}
      data-testid="schedule-run"
      data-status={run.status}
      data-run-id={run.id}
    >
      <div>
        <div className="row-title">
          <StatusBadge tone={TONES[run.status]}>{t(`schedule.status.${run.status}`)}</StatusBadge>{' '}
          {format(run.createdAt)}
        </div>
        {working && (
          <progress max={100} value={run.progress} aria-label={t('schedule.progress')} data-testid="run-progress" />
        )}
        {run.stats && (
          <div className="muted small">
            {t('schedule.summary', {
              scheduled: run.stats.scheduled,
              requests: run.stats.requests,
              breaks: run.stats.breaks,
            })}
          </div>
        )}
        {run.error && <p className="field-error">{run.error}</p>}
        {action.error !== null && <ErrorNotice error={action.error} testId="run-cancel-error" />}
      </div>
      {working && (
        <button
          type="button"
          className="button button-small button-secondary"
          data-testid="run-cancel"
          onClick={() =>
            void action.run(async () => {
              await cancelSchedule(run.eventId, run.id)
              onCancelled()
            })
          }
        >
          {t('schedule.cancelRun')}
        </button>
      )}
      {!working && run.status !== 'failed' && run.status !== 'cancelled' && (
        <button
          type="button"
          className="button button-small button-secondary"
          aria-pressed={selected}
          data-testid="run-open"
          onClick={onSelect}
        >
          {t('schedule.open')}
        </button>
      )}
    </li>
  )
}

function RunDetail({
  event,
  scheduleId,
  slots,
  onPublished,
}: {
  event: MtbEvent
  scheduleId: string
  slots: Slot[]
  onPublished: () => void
}) {
  const { t } = useTranslation()
  const { number, day } = useFormats()
  // Several days: each day's rows start with its date, since the times repeat.
  const manyDays = slots.some((slot) => slot.day !== slots[0]!.day)
  const run = useLoad(scheduleId, () => getSchedule(event.id, scheduleId))
  const action = useAction()
  const [picked, setPicked] = useState<string | null>(null)

  if (run.result.kind !== 'ready')
    return (
      <AsyncView result={run.result} onRetry={() => run.reload()}>
        {() => null}
      </AsyncView>
    )
  const schedule = run.result.data
  const stats = schedule.stats
  const draft = schedule.status === 'draft'
  const tables = schedule.tables ?? []
  const bySlotTable = new Map((schedule.assignments ?? []).map((a) => [`${a.slot}/${a.tableIndex}`, a]))
  const move = (requestId: string, slot: number, tableIndex: number) =>
    action.run(async () => {
      run.setData(await moveMeeting(event.id, scheduleId, requestId, { slot, tableIndex }))
      setPicked(null)
    })
  const publish = () =>
    action.run(async () => {
      run.setData(await publishSchedule(event.id, scheduleId))
      onPublished()
    })
  const drop = (e: DragEvent<HTMLTableCellElement>, slot: number, tableIndex: number) => {
    e.preventDefault()
    const requestId = e.dataTransfer.getData('text/plain')
    if (requestId) void move(requestId, slot, tableIndex)
  }

  return (
    <section
      className="panel"
      aria-labelledby="schedule-detail-title"
      data-testid="schedule-detail"
      data-status={schedule.status}
    >
      <div className="panel-head">
        <h2 id="schedule-detail-title">{t(draft ? 'schedule.draftTitle' : 'schedule.detailTitle')}</h2>
        {draft && (
          <ConfirmButton
            testId="schedule-publish"
            question={t('schedule.publishQuestion', {
              count: participantsOf(schedule.assignments ?? []),
              total: number(participantsOf(schedule.assignments ?? [])),
            })}
            confirmLabel={t('schedule.publishConfirm')}
            onConfirm={publish}
          >
            {t('schedule.publish')}
          </ConfirmButton>
        )}
      </div>
      {stats && (
        <dl className="stat-tiles" data-testid="schedule-stats">
          <div>
            <dt>{t('schedule.stats.scheduled')}</dt>
            <dd data-testid="stat-scheduled">
              {stats.scheduled} / {stats.requests}
            </dd>
          </div>
          <div>
            <dt>{t('schedule.stats.breaks')}</dt>
            <dd data-testid="stat-breaks">{stats.breaks}</dd>
          </div>
          <div>
            <dt>{t('schedule.stats.lowerBound')}</dt>
            <dd>{stats.lowerBound ?? '—'}</dd>
          </div>
          <div>
            <dt>{t('schedule.stats.maxBreaks')}</dt>
            <dd>{stats.maxBreaksPerParticipant}</dd>
          </div>
          <div>
            <dt>{t('schedule.stats.overFairness')}</dt>
            <dd>{stats.overFairness}</dd>
          </div>
          <div>
            <dt>{t('schedule.stats.moved')}</dt>
            <dd data-testid="stat-moved">{stats.moved}</dd>
          </div>
        </dl>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="schedule-error" />}
      {draft && <p className="muted small">{t('schedule.moveHint')}</p>}
      <div
        className="table-scroll schedule-scroll"
        tabIndex={0}
        role="region"
        aria-label={t('schedule.gridLabel')}
        onKeyDown={(e) => {
          if (e.key === 'Escape' && picked) setPicked(null)
        }}
      >
        <table className="schedule-grid" data-testid="schedule-grid">
          <thead>
            <tr>
              <th scope="col">{t('schedule.slot')}</th>
              {tables.map((name) => (
                <th key={name} scope="col">
                  {tableLabel(t, name)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {slots.map((slot) => [
              manyDays && (slot.index === 0 || slots[slot.index - 1]!.day !== slot.day) && (
                <tr key={`day-${slot.day}`} className="day-start" data-testid="grid-day">
                  <th scope="rowgroup" colSpan={tables.length + 1}>
                    {day(slot.localStart)}
                  </th>
                </tr>
              ),
              <tr
                key={slot.index}
                className={
                  slot.index > 0 && slots[slot.index - 1]!.session !== slot.session ? 'session-start' : undefined
                }
              >
                <th scope="row" className="slot-time">
                  {slot.localStart.slice(11)}–{slot.localEnd}
                </th>
                {tables.map((name, tableIndex) => {
                  const meeting = bySlotTable.get(`${slot.index}/${tableIndex}`)
                  return (
                    <td
                      key={name}
                      data-testid={`cell-${slot.index}-${tableIndex}`}
                      className={meeting ? 'cell-busy' : picked ? 'cell-free cell-target' : 'cell-free'}
                      onDragOver={draft ? (e) => e.preventDefault() : undefined}
                      onDrop={draft ? (e) => drop(e, slot.index, tableIndex) : undefined}
                      onClick={
                        draft && picked && !meeting ? () => void move(picked, slot.index, tableIndex) : undefined
                      }
                    >
                      {!meeting && draft && picked && (
                        <button
                          type="button"
                          className="cell-drop"
                          data-testid="move-here"
                          aria-label={t('schedule.moveHereAt', {
                            time: slot.localStart.slice(11),
                            table: tableLabel(t, name),
                          })}
                          onClick={(e) => {
                            e.stopPropagation()
                            void move(picked, slot.index, tableIndex)
                          }}
                        >
                          {t('schedule.moveHere')}
                        </button>
                      )}
                      {meeting && (
                        <MeetingCard
                          meeting={meeting}
                          draggable={draft}
                          picked={picked === meeting.requestId}
                          onPick={() => setPicked((p) => (p === meeting.requestId ? null : meeting.requestId))}
                        />
                      )}
                    </td>
                  )
                })}
              </tr>,
            ])}
          </tbody>
        </table>
      </div>
      {(schedule.unscheduled ?? []).length > 0 && (
        <div data-testid="schedule-unscheduled">
          <h3>{t('schedule.unscheduledTitle')}</h3>
          <ul className="plain-list">
            {schedule.unscheduled!.map((u) => (
              <li key={u.requestId} className="list-row">
                <span>
                  {u.smeName} ↔ {u.buyerName}
                </span>
                <span className="muted small">{t(`schedule.reason.${u.reason}`)}</span>
                {draft && (
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    aria-pressed={picked === u.requestId}
                    onClick={() => setPicked((p) => (p === u.requestId ? null : u.requestId))}
                  >
                    {t('schedule.place')}
                  </button>
                )}
              </li>
            ))}
          </ul>
        </div>
      )}
      {stats && stats.participants.length > 0 && (
        <BreaksChart participants={stats.participants} fairness={stats.fairness} />
      )}
    </section>
  )
}

function MeetingCard({
  meeting,
  draggable,
  picked,
  onPick,
}: {
  meeting: Assignment
  draggable: boolean
  picked: boolean
  onPick: () => void
}) {
  const { t } = useTranslation()
  return (
    <button
      type="button"
      className={picked ? 'meeting-card meeting-picked' : 'meeting-card'}
      data-testid="meeting-card"
      data-request-id={meeting.requestId}
      draggable={draggable}
      disabled={!draggable}
      aria-pressed={draggable ? picked : undefined}
      onDragStart={(e) => e.dataTransfer.setData('text/plain', meeting.requestId)}
      onClick={(e) => {
        e.stopPropagation()
        onPick()
      }}
    >
      <span className="meeting-sme">{meeting.smeName}</span>
      <span className="meeting-buyer">
        {meeting.buyerName}
        {meeting.representativeName ? ` · ${meeting.representativeName}` : ''}
      </span>
      {meeting.priority === 'must_meet' && <span className="visually-hidden">{t('requests.mustMeet')}</span>}
    </button>
  )
}
