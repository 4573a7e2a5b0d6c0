import { useTranslation } from 'react-i18next'
import { CONTRACT_STATUSES, readContractStatus } from '../../../shared/lifecycles/contracts.js'
import type { ContractOverviewQuery } from '../../../shared/schemas/outcomes.js'
import { useParams } from 'react-router'
import { AsyncView } from '../components/async-view.js'
import { ContractForm } from '../components/outcomes/contract-form.js'
import { ContractList } from '../components/outcomes/contract-list.js'
import { contractOverview, listContracts } from '../components/outcomes/outcomes-api.js'
import { Pagination } from '../components/search/pagination.js'
import { pageParam, useAddressQuery } from '../components/use-address-query.js'
import { useFormats } from '../components/use-formats.js'
import { PerformancePanel } from '../components/outcomes/performance-form.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'
import { SearchFilter } from '../components/form/list-filters.js'

/** An SME's or buyer's contracts: report, confirm, attach evidence; an SME's yearly figures. */
export function ContractsPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <OrganisationContracts key={orgId} orgId={orgId} />}</RequireSession>
}

function OrganisationContracts({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const { membership } = useSession()
  const contracts = useLoad(orgId, () => listContracts(orgId))
  useDocumentTitle(t('contracts.documentTitle'))
  return (
    <div className="page-section" data-testid="contracts-page">
      <header className="page-header">
        <h1>{t('contracts.title')}</h1>
        <p className="lead">{t('contracts.intro')}</p>
      </header>
      <div className="two-columns two-columns-wide-first">
        <section className="panel">
          <AsyncView result={contracts.result} onRetry={() => contracts.reload()}>
            {(list) => (
              <ContractList contracts={list} viewerOrgId={orgId} hub={false} onChanged={() => contracts.reload(true)} />
            )}
          </AsyncView>
        </section>
        <section className="panel">
          <h2>{t('contracts.reportTitle')}</h2>
          <ContractForm orgId={orgId} onReported={() => contracts.reload(true)} />
        </section>
      </div>
      {membership?.organisation.kind === 'sme' && <PerformancePanel orgId={orgId} />}
    </div>
  )
}

/** A hub verifies the contracts of its edition. */
export function EditionContractsPage() {
  const { editionId = '' } = useParams()
  return <RequireSession>{() => <EditionContracts key={editionId} editionId={editionId} />}</RequireSession>
}

/** `?status=confirmed&q=nord&page=2`: the list as it was after a reload. Confirmed first, since those wait for the hub. */
function readQuery(params: URLSearchParams): ContractOverviewQuery {
  const status = readContractStatus(params.get('status') ?? '')
  const q = params.get('q')?.slice(0, 100)
  return { page: pageParam(params), ...(status ? { status } : {}), ...(q ? { q } : {}) }
}

const writeQuery = (query: ContractOverviewQuery) => ({
  status: query.status,
  q: query.q,
  page: query.page && query.page > 1 ? query.page : undefined,
})

function EditionContracts({ editionId }: { editionId: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const { membership } = useSession()
  const [query, setQuery] = useAddressQuery(readQuery, writeQuery)
  const contracts = useLoad(`${editionId}:${JSON.stringify(query)}`, () => contractOverview(editionId, query))
  const set = (patch: Partial<ContractOverviewQuery>) => setQuery({ ...query, ...patch, page: 1 })
  useDocumentTitle(t('contracts.verifyTitle'))
  return (
    <div className="page-section" data-testid="edition-contracts-page">
      <header className="page-header">
        <h1>{t('contracts.verifyTitle')}</h1>
        <p className="lead">{t('contracts.verifyIntro')}</p>
      </header>
      <section className="panel">
        <div className="button-row" role="search">
          <label>
            {t('contracts.filterStatus')}{' '}
            <select
              data-testid="contracts-status"
              value={query.status ?? ''}
              onChange={(e) => set({ status: readContractStatus(e.target.value) ?? undefined })}
            >
              <option value="">{t('contracts.anyStatus')}</option>
              {CONTRACT_STATUSES.map((s) => (
                <option key={s} value={s}>
                  {t(`contracts.statuses.${s}`)}
                </option>
              ))}
            </select>
          </label>
          <SearchFilter
            label={t('contracts.filterQ')}
            testId="contracts-q"
            value={query.q}
            onChange={(value) => set({ q: value })}
          />
        </div>
        <AsyncView result={contracts.result} onRetry={() => contracts.reload()}>
          {(overview) => (
            <>
              <ul className="count-row" aria-label={t('contracts.countsLabel')}>
                {CONTRACT_STATUSES.map((status) => (
                  <li key={status} data-testid={`contract-count-${status}`}>
                    {t(`contracts.statuses.${status}`)}: <strong>{number(overview.counts[status] ?? 0)}</strong>
                  </li>
                ))}
              </ul>
              {overview.total > 0 && (
                <p className="muted small" data-testid="contracts-total" data-total={overview.total}>
                  {t('contracts.shown', {
                    count: overview.total,
                    total: number(overview.total),
                    from: number((overview.page - 1) * overview.pageSize + 1),
                    to: number((overview.page - 1) * overview.pageSize + overview.items.length),
                  })}
                </p>
              )}
              {overview.total === 0 && (query.status || query.q) ? (
                <p className="muted empty" data-testid="contracts-empty">
                  {t('contracts.noneMatch')}
                </p>
              ) : (
                <ContractList
                  contracts={overview.items}
                  viewerOrgId={membership?.organisation.id ?? ''}
                  hub={membership?.organisation.kind === 'organiser'}
                  onChanged={() => contracts.reload(true)}
                />
              )}
              <Pagination page={overview.page} pageSize={overview.pageSize} total={overview.total} />
            </>
          )}
        </AsyncView>
      </section>
    </div>
  )
}
