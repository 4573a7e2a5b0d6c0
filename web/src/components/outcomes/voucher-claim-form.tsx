import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { VoucherAccount } from '../../../../shared/schemas/outcomes.js'
import { ApiError } from '../../api/client.js'
import { ErrorNotice } from '../async-view.js'
import { fieldCode, VoucherProblem } from './voucher-claims.js'
import { claimVoucher, uploadReceipt, VOUCHER_CATEGORIES, type VoucherClaimInput } from './vouchers-api.js'

/** An SME claims part of what remains of a budget, with the receipt (sent once the claim exists). */
export function VoucherClaimForm({
  orgId,
  accounts,
  onClaimed,
}: {
  orgId: string
  accounts: VoucherAccount[]
  onClaimed: () => void
}) {
  const { t } = useTranslation()
  const [values, setValues] = useState({
    editionId: accounts[0]?.editionId ?? '',
    category: 'event_outside_region',
    amountEur: '',
    description: '',
  })
  const [receipt, setReceipt] = useState<File | null>(null)
  const [filed, setFiled] = useState(0)
  const [error, setError] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  const set = (key: keyof typeof values) => (e: { target: { value: string } }) =>
    setValues((v) => ({ ...v, [key]: e.target.value }))
  const fieldError = (name: string) =>
    error instanceof ApiError ? error.problem.errors?.find((e) => e.field === `body.${name}`) : undefined
  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    setBusy(true)
    try {
      const before = new Set(accounts.flatMap((a) => a.claims.map((c) => c.id)))
      const body: VoucherClaimInput = {
        editionId: values.editionId,
        category: values.category as VoucherClaimInput['category'],
        amountEur: Number(values.amountEur),
        description: values.description,
      }
      const account = await claimVoucher(orgId, body)
      const created = account.claims.find((c) => !before.has(c.id))
      setValues((v) => ({ ...v, amountEur: '', description: '' }))
      setReceipt(null)
      setFiled((n) => n + 1)
      // The claim stands even if its receipt is refused; the SME attaches another from the list.
      try {
        if (created && receipt) await uploadReceipt(created.id, receipt)
      } finally {
        onClaimed()
      }
    } catch (failure) {
      setError(failure)
    } finally {
      setBusy(false)
    }
  }
  const invalid = (name: string) => (fieldError(name) ? { 'aria-invalid': true as const } : {})
  const hint = (name: string) =>
    fieldError(name) && (
      <p className="field-error" data-testid={`voucher-${name}-error`}>
        {t(`vouchers.fieldCodes.${fieldCode(fieldError(name)!.code)}`)}
      </p>
    )
  return (
    <form className="form" onSubmit={(e) => void submit(e)} data-testid="voucher-claim-form">
      <div className="field">
        <label htmlFor="voucher-edition">{t('vouchers.fields.edition')}</label>
        <select
          id="voucher-edition"
          value={values.editionId}
          onChange={set('editionId')}
          data-testid="voucher-edition"
          {...invalid('editionId')}
        >
          {accounts.map((a) => (
            <option key={a.editionId} value={a.editionId}>
              {a.editionName}
            </option>
          ))}
        </select>
        {hint('editionId')}
      </div>
      <div className="field">
        <label htmlFor="voucher-category">{t('vouchers.fields.category')}</label>
        <select id="voucher-category" value={values.category} onChange={set('category')} data-testid="voucher-category">
          {VOUCHER_CATEGORIES.map((c) => (
            <option key={c} value={c}>
              {t(`vouchers.categories.${c}`)}
            </option>
          ))}
        </select>
      </div>
      <div className={fieldError('amountEur') ? 'field field-invalid' : 'field'}>
        <label htmlFor="voucher-amount">{t('vouchers.fields.amountEur')}</label>
        <input
          id="voucher-amount"
          type="number"
          min={1}
          step={1}
          required
          value={values.amountEur}
          onChange={set('amountEur')}
          data-testid="voucher-amount"
          {...invalid('amountEur')}
        />
        {hint('amountEur')}
      </div>
      <div className={fieldError('description') ? 'field field-invalid' : 'field'}>
        <label htmlFor="voucher-description">{t('vouchers.fields.description')}</label>
        <input
          id="voucher-description"
          type="text"
          required
          minLength={3}
          maxLength={500}
          value={values.description}
          onChange={set('description')}
          data-testid="voucher-description"
          {...invalid('description')}
        />
        {hint('description')}
      </div>
      <div className="field">
        <label htmlFor="voucher-receipt">{t('vouchers.fields.receipt')}</label>
        <input
          key={filed}
          id="voucher-receipt"
          type="file"
          accept="application/pdf,image/png,image/jpeg"
          onChange={(e) => setReceipt(e.target.files?.[0] ?? null)}
          data-testid="voucher-receipt"
        />
      </div>
      {error !== null &&
        (error instanceof ApiError && error.code.startsWith('vouchers.') ? (
          <VoucherProblem error={error} testId="voucher-form-error" />
        ) : (
          <ErrorNotice error={error} testId="voucher-form-error" />
        ))}
      <button type="submit" className="button" disabled={busy} data-testid="voucher-submit">
        {t('vouchers.claim')}
      </button>
    </form>
  )
}
