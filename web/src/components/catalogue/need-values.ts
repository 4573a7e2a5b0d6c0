import type { ListingStatus, Need, NeedInput } from '../../../../shared/schemas/catalogue.js'
import type { FieldErrors } from '../../api/field-errors.js'
import { joinList, optionalInteger, optionalText, parseList, withoutUndefined } from './list-text.js'

export type NeedVisibility = NeedInput['visibility']

/** The need form as typed: numbers and lists as text, '' meaning "not given". */
export interface NeedValues {
  title: string
  description: string
  language: string
  cpvCodes: string[]
  volume: string
  budgetMinEur: string
  budgetMaxEur: string
  deadline: string
  requiredCertifications: string
  minTrl: string
  visibility: NeedVisibility
  /** SME organisation ids, one per line. */
  visibleTo: string
}

export function emptyNeed(language: string): NeedValues {
  return {
    title: '',
    description: '',
    language,
    cpvCodes: [],
    volume: '',
    budgetMinEur: '',
    budgetMaxEur: '',
    deadline: '',
    requiredCertifications: '',
    minTrl: '',
    visibility: 'public',
    visibleTo: '',
  }
}

export function fromNeed(need: Need): NeedValues {
  return {
    title: need.title,
    description: need.description,
    language: need.language,
    cpvCodes: [...need.cpvCodes],
    volume: need.volume ?? '',
    budgetMinEur: need.budgetMinEur === undefined ? '' : String(need.budgetMinEur),
    budgetMaxEur: need.budgetMaxEur === undefined ? '' : String(need.budgetMaxEur),
    deadline: need.deadline ?? '',
    requiredCertifications: joinList(need.requiredCertifications),
    minTrl: need.minTrl === undefined ? '' : String(need.minTrl),
    visibility: need.visibility,
    visibleTo: need.visibleTo.join('\n'),
  }
}

export function toNeedInput(values: NeedValues, status: ListingStatus): NeedInput {
  return withoutUndefined({
    title: values.title.trim(),
    description: values.description.trim(),
    language: values.language,
    cpvCodes: values.cpvCodes,
    volume: optionalText(values.volume),
    budgetMinEur: optionalInteger(values.budgetMinEur),
    budgetMaxEur: optionalInteger(values.budgetMaxEur),
    deadline: optionalText(values.deadline),
    requiredCertifications: parseList(values.requiredCertifications),
    minTrl: optionalInteger(values.minTrl),
    visibility: values.visibility,
    visibleTo: values.visibility === 'selected' ? parseList(values.visibleTo, (id) => id.toLowerCase()) : [],
    status,
  })
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/

/** Checks the browser cannot make: at least one CPV code, the budget order, the SME ids. */
export function validateNeed(values: NeedValues): FieldErrors {
  const errors: FieldErrors = {}
  if (values.cpvCodes.length === 0) errors.cpvCodes = { code: 'minItems' }
  const min = optionalInteger(values.budgetMinEur)
  const max = optionalInteger(values.budgetMaxEur)
  if (min !== undefined && max !== undefined && max < min) errors.budgetMaxEur = { code: 'budgetOrder' }
  if (values.visibility === 'selected') {
    const ids = parseList(values.visibleTo, (id) => id.toLowerCase())
    if (ids.length === 0) errors.visibleTo = { code: 'required' }
    else if (ids.some((id) => !UUID.test(id))) errors.visibleTo = { code: 'format' }
  }
  return errors
}
