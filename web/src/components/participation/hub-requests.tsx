import { useTranslation } from 'react-i18next'
import type { RequestOverviewQuery } from '../../../../shared/schemas/participation.js'
import { requestOverview } from '../../api/participation-api.js'
import { AsyncView } from '../async-view.js'
import { Pagination } from '../search/pagination.js'
import { pageParam, useAddressQuery } from '../use-address-query.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { REQUEST_STATUSES, type RequestStatus } from './participation-status.js'
import { RequestForm } from './request-form.js'
import { RequestRow } from './request-row.js'
import { SearchFilter } from '../form/list-filters.js'

/** The address keeps the filters and the page (`?tab=requests&rstatus=pending&rq=nord&page=2`): a reload shows the same. */
function readQuery(params: URLSearchParams): RequestOverviewQuery {
  const status = REQUEST_STATUSES.find((s): s is RequestStatus => s === params.get('rstatus'))
  const q = params.get('rq')?.slice(0, 100)
  return { page: pageParam(params), ...(status ? { status } : {}), ...(q?.trim() ? { q } : {}) }
}

const writeQuery = (query: RequestOverviewQuery) => ({
  rstatus: query.status,
  rq: query.q,
  page: query.page && query.page > 1 ? query.page : undefined,
})

/** Every request of the event, newest first, by status and name a page at a time, with counts; and a form to impose a meeting. */
export function HubRequests({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [query, setQuery] = useAddressQuery(readQuery, writeQuery)
  const requests = useLoad(`${eventId}:${JSON.stringify(query)}`, () => requestOverview(eventId, query))
  const set = (patch: Partial<RequestOverviewQuery>) => setQuery({ ...query, ...patch, page: 1 })
  return (
    <div className="two-columns two-columns-wide-first">
      <section className="panel" aria-labelledby="hub-requests-title" data-testid="hub-requests">
        <h2 id="hub-requests-title">{t('requests.allTitle')}</h2>
        <div className="button-row" role="search">
          <label>
            {t('requests.filterStatus')}{' '}
            <select
              data-testid="requests-status"
              value={query.status ?? ''}
              onChange={(e) => set({ status: (e.target.value || undefined) as RequestStatus | undefined })}
            >
              <option value="">{t('requests.anyStatus')}</option>
              {REQUEST_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`requests.status.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <SearchFilter
            label={t('requests.filterQ')}
            testId="requests-q"
            value={query.q}
            onChange={(value) => set({ q: value })}
          />
        </div>
        <AsyncView result={requests.result} onRetry={() => requests.reload()}>
          {(overview) => (
            <>
              <ul className="count-row" aria-label={t('requests.countsLabel')}>
                {REQUEST_STATUSES.map((status) => (
                  <li key={status} data-testid={`request-count-${status}`}>
                    {t(`requests.status.${status}`)}: <strong>{number(overview.counts[status] ?? 0)}</strong>
                  </li>
                ))}
              </ul>
              {overview.items.length === 0 ? (
                <p className="muted empty" data-testid="requests-empty">
                  {query.status || query.q ? t('requests.noneMatch') : t('requests.noneYet')}
                </p>
              ) : (
                <>
                  <p className="muted small" data-testid="requests-total" data-total={overview.total}>
                    {t('requests.shown', {
                      count: overview.total,
                      total: number(overview.total),
                      from: number((overview.page - 1) * overview.pageSize + 1),
                      to: number((overview.page - 1) * overview.pageSize + overview.items.length),
                    })}
                  </p>
                  <ul className="plain-list" data-testid="requests-list">
                    {overview.items.map((request) => (
                      <RequestRow
                        key={request.id}
                        request={request}
                        direction="overview"
                        onChanged={() => requests.reload(true)}
                      />
                    ))}
                  </ul>
                  <Pagination page={overview.page} pageSize={overview.pageSize} total={overview.total} />
                </>
              )}
            </>
          )}
        </AsyncView>
      </section>
      <section className="panel" aria-labelledby="impose-title">
        <h2 id="impose-title">{t('requests.imposeTitle')}</h2>
        <p className="muted small">{t('requests.imposeIntro')}</p>
        <RequestForm eventId={eventId} onSent={() => requests.reload(true)} />
      </section>
    </div>
  )
}
