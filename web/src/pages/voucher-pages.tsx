import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams, useSearchParams } from 'react-router'
import type { VoucherEdition, VoucherEditionQuery } from '../../../shared/schemas/outcomes.js'
import { ApiError } from '../api/client.js'
import { listEditions } from '../api/events-api.js'
import { AsyncView, ErrorNotice } from '../components/async-view.js'
import { VoucherClaimForm } from '../components/outcomes/voucher-claim-form.js'
import { fieldCode, VoucherAmounts, VoucherClaims, VoucherProblem } from '../components/outcomes/voucher-claims.js'
import { getEditionVouchers, listOrganisationVouchers, setVoucherBudget } from '../components/outcomes/vouchers-api.js'
import { Pagination } from '../components/search/pagination.js'
import { pageParam, useAddressQuery } from '../components/use-address-query.js'
import { useFormats } from '../components/use-formats.js'
import { SearchSelectField } from '../components/form/search-select.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'
import { SearchFilter } from '../components/form/list-filters.js'

/** An SME's voucher budgets per edition, what remains of each, its claims, and a form to claim more. */
export function SmeVouchersPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <SmeVouchers key={orgId} orgId={orgId} />}</RequireSession>
}

function SmeVouchers({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const accounts = useLoad(orgId, () => listOrganisationVouchers(orgId))
  useDocumentTitle(t('vouchers.documentTitle'))
  return (
    <div className="page-section" data-testid="sme-vouchers-page">
      <header className="page-header">
        <h1>{t('vouchers.title')}</h1>
        <p className="lead">{t('vouchers.intro')}</p>
      </header>
      <AsyncView result={accounts.result} onRetry={() => accounts.reload()}>
        {(list) =>
          list.length === 0 ? (
            <p className="muted empty" data-testid="vouchers-empty">
              {t('vouchers.noBudget')}
            </p>
          ) : (
            <div className="two-columns two-columns-wide-first">
              <div>
                {list.map((a) => (
                  <section
                    key={a.editionId}
                    className="panel"
                    data-testid="voucher-account"
                    data-edition-id={a.editionId}
                  >
                    <h2>{a.editionName}</h2>
                    <VoucherAmounts amounts={a} testId="voucher-amounts" />
                    <VoucherClaims claims={a.claims} mode="sme" onChanged={() => accounts.reload(true)} />
                  </section>
                ))}
              </div>
              <section className="panel">
                <h2>{t('vouchers.claimTitle')}</h2>
                <VoucherClaimForm orgId={orgId} accounts={list} onClaimed={() => accounts.reload(true)} />
              </section>
            </div>
          )
        }
      </AsyncView>
    </div>
  )
}

/** A hub's vouchers: pick one of its editions; totals, budgets per SME, and the claims to approve or reject. */
export function HubVouchersPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <HubVouchers key={orgId} orgId={orgId} />}</RequireSession>
}

function HubVouchers({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const editions = useLoad(orgId, () => listEditions(orgId))
  useDocumentTitle(t('vouchers.hubTitle'))
  return (
    <div className="page-section" data-testid="hub-vouchers-page">
      <header className="page-header">
        <h1>{t('vouchers.hubTitle')}</h1>
        <p className="lead">{t('vouchers.hubIntro')}</p>
      </header>
      <AsyncView result={editions.result} onRetry={() => editions.reload()}>
        {(list) => {
          const editionId = params.get('edition') ?? list[0]?.id
          if (!editionId) return <p className="muted empty">{t('vouchers.noEditions')}</p>
          return (
            <>
              <div className="field">
                <label htmlFor="voucher-hub-edition">{t('vouchers.fields.edition')}</label>
                <select
                  id="voucher-hub-edition"
                  value={editionId}
                  onChange={(e) => setParams({ edition: e.target.value })}
                  data-testid="voucher-hub-edition"
                >
                  {list.map((ed) => (
                    <option key={ed.id} value={ed.id}>
                      {ed.name}
                    </option>
                  ))}
                </select>
                <Link to={`/kpis?edition=${encodeURIComponent(editionId)}`}>{t('vouchers.toKpis')}</Link>
              </div>
              <EditionVouchers key={editionId} editionId={editionId} />
            </>
          )
        }}
      </AsyncView>
    </div>
  )
}

/** `?edition=…&vq=nord&vpending=1&page=2`: the accounts as they were after a reload. */
function readQuery(params: URLSearchParams): VoucherEditionQuery {
  const q = params.get('vq')?.slice(0, 100)
  return { page: pageParam(params), ...(q ? { q } : {}), ...(params.get('vpending') === '1' ? { pending: true } : {}) }
}

const writeQuery = (query: VoucherEditionQuery) => ({
  vq: query.q,
  vpending: query.pending ? '1' : undefined,
  page: query.page && query.page > 1 ? query.page : undefined,
})

function EditionVouchers({ editionId }: { editionId: string }) {
  const { t } = useTranslation()
  const { eur, number } = useFormats()
  const [query, setQuery] = useAddressQuery(readQuery, writeQuery)
  const data = useLoad(`${editionId}:${JSON.stringify(query)}`, () => getEditionVouchers(editionId, query))
  const set = (patch: Partial<VoucherEditionQuery>) => setQuery({ ...query, ...patch, page: 1 })
  return (
    <AsyncView result={data.result} onRetry={() => data.reload()}>
      {(edition) => (
        <>
          <section className="panel" data-testid="voucher-totals">
            <h2>{t('vouchers.totalsTitle')}</h2>
            <VoucherAmounts amounts={edition.totals} testId="voucher-totals-amounts" />
            <p className="muted">
              {t('vouchers.approvedByCategory', {
                events: eur(edition.totals.byCategory.event_outside_region ?? 0),
                coaching: eur(edition.totals.byCategory.coaching ?? 0),
              })}
            </p>
          </section>
          <div className="two-columns two-columns-wide-first">
            <div>
              <div className="button-row" role="search">
                <SearchFilter
                  label={t('vouchers.filterQ')}
                  testId="vouchers-q"
                  value={query.q}
                  onChange={(value) => set({ q: value })}
                />
                <label className="check-inline">
                  <input
                    type="checkbox"
                    data-testid="vouchers-pending"
                    checked={Boolean(query.pending)}
                    onChange={(e) => set({ pending: e.target.checked || undefined })}
                  />
                  {t('vouchers.filterPending', { count: edition.withPending, total: number(edition.withPending) })}
                </label>
              </div>
              {edition.total > 0 && (
                <p className="muted small" data-testid="vouchers-total" data-total={edition.total}>
                  {t('vouchers.shown', {
                    count: edition.total,
                    total: number(edition.total),
                    from: number((edition.page - 1) * edition.pageSize + 1),
                    to: number((edition.page - 1) * edition.pageSize + edition.accounts.length),
                  })}
                </p>
              )}
              {edition.total === 0 && (
                <p className="muted empty" data-testid="vouchers-empty">
                  {query.q || query.pending ? t('vouchers.noneMatch') : t('vouchers.noAccounts')}
                </p>
              )}
              {edition.accounts.map((a) => (
                <section key={a.smeId} className="panel" data-testid="voucher-account" data-sme-id={a.smeId}>
                  <h2>{a.smeName}</h2>
                  <VoucherAmounts amounts={a} testId="voucher-amounts" />
                  <VoucherClaims claims={a.claims} mode="hub" onChanged={() => data.reload(true)} />
                </section>
              ))}
              <Pagination page={edition.page} pageSize={edition.pageSize} total={edition.total} />
            </div>
            <section className="panel">
              <h2>{t('vouchers.budgetTitle')}</h2>
              <BudgetForm editionId={editionId} edition={edition} onSaved={() => data.reload(true)} />
            </section>
          </div>
        </>
      )}
    </AsyncView>
  )
}

/** Sets (or changes) an SME's budget in the edition; it cannot go below what is already claimed. */
function BudgetForm({
  editionId,
  edition,
  onSaved,
}: {
  editionId: string
  edition: VoucherEdition
  onSaved: () => void
}) {
  const { t } = useTranslation()
  const [smeId, setSmeId] = useState('')
  const [budget, setBudget] = useState('')
  const [error, setError] = useState<unknown>(null)
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      await setVoucherBudget(editionId, smeId.trim(), Number(budget))
      setBudget('')
      onSaved()
    } catch (failure) {
      setError(failure)
    }
  }
  const fieldError = (name: string) =>
    error instanceof ApiError ? (error.problem.errors?.find((e) => e.field === name)?.code ?? undefined) : undefined
  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="voucher-budget-form">
      <div className={fieldError('params.orgId') ? 'field-invalid' : undefined}>
        <SearchSelectField
          name="smeId"
          testId="voucher-budget-sme"
          label={t('vouchers.fields.smeId')}
          value={smeId}
          onChange={setSmeId}
          options={edition.smes.map((sme) => ({ value: sme.id, label: sme.legalName }))}
          placeholder={t('requests.choose')}
          required
        />
        {fieldError('params.orgId') && (
          <p className="field-error" data-testid="voucher-budget-sme-error">
            {t(`vouchers.fieldCodes.${fieldCode(fieldError('params.orgId'))}`)}
          </p>
        )}
      </div>
      <div className={fieldError('body.budgetEur') ? 'field field-invalid' : 'field'}>
        <label htmlFor="voucher-budget">{t('vouchers.fields.budgetEur')}</label>
        <input
          id="voucher-budget"
          type="number"
          min={0}
          step={1}
          required
          value={budget}
          onChange={(e) => setBudget(e.target.value)}
          data-testid="voucher-budget-amount"
        />
        {fieldError('body.budgetEur') && (
          <p className="field-error" data-testid="voucher-budget-amount-error">
            {t(`vouchers.fieldCodes.${fieldCode(fieldError('body.budgetEur'))}`)}
          </p>
        )}
      </div>
      {error !== null &&
        (error instanceof ApiError && error.code.startsWith('vouchers.') ? (
          <VoucherProblem error={error} testId="voucher-budget-error" />
        ) : (
          <ErrorNotice error={error} testId="voucher-budget-error" />
        ))}
      <button type="submit" className="button" data-testid="voucher-budget-submit">
        {t('vouchers.setBudget')}
      </button>
    </form>
  )
}
