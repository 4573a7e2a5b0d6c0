import type { FieldError } from '../../../shared/schemas/problem.js'
import { isNuts2, NUTS2_REGIONS } from '../../../seeds/taxonomies/nuts2-eu.js'

/**
 * Pure rules about organisations: VAT numbers (the Italian partita IVA check
 * digit; other EU numbers by the VIES formats) and NUTS-2 regions (NUTS 2021).
 */

/** VAT number formats of the EU member states (without the country prefix), as VIES accepts them. */
const EU_VAT_FORMATS: Readonly<Record<string, RegExp>> = {
  AT: /^U\d{8}$/,
  BE: /^[01]\d{9}$/,
  BG: /^\d{9,10}$/,
  CY: /^\d{8}[A-Z]$/,
  CZ: /^\d{8,10}$/,
  DE: /^\d{9}$/,
  DK: /^\d{8}$/,
  EE: /^\d{9}$/,
  EL: /^\d{9}$/,
  ES: /^[A-Z0-9]\d{7}[A-Z0-9]$/,
  FI: /^\d{8}$/,
  FR: /^[A-HJ-NP-Z0-9]{2}\d{9}$/,
  HR: /^\d{11}$/,
  HU: /^\d{8}$/,
  IE: /^(\d{7}[A-W][A-I]?|\d[A-Z+*]\d{5}[A-W])$/,
  IT: /^\d{11}$/,
  LT: /^(\d{9}|\d{12})$/,
  LU: /^\d{8}$/,
  LV: /^\d{11}$/,
  MT: /^\d{8}$/,
  NL: /^\d{9}B\d{2}$/,
  PL: /^\d{10}$/,
  PT: /^\d{9}$/,
  RO: /^\d{2,10}$/,
  SE: /^\d{12}$/,
  SI: /^\d{8}$/,
  SK: /^\d{10}$/,
}

/** Greece is GR in ISO 3166 but EL in VAT numbers and NUTS codes. */
export function euPrefix(country: string): string {
  return country === 'GR' ? 'EL' : country
}

export function isEuCountry(country: string): boolean {
  return euPrefix(country) in EU_VAT_FORMATS
}

/** The partita IVA check digit (Luhn-like over the first ten digits). */
export function isValidPartitaIva(digits: string): boolean {
  if (!/^\d{11}$/.test(digits) || /^0{11}$/.test(digits)) return false
  let sum = 0
  for (let i = 0; i < 10; i++) {
    let n = Number(digits[i])
    if (i % 2 === 1) {
      n *= 2
      if (n > 9) n -= 9
    }
    sum += n
  }
  return (10 - (sum % 10)) % 10 === Number(digits[10])
}

export type VatCheck = { ok: true; normalised: string } | { ok: false; reason: string }

/**
 * Normalises a VAT number to `CC` + number (spaces, dots and dashes removed)
 * and checks it: EU numbers by format, Italian ones by check digit too.
 * Outside the EU a national id of 4–20 letters and digits is accepted.
 */
export function checkVatId(country: string, raw: string): VatCheck {
  const compact = raw.toUpperCase().replace(/[\s.\-/]/g, '')
  if (!isEuCountry(country)) {
    return /^[A-Z0-9]{4,20}$/.test(compact)
      ? { ok: true, normalised: compact }
      : { ok: false, reason: 'use 4 to 20 letters and digits' }
  }
  const prefix = euPrefix(country)
  const number = compact.startsWith(prefix) ? compact.slice(prefix.length) : compact
  if (/^[A-Z]{2}/.test(number) && !(prefix === 'FR' || prefix === 'ES' || prefix === 'IE' || prefix === 'AT')) {
    return { ok: false, reason: `a ${country} VAT number starts with ${prefix}` }
  }
  const format = EU_VAT_FORMATS[prefix]
  if (!format?.test(number)) return { ok: false, reason: `not the format of a ${prefix} VAT number` }
  if (prefix === 'IT' && !isValidPartitaIva(number))
    return { ok: false, reason: 'the partita IVA check digit does not match' }
  return { ok: true, normalised: `${prefix}${number}` }
}

/** A NUTS-2 code belongs to the country; Italy's are checked against the full list. */
export function checkNuts2(country: string, nuts2: string): string | undefined {
  if (!nuts2.startsWith(euPrefix(country))) return `a region of ${country} starts with ${euPrefix(country)}`
  if (!isNuts2(nuts2) || NUTS2_REGIONS[nuts2]?.country !== country)
    return country === 'IT' ? 'not an Italian NUTS-2 region' : `not a NUTS-2 region of ${country}`
  return undefined
}

export interface ProfileFields {
  country?: string | undefined
  vatId?: string | undefined
  nuts2?: string | undefined
}

/** Field errors for a profile, named as the request names them (`body.organisation.vatId`). */
export function profileErrors(profile: ProfileFields, prefix: string): { errors: FieldError[]; vatId?: string } {
  const errors: FieldError[] = []
  let vatId: string | undefined
  if (profile.country !== undefined && profile.vatId !== undefined) {
    const vat = checkVatId(profile.country, profile.vatId)
    if (vat.ok) vatId = vat.normalised
    else errors.push({ field: `${prefix}.vatId`, code: 'vat', message: vat.reason })
  }
  if (profile.country !== undefined && isEuCountry(profile.country) && profile.nuts2 === undefined) {
    errors.push({ field: `${prefix}.nuts2`, code: 'required', message: 'an EU organisation names its NUTS-2 region' })
  }
  if (profile.country !== undefined && profile.nuts2 !== undefined) {
    const reason = checkNuts2(profile.country, profile.nuts2)
    if (reason) errors.push({ field: `${prefix}.nuts2`, code: 'nuts2', message: reason })
  }
  return vatId === undefined ? { errors } : { errors, vatId }
}
