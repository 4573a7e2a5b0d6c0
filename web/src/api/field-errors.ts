import type { TFunction } from 'i18next'
import { ApiError } from './client.js'
import { hasProblemMessage } from './error-message.js'

/** One field's problem; `code` is a validation keyword (`required`, `format`…) or a problem code. */
export interface FieldProblem {
  code: string
  limit?: number
}

/** Keyed by the field's path in the form, e.g. `organisation.vatId`. */
export type FieldErrors = Record<string, FieldProblem>

/** Domain problems that concern one field even when the server names none. */
const FIELD_OF_CODE: Record<string, string> = {
  'accounts.email_taken': 'user.email',
  'accounts.vat_invalid': 'organisation.vatId',
  'accounts.nuts2_invalid': 'organisation.nuts2',
  'accounts.wrong_password': 'currentPassword',
  'accounts.confirm_mismatch': 'confirmEmail',
  'accounts.consent_required': 'consents.profileVisibleToMatches',
  'invitations.user_required': 'user.name',
  'invitations.already_member': 'email',
}

/** Field-level codes the server uses for checks beyond the schema (`errors[].code`). */
const DOMAIN_FIELD_CODES = {
  vat: 'problems.accounts.vat_invalid',
  nuts2: 'problems.accounts.nuts2_invalid',
  organiser: 'fieldErrors.organiser',
  timeZone: 'fieldErrors.timeZone',
  cpv: 'fieldErrors.cpv',
  nace: 'fieldErrors.nace',
  s3: 'fieldErrors.s3',
  organisation: 'fieldErrors.organisation',
  budgetOrder: 'fieldErrors.budgetOrder',
  future: 'fieldErrors.future',
  pastYear: 'fieldErrors.pastYear',
  beforeBaseline: 'fieldErrors.beforeBaseline',
  exportsOverTurnover: 'fieldErrors.exportsOverTurnover',
  origin: 'fieldErrors.origin',
  kind: 'fieldErrors.kind',
} as const
const isDomainFieldCode = (code: string): code is keyof typeof DOMAIN_FIELD_CODES => code in DOMAIN_FIELD_CODES

/**
 * Reads `errors[]` of a problem (`body.user.email` → `user.email`). `prefix` is put
 * in front when the request body is itself the form's sub-object, e.g. a PATCH of
 * an organisation answering `body.vatId` for the form field `organisation.vatId`.
 * An item of a list field belongs to the list's control: `body.cpvExtra.2` → `cpvExtra`.
 */
export function fieldErrorsFrom(error: unknown, prefix = ''): FieldErrors {
  if (!(error instanceof ApiError)) return {}
  const result: FieldErrors = {}
  for (const item of error.problem.errors ?? []) {
    const path = prefix + item.field.replace(/^(body|query|params)\./, '').replace(/(\.\d+)+$/, '')
    result[path] ??= { code: item.code }
  }
  const field = FIELD_OF_CODE[error.code]
  if (field !== undefined && !(field in result)) result[field] = { code: error.code }
  return result
}

const KEYWORDS = [
  'required',
  'format',
  'minLength',
  'maxLength',
  'pattern',
  'minItems',
  'maxItems',
  'uniqueItems',
  'minimum',
  'maximum',
  'unknown',
] as const
type Keyword = (typeof KEYWORDS)[number]
const isKeyword = (code: string): code is Keyword => KEYWORDS.some((keyword) => keyword === code)

/** The translated sentence shown under a field. */
export function fieldMessage(t: TFunction, problem: FieldProblem, control: 'input' | 'checkbox' = 'input'): string {
  if (problem.code.includes('.') && hasProblemMessage(problem.code))
    return t(`problems.${problem.code}` as 'problems.validation.failed')
  if (isDomainFieldCode(problem.code)) return t(DOMAIN_FIELD_CODES[problem.code])
  if (problem.code === 'required' && control === 'checkbox') return t('fieldErrors.requiredCheckbox')
  if (problem.code === 'minLength' && problem.limit !== undefined)
    return t('fieldErrors.minLengthOf', { min: problem.limit })
  if (isKeyword(problem.code)) return t(`fieldErrors.${problem.code}`)
  return t('fieldErrors.invalid')
}

/** The sentence for one of a problem's `errors[]`, or undefined when there is none: never the server's own words. */
export function fieldText(t: TFunction, item: { code: string } | undefined): string | undefined {
  return item ? fieldMessage(t, { code: item.code }) : undefined
}

/** Asks the browser which named controls break their constraints, without showing its own bubbles. */
export function nativeFieldErrors(form: HTMLFormElement): FieldErrors {
  const result: FieldErrors = {}
  for (const element of Array.from(form.elements)) {
    if (!isControl(element) || element.name === '' || element.disabled) continue
    const problem = controlProblem(element)
    if (problem) result[element.name] ??= problem
  }
  return result
}

type Control = HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement

function isControl(element: Element): element is Control {
  return (
    element instanceof HTMLInputElement ||
    element instanceof HTMLSelectElement ||
    element instanceof HTMLTextAreaElement
  )
}

function controlProblem(control: Control): FieldProblem | null {
  const { validity } = control
  if (validity.valueMissing) return { code: 'required' }
  if (validity.typeMismatch) return { code: 'format' }
  if (validity.patternMismatch) return { code: 'pattern' }
  // `tooShort` is only set after typing, so check the length directly.
  const min = control instanceof HTMLSelectElement ? -1 : control.minLength
  if (min > 0 && control.value.length > 0 && control.value.length < min) return { code: 'minLength', limit: min }
  return validity.valid ? null : { code: 'invalid' }
}
