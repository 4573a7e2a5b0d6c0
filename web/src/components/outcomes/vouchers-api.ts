import type { Static } from '@sinclair/typebox'
import type {
  VoucherAccount,
  VoucherClaimInputSchema,
  VoucherEdition,
  VoucherEditionQuery,
} from '../../../../shared/schemas/outcomes.js'
import { apiGet, apiSend, apiUpload, searchOf } from '../../api/client.js'

/** Voucher budgets (set by the hub per SME and edition), claims with receipts, and the hub's decisions. */

export type VoucherClaimInput = Static<typeof VoucherClaimInputSchema>
export const VOUCHER_CATEGORIES = ['event_outside_region', 'coaching'] as const

const id = (value: string) => encodeURIComponent(value)

export const listOrganisationVouchers = (orgId: string) =>
  apiGet<VoucherAccount[]>(`/api/organisations/${id(orgId)}/vouchers`)
export const getEditionVouchers = (editionId: string, query: VoucherEditionQuery) =>
  apiGet<VoucherEdition>(`/api/editions/${id(editionId)}/vouchers?${searchOf(query)}`)
export const setVoucherBudget = (editionId: string, smeId: string, budgetEur: number) =>
  apiSend<VoucherAccount>('PUT', `/api/editions/${id(editionId)}/vouchers/${id(smeId)}`, { budgetEur })
export const claimVoucher = (orgId: string, body: VoucherClaimInput) =>
  apiSend<VoucherAccount>('POST', `/api/organisations/${id(orgId)}/voucher-claims`, body)
export const decideVoucherClaim = (claimId: string, decision: 'approved' | 'rejected', reason?: string) =>
  apiSend<VoucherAccount>('POST', `/api/voucher-claims/${id(claimId)}/decision`, {
    decision,
    ...(reason ? { reason } : {}),
  })
export const receiptUrl = (claimId: string) => `/api/voucher-claims/${id(claimId)}/receipt`

/** Sends the receipt itself as the body; the server checks its type from its bytes. */
export const uploadReceipt = (claimId: string, file: File) => apiUpload<VoucherAccount>(receiptUrl(claimId), file)
