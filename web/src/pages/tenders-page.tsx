import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { TENDER_STATUSES, type TenderListQuery, type TenderStatus } from '../../../shared/schemas/tenders.js'
import { tenderPage } from '../api/tenders-api.js'
import { AsyncView } from '../components/async-view.js'
import { SearchFilter } from '../components/form/list-filters.js'
import { Pagination } from '../components/search/pagination.js'
import { Segmented } from '../components/segmented.js'
import { upcomingEvents } from '../components/tenders/bring-to-event.js'
import { NoticeUpload } from '../components/tenders/notice-upload.js'
import { TenderRow } from '../components/tenders/tender-row.js'
import { pageParam, useAddressQuery } from '../components/use-address-query.js'
import { useFormats } from '../components/use-formats.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

/** `?status=closed&q=torino&page=2`; open tenders when no status is given. */
function readQuery(params: URLSearchParams): TenderListQuery & { status: TenderStatus } {
  const q = params.get('q')?.slice(0, 100)
  return {
    status: TENDER_STATUSES.find((s) => s === params.get('status')) ?? 'open',
    page: pageParam(params),
    ...(q ? { q } : {}),
  }
}

const writeQuery = (query: TenderListQuery) => ({
  status: query.status,
  q: query.q,
  page: query.page && query.page > 1 ? query.page : undefined,
})

export function TendersPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <Tenders key={orgId} orgId={orgId} />}</RequireSession>
}

function Tenders({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [query, setQuery] = useAddressQuery(readQuery, writeQuery)
  const tenders = useLoad(`${orgId}:${JSON.stringify(query)}`, () => tenderPage(orgId, query))
  const events = useLoad(`events:${orgId}`, () => upcomingEvents(orgId))
  const upcoming = events.result.kind === 'ready' ? events.result.data : []
  const set = (patch: Partial<TenderListQuery>) => setQuery({ ...query, ...patch, page: 1 })
  const counts = tenders.result.kind === 'ready' ? tenders.result.data.counts : undefined
  useDocumentTitle(t('tenders.documentTitle'))

  return (
    <div className="page-section" data-testid="tenders-page">
      <header className="page-header">
        <h1>{t('tenders.title')}</h1>
        <p className="lead">{t('tenders.intro')}</p>
      </header>
      <div className="two-columns two-columns-wide-first">
        <section className="panel" aria-labelledby="tenders-list-title">
          <h2 id="tenders-list-title" className="visually-hidden">
            {t('tenders.listTitle')}
          </h2>
          <Segmented
            label={t('tenders.filter')}
            testIdPrefix="tab"
            value={query.status}
            onChange={(value) => set({ status: TENDER_STATUSES.find((s) => s === value) ?? 'open' })}
            options={TENDER_STATUSES.map((s) => ({
              value: s,
              label: counts ? `${t(`tenders.tab.${s}`)} (${number(counts[s] ?? 0)})` : t(`tenders.tab.${s}`),
            }))}
          />
          <div className="button-row" role="search">
            <SearchFilter
              label={t('tenders.search')}
              testId="tenders-q"
              value={query.q}
              onChange={(value) => set({ q: value })}
            />
          </div>
          <AsyncView result={tenders.result} onRetry={() => tenders.reload()}>
            {(list) =>
              list.total === 0 ? (
                <p className="muted empty" data-testid="tenders-empty">
                  {query.q ? t('tenders.noneMatch') : t(`tenders.empty.${query.status}`)}
                </p>
              ) : (
                <>
                  <p className="muted small" data-testid="tenders-total" data-total={list.total}>
                    {t('tenders.shown', {
                      count: list.total,
                      total: number(list.total),
                      from: number((list.page - 1) * list.pageSize + 1),
                      to: number((list.page - 1) * list.pageSize + list.items.length),
                    })}
                  </p>
                  <ul className="plain-list" data-testid="tenders-list">
                    {list.items.map((tender) => (
                      <TenderRow key={tender.id} tender={tender} events={upcoming} />
                    ))}
                  </ul>
                  <Pagination page={list.page} pageSize={list.pageSize} total={list.total} />
                </>
              )
            }
          </AsyncView>
        </section>
        <NoticeUpload orgId={orgId} onImported={() => tenders.reload(true)} />
      </div>
    </div>
  )
}
