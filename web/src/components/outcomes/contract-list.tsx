import { useState } from 'react'
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
  const [rejecting, setRejecting] = useState(false)
  const [note, setNote] = useState('')
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
        {c.status === 'rejected' && c.decisionNote && (
          <p className="small" data-testid="contract-reject-reason">
            {t('contracts.rejectedBecause', { reason: c.decisionNote })}
          </p>
        )}
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
        {hub && open && !rejecting && (
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="contract-reject"
            onClick={() => setRejecting(true)}
          >
            {t('contracts.reject')}
          </button>
        )}
      </div>
      {rejecting && (
        <form
          className="form inline-decision"
          data-testid="contract-reject-form"
          onSubmit={(e) => {
            e.preventDefault()
            if (note.trim()) void run(() => decideContract(c.id, 'rejected', note.trim()))
          }}
        >
          <div className="field">
            <label htmlFor={`reject-${c.id}`}>{t('contracts.rejectReason')}</label>
            <textarea
              id={`reject-${c.id}`}
              data-testid="contract-reject-note"
              required
              rows={2}
              maxLength={1000}
              value={note}
              onChange={(e) => setNote(e.target.value)}
            />
            <p className="field-hint">{t('contracts.rejectHint')}</p>
          </div>
          <div className="button-row">
            <button
              type="submit"
              className="button button-small button-danger"
              data-testid="contract-reject-confirm"
              disabled={action.busy}
            >
              {t('contracts.rejectConfirm')}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </form>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="contract-error" />}
    </li>
  )
}
