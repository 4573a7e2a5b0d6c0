import type { FieldError } from '../../../shared/schemas/problem.js'
import { cpvByCode, naceByCode, s3ByCode } from '../../../seeds/taxonomies/index.js'

/** Codes must exist in their vocabularies, not just have the right shape. */
export function codeErrors(
  input: {
    cpvMain?: string | undefined
    cpvExtra?: string[] | undefined
    cpvCodes?: string[] | undefined
    naceCode?: string | undefined
    s3Domain?: string | undefined
  },
  prefix: string,
): FieldError[] {
  const errors: FieldError[] = []
  const cpv = (code: string, field: string) => {
    if (!cpvByCode(code)) errors.push({ field, code: 'cpv', message: `${code} is not a CPV 2008 code` })
  }
  if (input.cpvMain) cpv(input.cpvMain, `${prefix}.cpvMain`)
  input.cpvExtra?.forEach((code, i) => cpv(code, `${prefix}.cpvExtra.${i}`))
  input.cpvCodes?.forEach((code, i) => cpv(code, `${prefix}.cpvCodes.${i}`))
  if (input.naceCode && !naceByCode(input.naceCode.slice(0, 2)))
    errors.push({ field: `${prefix}.naceCode`, code: 'nace', message: 'is not a NACE Rev. 2 division' })
  if (input.s3Domain && !s3ByCode(input.s3Domain))
    errors.push({ field: `${prefix}.s3Domain`, code: 's3', message: 'is not an S3 domain of the region' })
  return errors
}
