import i18n, { type TFunction } from 'i18next'
import type { Problem } from '../../../shared/schemas/problem.js'
import { localeOf } from '../components/use-formats.js'
import { ApiError } from './client.js'

/** Whether the catalogues have a sentence for this problem code (`problems.<code>`); every server code has one. */
export function hasProblemMessage(code: string): boolean {
  return i18n.exists(`problems.${code}`)
}

type ProblemKey = 'problems.validation.failed'

/** Turns a failed call into a translated sentence, chosen by the problem's stable `code` and filled from its `params`. */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!(error instanceof ApiError)) return t('errors.unexpected')
  if (error.code === 'network.failed') return t('errors.network')
  if (hasProblemMessage(error.code))
    return t(`problems.${error.code}` as ProblemKey, problemValues(error.problem.params))
  return statusMessage(t, error.status)
}

/**
 * The problem's values for interpolation: a `reason` picks the sentence's variant (i18next context,
 * `quota_reached_pending`), instants are written as dates in the interface language.
 */
function problemValues(params: Problem['params']): Record<string, string | number> {
  const values: Record<string, string | number> = {}
  for (const [key, value] of Object.entries(params ?? {})) {
    values[key] = typeof value === 'string' && /^\d{4}-\d\d-\d\dT/.test(value) ? formatInstant(value) : value
  }
  if (typeof params?.reason === 'string') values.context = params.reason
  return values
}

function formatInstant(iso: string): string {
  return new Intl.DateTimeFormat(localeOf(i18n.resolvedLanguage), { dateStyle: 'long', timeStyle: 'short' }).format(
    new Date(iso),
  )
}

/** Codes we do not know still get a sentence that fits their HTTP status. */
function statusMessage(t: TFunction, status: number): string {
  if (status === 401) return t('problems.auth.unauthenticated')
  if (status === 403) return t('problems.auth.forbidden')
  if (status === 404) return t('errors.notFound')
  if (status === 409) return t('errors.conflict')
  if (status === 429) return t('problems.request.too_many')
  if (status === 400 || status === 422) return t('problems.validation.failed')
  if (status >= 500) return t('errors.server')
  return t('errors.http', { status })
}
