import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { AsyncView } from '../components/async-view.js'
import { ContractForm } from '../components/outcomes/contract-form.js'
import { ContractList } from '../components/outcomes/contract-list.js'
import { listContracts, listEditionContracts } from '../components/outcomes/outcomes-api.js'
import { PerformancePanel } from '../components/outcomes/performance-form.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

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

function EditionContracts({ editionId }: { editionId: string }) {
  const { t } = useTranslation()
  const { membership } = useSession()
  const contracts = useLoad(editionId, () => listEditionContracts(editionId))
  useDocumentTitle(t('contracts.verifyTitle'))
  return (
    <div className="page-section" data-testid="edition-contracts-page">
      <header className="page-header">
        <h1>{t('contracts.verifyTitle')}</h1>
        <p className="lead">{t('contracts.verifyIntro')}</p>
      </header>
      <section className="panel">
        <AsyncView result={contracts.result} onRetry={() => contracts.reload()}>
          {(list) => (
            <ContractList
              contracts={list}
              viewerOrgId={membership?.organisation.id ?? ''}
              hub={membership?.organisation.kind === 'organiser'}
              onChanged={() => contracts.reload(true)}
            />
          )}
        </AsyncView>
      </section>
    </div>
  )
}
