import type { TFunction } from 'i18next'
import { ApiError } from './client.js'

/** Problem codes with their own sentence under `problems.*` in the catalogues. */
const KNOWN_CODES = [
  'validation.failed',
  'auth.unauthenticated',
  'auth.forbidden',
  'auth.csrf_failed',
  'auth.origin_rejected',
  'auth.invalid_credentials',
  'auth.link_invalid',
  'rate_limit.exceeded',
  'accounts.email_taken',
  'accounts.vat_invalid',
  'accounts.nuts2_invalid',
  'accounts.last_admin',
  'accounts.wrong_password',
  'accounts.confirm_mismatch',
  'accounts.consent_required',
  'invitations.invalid',
  'invitations.user_required',
  'invitations.already_member',
  'catalogue.wrong_kind',
  'offers.not_found',
  'needs.not_found',
  'events.not_found',
  'participation.illegal_transition',
  'participation.reason_required',
  'participation.not_participant',
  'participation.no_such_slot',
  'participation.registration_closed',
  'participation.not_validated',
  'requests.deadline_passed',
  'requests.wrong_pair',
  'requests.not_selected',
  'requests.quota_reached',
  'requests.duplicate',
  'requests.not_found',
  'requests.illegal_move',
] as const
export type KnownCode = (typeof KNOWN_CODES)[number]

export function isKnownCode(code: string): code is KnownCode {
  return KNOWN_CODES.some((known) => known === code)
}

/** Turns a failed call into a translated sentence, chosen by the problem's stable `code`. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected')
  if (isKnownCode(error.code)) return t(`problems.${error.code}`)
  if (error.code === 'network.failed') return t('errors.network')
  return statusMessage(t, error.status)
}

/** Codes we do not know yet still get a sentence that fits their HTTP status. */
function statusMessage(t: TFunction, status: number): string {
  if (status === 401) return t('problems.auth.unauthenticated')
  if (status === 403) return t('problems.auth.forbidden')
  if (status === 404) return t('errors.notFound')
  if (status === 409) return t('errors.conflict')
  if (status === 429) return t('problems.rate_limit.exceeded')
  if (status === 400 || status === 422) return t('problems.validation.failed')
  if (status >= 500) return t('errors.server')
  return t('errors.http', { status })
}
