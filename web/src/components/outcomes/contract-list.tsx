import { useTranslation } from 'react-i18next'
import type { Contract } from '../../../../shared/schemas/outcomes.js'
import { ErrorNotice } from '../async-view.js'
import { useFormats } from '../use-formats.js'
import { useAction } from '../use-action.js'
import { confirmContract, decideContract, evidenceUrl, uploadEvidence } from './outcomes-api.js'

/** Contracts with what the viewer may do: the other side confirms, either side attaches evidence, the hub verifies or rejects. */
export function ContractList({
  contracts,
  viewerOrgId,
  hub,
  onChanged,
}: {
  contracts: Contract[]
  viewerOrgId: string
  hub: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  if (contracts.length === 0)
    return (
      <p className="muted empty" data-testid="contracts-empty">
        {t('contracts.empty')}
      </p>
    )
  return (
    <ul className="plain-list" data-testid="contracts-list">
      {contracts.map((c) => (
        <ContractRow key={c.id} contract={c} viewerOrgId={viewerOrgId} hub={hub} onChanged={onChanged} />
      ))}
    </ul>
  )
}

function ContractRow({
  contract: c,
  viewerOrgId,
  hub,
  onChanged,
}: {
  contract: Contract
  viewerOrgId: string
  hub: boolean
  onChanged: () => void
}) {
  const { t } = useTranslation()
  const formats = useFormats()
  const action = useAction()
  const counterpart = c.reportedByOrganisationId === c.smeId ? c.buyerId : c.smeId
  const party = viewerOrgId === c.smeId || viewerOrgId === c.buyerId
  const open = c.status === 'reported' || c.status === 'confirmed'
  const run = (fn: () => Promise<unknown>) =>
    action.run(async () => {
      await fn()
      onChanged()
    })
  return (
    <li className="list-row" data-testid="contract-row" data-contract-id={c.id} data-status={c.status}>
      <div>
        <strong>{c.title}</strong> · {c.smeName} ↔ {c.buyerName}
        <p className="muted">
          {t(`contracts.kinds.${c.kind as 'other'}`)} · {formats.day(c.signedOn)} · {formats.eur(c.valueEur)} ·{' '}
          {c.eventName ?? c.editionName} ·{' '}
          <span data-testid="contract-status">{t(`contracts.statuses.${c.status as 'reported'}`)}</span>
        </p>
        {c.evidence ? (
          <a href={evidenceUrl(c.id)} data-testid="contract-evidence">
            {c.evidence.fileName}
          </a>
        ) : (
          <span className="muted">{t('contracts.noEvidence')}</span>
        )}
      </div>
      <div className="row-actions">
        {viewerOrgId === counterpart && c.status === 'reported' && (
          <button
            type="button"
            className="button button-small"
            data-testid="contract-confirm"
            onClick={() => void run(() => confirmContract(c.id))}
          >
            {t('contracts.confirm')}
          </button>
        )}
        {party && open && (
          <label className="button button-secondary button-small">
            {t('contracts.attach')}
            <input
              type="file"
              accept="application/pdf,image/png,image/jpeg"
              className="visually-hidden"
              data-testid="contract-evidence-input"
              onChange={(e) => {
                const file = e.target.files?.[0]
                if (file) void run(() => uploadEvidence(c.id, file))
              }}
            />
          </label>
        )}
        {hub && c.status === 'confirmed' && (
          <button
            type="button"
            className="button button-small"
            data-testid="contract-verify"
            onClick={() => void run(() => decideContract(c.id, 'verified'))}
          >
            {t('contracts.verify')}
          </button>
        )}
        {hub && open && (
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="contract-reject"
            onClick={() => {
              const note = window.prompt(t('contracts.rejectReason'))
              if (note) void run(() => decideContract(c.id, 'rejected', note))
            }}
          >
            {t('contracts.reject')}
          </button>
        )}
      </div>
      {action.error !== null && <ErrorNotice error={action.error} testId="contract-error" />}
    </li>
  )
}
