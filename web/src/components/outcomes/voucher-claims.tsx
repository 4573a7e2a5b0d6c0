import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoucherAccount, VoucherClaim } from '../../../../shared/schemas/outcomes.js'
import type { ApiError } from '../../api/client.js'
import { ErrorNotice } from '../async-view.js'
import { useAction } from '../use-action.js'
import { useFormats } from '../use-formats.js'
import { decideVoucherClaim, receiptUrl, uploadReceipt } from './vouchers-api.js'

const FIELD_CODES = ['required', 'minimum', 'maximum', 'budget', 'participant'] as const
/** A field error's code as a key of `vouchers.fieldCodes` (anything else reads as "not valid"). */
export const fieldCode = (code: string | undefined) => FIELD_CODES.find((c) => c === code) ?? 'invalid'

const VOUCHER_CODES = ['no_budget', 'already_decided', 'reason_required', 'claim_not_found'] as const

/** A voucher problem in the reader's language, chosen by its code. */
export function VoucherProblem({ error, testId }: { error: ApiError; testId: string }) {
  const { t } = useTranslation()
  const code = VOUCHER_CODES.find((c) => error.code === `vouchers.${c}`)
  if (!code) return <ErrorNotice error={error} testId={testId} />
  return (
    <div className="notice notice-bad" role="alert" data-testid={testId} data-code={error.code}>
      <p>{t(`vouchers.problems.${code}`)}</p>
    </div>
  )
}

/** Budget, pending, approved and remaining amounts of one account (or of an edition's totals). */
export function VoucherAmounts({
  amounts,
  testId,
}: {
  amounts: Pick<VoucherAccount, 'budgetEur' | 'pendingEur' | 'approvedEur' | 'remainingEur'>
  testId: string
}) {
  const { t } = useTranslation()
  const { eur } = useFormats()
  return (
    <dl className="kpi-facts" data-testid={testId}>
      {(['budgetEur', 'pendingEur', 'approvedEur', 'remainingEur'] as const).map((key) => (
        <div key={key} className="voucher-amount" data-testid={`${testId}-${key}`} data-value={amounts[key]}>
          <dt>{t(`vouchers.amounts.${key}`)}</dt>
          <dd>{eur(amounts[key])}</dd>
        </div>
      ))}
    </dl>
  )
}

/** Claims with what the viewer may do: the SME attaches a receipt to a pending claim, the hub approves or rejects with a reason. */
export function VoucherClaims({
  claims,
  mode,
  onChanged,
}: {
  claims: VoucherClaim[]
  mode: 'sme' | 'hub'
  onChanged: () => void
}) {
  const { t } = useTranslation()
  if (claims.length === 0)
    return (
      <p className="muted empty" data-testid="voucher-claims-empty">
        {t('vouchers.noClaims')}
      </p>
    )
  return (
    <ul className="plain-list" data-testid="voucher-claims">
      {claims.map((c) => (
        <ClaimRow key={c.id} claim={c} mode={mode} onChanged={onChanged} />
      ))}
    </ul>
  )
}

function ClaimRow({ claim: c, mode, onChanged }: { claim: VoucherClaim; mode: 'sme' | 'hub'; onChanged: () => void }) {
  const { t } = useTranslation()
  const { eur } = useFormats()
  const action = useAction()
  const [reason, setReason] = useState('')
  const run = (fn: () => Promise<unknown>) =>
    action.run(async () => {
      await fn()
      onChanged()
    })
  const pending = c.status === 'pending'
  const error = action.error as ApiError | null
  return (
    <li className="list-row" data-testid="voucher-claim" data-claim-id={c.id} data-status={c.status}>
      <div>
        <strong>{eur(c.amountEur)}</strong> · {t(`vouchers.categories.${c.category as 'coaching'}`)} · {c.description}
        {mode === 'hub' && <> · {c.smeName}</>}
        <p className="muted">
          <span data-testid="voucher-claim-status">{t(`vouchers.statuses.${c.status as 'pending'}`)}</span>
          {c.reason && (
            <>
              {' '}
              · <span data-testid="voucher-claim-reason">{c.reason}</span>
            </>
          )}
          {' · '}
          {c.hasReceipt ? (
            <a href={receiptUrl(c.id)} data-testid="voucher-receipt-link">
              {t('vouchers.receipt')}
            </a>
          ) : (
            <span>{t('vouchers.noReceipt')}</span>
          )}
        </p>
      </div>
      {pending && (
        <div className="row-actions">
          {mode === 'sme' && (
            <label className="button button-secondary button-small">
              {c.hasReceipt ? t('vouchers.replaceReceipt') : t('vouchers.attachReceipt')}
              <input
                type="file"
                accept="application/pdf,image/png,image/jpeg"
                className="visually-hidden"
                data-testid="voucher-receipt-input"
                onChange={(e) => {
                  const file = e.target.files?.[0]
                  if (file) void run(() => uploadReceipt(c.id, file))
                }}
              />
            </label>
          )}
          {mode === 'hub' && (
            <>
              <button
                type="button"
                className="button button-small"
                data-testid="voucher-approve"
                onClick={() => void run(() => decideVoucherClaim(c.id, 'approved'))}
              >
                {t('vouchers.approve')}
              </button>
              <label className="visually-hidden" htmlFor={`voucher-reason-${c.id}`}>
                {t('vouchers.fields.reason')}
              </label>
              <input
                id={`voucher-reason-${c.id}`}
                type="text"
                maxLength={500}
                placeholder={t('vouchers.fields.reason')}
                value={reason}
                onChange={(e) => setReason(e.target.value)}
                data-testid="voucher-reason"
              />
              <button
                type="button"
                className="button button-secondary button-small"
                data-testid="voucher-reject"
                onClick={() => void run(() => decideVoucherClaim(c.id, 'rejected', reason.trim() || undefined))}
              >
                {t('vouchers.reject')}
              </button>
            </>
          )}
        </div>
      )}
      {error !== null &&
        (typeof error.code === 'string' && error.code.startsWith('vouchers.') ? (
          <VoucherProblem error={error} testId="voucher-claim-error" />
        ) : (
          <ErrorNotice error={error} testId="voucher-claim-error" />
        ))}
    </li>
  )
}
