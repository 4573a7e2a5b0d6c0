import type { Organisation, OrganisationInput, SizeClass } from '../../../../shared/schemas/accounts.js'
import type { FieldErrors } from '../../api/field-errors.js'

/** The organisation form as typed: strings for optional fields, '' meaning "not given". */
export interface OrganisationValues {
  legalName: string
  vatId: string
  country: string
  nuts2: string
  street: string
  postalCode: string
  city: string
  website: string
  sizeClass: SizeClass | ''
  naceCode: string
  innovativeStartup: boolean
  isSme: boolean
  languages: string[]
}

export function emptyOrganisation(options: { isSme: boolean; language: string }): OrganisationValues {
  return {
    legalName: '',
    vatId: '',
    country: 'IT',
    nuts2: '',
    street: '',
    postalCode: '',
    city: '',
    website: '',
    sizeClass: '',
    naceCode: '',
    innovativeStartup: false,
    isSme: options.isSme,
    languages: [options.language],
  }
}

/** An invited organisation may not have completed its profile: missing values start empty. */
export function fromOrganisation(organisation: Organisation): OrganisationValues {
  return {
    legalName: organisation.legalName,
    vatId: organisation.vatId ?? '',
    country: organisation.country ?? 'IT',
    nuts2: organisation.nuts2 ?? '',
    street: organisation.address?.street ?? '',
    postalCode: organisation.address?.postalCode ?? '',
    city: organisation.address?.city ?? '',
    website: organisation.website ?? '',
    sizeClass: organisation.sizeClass ?? '',
    naceCode: organisation.naceCode ?? '',
    innovativeStartup: organisation.innovativeStartup,
    isSme: organisation.isSme,
    languages: [...organisation.languages],
  }
}

/** What the API expects: trimmed text, optional fields left out when empty, a scheme on the website. */
export function toOrganisationInput(values: OrganisationValues): OrganisationInput {
  const optional = (key: 'nuts2' | 'naceCode' | 'website', value: string) =>
    value.trim() ? { [key]: value.trim() } : {}
  return {
    legalName: values.legalName.trim(),
    vatId: values.vatId.replace(/\s+/g, '').toUpperCase(),
    country: values.country,
    ...optional('nuts2', values.nuts2.toUpperCase()),
    address: { street: values.street.trim(), postalCode: values.postalCode.trim(), city: values.city.trim() },
    ...optional('website', withScheme(values.website.trim())),
    sizeClass: values.sizeClass as SizeClass, // the select is required, so '' never gets here
    ...optional('naceCode', values.naceCode.toUpperCase()),
    innovativeStartup: values.innovativeStartup,
    isSme: values.isSme,
    languages: values.languages,
  }
}

function withScheme(website: string): string {
  return website === '' || /^https?:\/\//i.test(website) ? website : `https://${website}`
}

/** Checks the browser cannot make on its own. */
export function validateOrganisation(values: OrganisationValues): FieldErrors {
  return values.languages.length === 0 ? { 'organisation.languages': { code: 'minItems' } } : {}
}
