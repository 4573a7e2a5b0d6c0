import { useEffect, useState } from 'react'
import { useSearchParams } from 'react-router'
import { useTranslation } from 'react-i18next'
import { CURATION_SORTS, type CurationQuery, type CurationSort } from '../../../../shared/schemas/recommendations.js'
import { requestMeeting } from '../../api/participation-api.js'
import {
  decidePairs,
  listCuration,
  recompute,
  suggestPairs,
  type CurationItem,
  type RecommendationMarkValue,
  type RecommendationStatusValue,
} from '../../api/recommendations-api.js'
import { REQUEST_STATUSES, type RequestStatus } from '../participation/participation-status.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { StatusBadge } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { Pagination } from '../search/pagination.js'
import { CurationSettings } from './curation-settings.js'
import { readCuration, withCuration } from './curation-params.js'
import { MatchReason } from './match-reason.js'
import { SearchFilter } from '../form/list-filters.js'

const STATUSES: RecommendationStatusValue[] = ['proposed', 'shortlisted', 'approved', 'rejected', 'suggested']
const keyOf = (item: CurationItem) => `${item.sme.id}:${item.buyer.id}`

/** The hub's ranked pairs of an event: filters, bulk decisions, suggestions to both sides, and requests for mutual pairs. */
export function CurationBoard({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [params, setParams] = useSearchParams()
  // The address holds the filters; the controls answer at once from this copy, which follows the address back.
  const [query, setQuery] = useState(() => readCuration(params))
  const address = params.toString()
  useEffect(() => setQuery(readCuration(new URLSearchParams(address))), [address])
  const [selected, setSelected] = useState<Set<string>>(new Set())
  const [notice, setNotice] = useState('')
  const action = useAction()
  const list = useLoad(`${eventId}:${JSON.stringify(query)}`, () => listCuration(eventId, query))
  const items = list.result.kind === 'ready' ? list.result.data.items : []
  const pairs = items
    .filter((item) => selected.has(keyOf(item)))
    .map((item) => ({ smeId: item.sme.id, buyerId: item.buyer.id }))
  const bulk = (run: () => Promise<string>) =>
    action.run(async () => {
      setNotice(await run())
      setSelected(new Set())
      list.reload(true)
    })
  const toggle = (key: string) =>
    setSelected((current) => new Set(current.has(key) ? [...current].filter((k) => k !== key) : [...current, key]))
  const set = (patch: Partial<CurationQuery>) => {
    const next = { ...query, ...patch, page: 1 }
    setQuery(next)
    setParams(withCuration(params, next), { replace: true })
  }

  return (
    <div className="two-columns two-columns-wide-first">
      <section className="panel" aria-labelledby="curation-title" data-testid="curation-board">
        <h2 id="curation-title">{t('recommendations.curationTitle')}</h2>
        <div className="button-row" role="search">
          <label>
            {t('recommendations.filterStatus')}{' '}
            <select
              data-testid="curation-status"
              value={query.status ?? ''}
              onChange={(e) => set({ status: (e.target.value || undefined) as RecommendationStatusValue | undefined })}
            >
              <option value="">{t('recommendations.any')}</option>
              {STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`recommendations.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <label>
            {t('recommendations.filterMinScore')}{' '}
            <input
              type="number"
              min={0}
              max={100}
              step={5}
              style={{ width: '5em' }}
              data-testid="curation-min-score"
              value={query.minScore === undefined ? '' : Math.round(query.minScore * 100)}
              onChange={(e) => set({ minScore: e.target.value === '' ? undefined : Number(e.target.value) / 100 })}
            />
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="curation-mutual"
              checked={query.mutual === true}
              onChange={(e) => set({ mutual: e.target.checked || undefined })}
            />{' '}
            {t('recommendations.filterMutual')}
          </label>
          <label>
            <input
              type="checkbox"
              data-testid="curation-hidden"
              checked={query.hidden === true}
              onChange={(e) => set({ hidden: e.target.checked || undefined })}
            />{' '}
            {t('recommendations.filterHidden')}
          </label>
          <SearchFilter
            label={t('recommendations.filterQ')}
            testId="curation-q"
            value={query.q}
            onChange={(value) => set({ q: value })}
          />
          <label>
            {t('recommendations.sortBy')}{' '}
            <select
              data-testid="curation-sort"
              value={query.sort ?? 'rank'}
              onChange={(e) => set({ sort: e.target.value as CurationSort })}
            >
              {CURATION_SORTS.map((s) => (
                <option key={s} value={s}>
                  {t(`recommendations.sort.${s}`)}
                </option>
              ))}
            </select>
          </label>
        </div>
        <div className="button-row">
          {(['shortlisted', 'approved', 'rejected'] as const).map((status) => (
            <button
              key={status}
              type="button"
              className="button button-small button-secondary"
              disabled={pairs.length === 0}
              data-testid={`curation-bulk-${status}`}
              onClick={() =>
                void bulk(async () =>
                  t('recommendations.updated', { count: (await decidePairs(eventId, pairs, status)).updated }),
                )
              }
            >
              {t(`recommendations.action.${status}`)}
            </button>
          ))}
          <button
            type="button"
            className="button button-small"
            disabled={pairs.length === 0}
            data-testid="curation-suggest"
            onClick={() =>
              void bulk(async () =>
                t('recommendations.notified', { count: (await suggestPairs(eventId, pairs)).notified }),
              )
            }
          >
            {t('recommendations.action.suggest')}
          </button>
        </div>
        {notice && (
          <p className="muted small" role="status" data-testid="curation-notice">
            {notice}
          </p>
        )}
        {action.error !== null && <ErrorNotice error={action.error} testId="curation-error" />}
        <AsyncView result={list.result} onRetry={() => list.reload()}>
          {({ items: rows, total, page, pageSize }) =>
            rows.length === 0 ? (
              <p className="muted empty" data-testid="curation-empty">
                {t('recommendations.curationNone')}
              </p>
            ) : (
              <>
                <p className="muted small" data-testid="curation-total" data-total={total}>
                  {t('recommendations.total', {
                    count: total,
                    total: number(total),
                    from: number((page - 1) * pageSize + 1),
                    to: number((page - 1) * pageSize + rows.length),
                  })}
                </p>
                <ul className="plain-list" data-testid="curation-list">
                  {rows.map((item) => (
                    <CurationRow
                      key={keyOf(item)}
                      item={item}
                      checked={selected.has(keyOf(item))}
                      onToggle={() => toggle(keyOf(item))}
                      onCreateRequest={() =>
                        void bulk(async () => {
                          await requestMeeting(eventId, {
                            fromOrganisationId: item.sme.id,
                            toOrganisationId: item.buyer.id,
                            priority: item.priority,
                          })
                          return t('recommendations.requestCreated', {
                            sme: item.sme.legalName,
                            buyer: item.buyer.legalName,
                          })
                        })
                      }
                    />
                  ))}
                </ul>
                <Pagination page={page} pageSize={pageSize} total={total} />
              </>
            )
          }
        </AsyncView>
      </section>
      <section className="panel" aria-labelledby="curation-settings-title">
        <h2 id="curation-settings-title">{t('recommendations.settingsTitle')}</h2>
        <CurationSettings eventId={eventId} />
        <p className="muted small">{t('recommendations.recomputeIntro')}</p>
        <button
          type="button"
          className="button button-small button-secondary"
          data-testid="curation-recompute"
          onClick={() => void bulk(async () => (await recompute(eventId), t('recommendations.recomputeQueued')))}
        >
          {t('recommendations.recompute')}
        </button>
      </section>
    </div>
  )
}

function CurationRow({
  item,
  checked,
  onToggle,
  onCreateRequest,
}: {
  item: CurationItem
  checked: boolean
  onToggle: () => void
  onCreateRequest: () => void
}) {
  const { t } = useTranslation()
  const open = item.requestStatus === 'pending' || item.requestStatus === 'accepted'
  const requestStatus = REQUEST_STATUSES.find((s): s is RequestStatus => s === item.requestStatus)
  const markText = (mark: RecommendationMarkValue | null) => (mark ? t(`recommendations.mark.${mark}`) : '—')
  return (
    <li
      className="list-row"
      data-testid="curation-row"
      data-pair={`${item.sme.legalName} × ${item.buyer.legalName}`}
      data-status={item.status}
    >
      <label>
        <input
          type="checkbox"
          checked={checked}
          onChange={onToggle}
          aria-label={t('recommendations.select', { sme: item.sme.legalName, buyer: item.buyer.legalName })}
        />
      </label>
      <div>
        <div className="row-title">
          {item.sme.legalName} × {item.buyer.legalName}{' '}
          <StatusBadge tone={item.status === 'rejected' ? 'bad' : item.status === 'proposed' ? 'neutral' : 'ok'}>
            {t(`recommendations.status.${item.status}`)}
          </StatusBadge>
          {item.mutual && (
            <>
              {' '}
              <StatusBadge tone="ok">{t('recommendations.mutual')}</StatusBadge>
            </>
          )}
        </div>
        <MatchReason score={item.score} reason={item.reason} pairs={item.pairs} />
        <p className="muted small" data-testid="curation-marks">
          {t('recommendations.marksOf', { sme: markText(item.marks.sme), buyer: markText(item.marks.buyer) })}
          {requestStatus &&
            ` · ${t('recommendations.requestStatus', { status: t(`requests.status.${requestStatus}`) })}`}
        </p>
      </div>
      {item.mutual && !open && (
        <button
          type="button"
          className="button button-small"
          data-testid="curation-create-request"
          onClick={onCreateRequest}
        >
          {t('recommendations.createRequest')}
        </button>
      )}
    </li>
  )
}
