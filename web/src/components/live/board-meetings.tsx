import { useTranslation } from 'react-i18next'
import { MEETING_STATES, type MeetingState } from '../../../../shared/schemas/live.js'
import { nameMatches, pageOf } from '../../../../shared/paging.js'
import type { Board } from '../../api/live-api.js'
import { Pagination } from '../search/pagination.js'
import { StatusBadge } from '../status-badge.js'
import { pageParam, useAddressQuery } from '../use-address-query.js'
import { useFormats } from '../use-formats.js'
import { stateTone } from './live-states.js'
import { SearchFilter } from '../form/list-filters.js'

const PAGE_SIZE = 50

interface MeetingFilters {
  q: string
  slot?: number
  state?: MeetingState
  page: number
}

/** `?tab=live&mq=nord&mslot=3&mstate=late&mpage=2`; the participants' list pages apart, with `page`. */
function readFilters(params: URLSearchParams): MeetingFilters {
  const slot = Number(params.get('mslot') ?? Number.NaN)
  const state = MEETING_STATES.find((s) => s === params.get('mstate'))
  return {
    q: params.get('mq')?.slice(0, 100) ?? '',
    page: pageParam(params, 'mpage'),
    ...(Number.isInteger(slot) && slot >= 0 ? { slot } : {}),
    ...(state ? { state } : {}),
  }
}

const writeFilters = (filters: MeetingFilters) => ({
  mq: filters.q,
  mslot: filters.slot,
  mstate: filters.state,
  mpage: filters.page > 1 ? filters.page : undefined,
})

/** Every meeting of the day, by slot, 50 a page, filtered by slot, state and either side's name. */
export function BoardMeetings({ board }: { board: Board }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [filters, setFilters] = useAddressQuery(readFilters, writeFilters)
  const set = (patch: Partial<MeetingFilters>) => setFilters({ ...filters, ...patch, page: 1 })
  const matching = board.meetings.filter(
    (m) =>
      (filters.slot === undefined || m.slot === filters.slot) &&
      (!filters.state || m.state === filters.state) &&
      (!filters.q.trim() || nameMatches(m.smeName, filters.q) || nameMatches(m.buyerName, filters.q)),
  )
  const time = (slot: number) => board.slots[slot]?.localStart.slice(11) ?? ''
  return (
    <section className="panel" aria-labelledby="board-meetings-title" data-testid="board-meetings">
      <h2 id="board-meetings-title">{t('liveBoard.allMeetings')}</h2>
      <div className="button-row" role="search">
        <SearchFilter
          label={t('liveBoard.searchMeetings')}
          testId="board-meetings-q"
          value={filters.q}
          onChange={(value) => set({ q: value ?? '' })}
        />
        <label>
          {t('liveBoard.slotFilter')}{' '}
          <select
            data-testid="board-meetings-slot"
            value={filters.slot ?? ''}
            onChange={(e) => set({ slot: e.target.value === '' ? undefined : Number(e.target.value) })}
          >
            <option value="">{t('liveBoard.anySlot')}</option>
            {board.slots.map((slot, index) => (
              <option key={slot.localStart} value={index}>
                {time(index)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('liveBoard.stateFilter')}{' '}
          <select
            data-testid="board-meetings-state"
            value={filters.state ?? ''}
            onChange={(e) => set({ state: MEETING_STATES.find((s) => s === e.target.value) })}
          >
            <option value="">{t('liveBoard.anyState')}</option>
            {MEETING_STATES.map((state) => (
              <option key={state} value={state}>
                {t(`live.state.${state}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small" data-testid="board-meetings-total" data-total={matching.length}>
        {t('liveBoard.meetingsShown', { count: matching.length, total: number(matching.length) })}
      </p>
      {matching.length > 0 && (
        <div className="table-scroll" tabIndex={0} role="region" aria-label={t('liveBoard.gridLabel')}>
          <table className="schedule-grid">
            <thead>
              <tr>
                <th scope="col">{t('liveBoard.columns.time')}</th>
                <th scope="col">{t('liveBoard.columns.table')}</th>
                <th scope="col">{t('liveBoard.columns.meeting')}</th>
                <th scope="col">{t('liveBoard.columns.state')}</th>
              </tr>
            </thead>
            <tbody>
              {pageOf(matching, filters.page, PAGE_SIZE).map((m) => (
                <tr key={m.id} data-testid="board-meeting">
                  <td className="slot-time">{time(m.slot)}</td>
                  <td>{m.tableName}</td>
                  <td>
                    {m.smeName} ↔ {m.buyerName}
                  </td>
                  <td>
                    <StatusBadge tone={stateTone(m.state)}>{t(`live.state.${m.state}`)}</StatusBadge>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination page={filters.page} pageSize={PAGE_SIZE} total={matching.length} param="mpage" />
    </section>
  )
}
