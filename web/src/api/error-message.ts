import type { TFunction } from 'i18next'
import { ApiError } from './client.js'

/** Turns a failed call into a translated sentence, chosen by the problem's stable `code`. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected')
  if (error.code === 'network.failed') return t('errors.network')
  if (error.code.startsWith('http.')) return t('errors.http', { status: error.status })
  return t('errors.unexpected')
}
