import type { ListingStatus, Offer, OfferInput } from '../../../../shared/schemas/catalogue.js'
import type { FieldErrors } from '../../api/field-errors.js'
import { joinList, optionalText, parseList, withoutUndefined } from './list-text.js'

/** The offer form as typed: lists as comma-separated text, '' meaning "not given". */
export interface OfferValues {
  title: string
  description: string
  language: string
  cpvMain: string
  cpvExtra: string[]
  naceCode: string
  s3Domain: string
  trl: string
  keywords: string
  certifications: string
  capacity: string
  marketsServed: string
}

export function emptyOffer(language: string): OfferValues {
  return {
    title: '',
    description: '',
    language,
    cpvMain: '',
    cpvExtra: [],
    naceCode: '',
    s3Domain: '',
    trl: '',
    keywords: '',
    certifications: '',
    capacity: '',
    marketsServed: '',
  }
}

export function fromOffer(offer: Offer): OfferValues {
  return {
    title: offer.title,
    description: offer.description,
    language: offer.language,
    cpvMain: offer.cpvMain,
    cpvExtra: [...offer.cpvExtra],
    naceCode: offer.naceCode ?? '',
    s3Domain: offer.s3Domain ?? '',
    trl: String(offer.trl),
    keywords: joinList(offer.keywords),
    certifications: joinList(offer.certifications),
    capacity: offer.capacity ?? '',
    marketsServed: joinList(offer.marketsServed),
  }
}

export function toOfferInput(values: OfferValues, status: ListingStatus): OfferInput {
  return withoutUndefined({
    title: values.title.trim(),
    description: values.description.trim(),
    language: values.language,
    cpvMain: values.cpvMain,
    cpvExtra: values.cpvExtra.filter((code) => code !== values.cpvMain),
    naceCode: optionalText(values.naceCode),
    s3Domain: optionalText(values.s3Domain),
    trl: Number(values.trl),
    keywords: parseList(values.keywords),
    certifications: parseList(values.certifications),
    capacity: optionalText(values.capacity),
    marketsServed: parseList(values.marketsServed, (code) => code.toUpperCase()),
    status,
  })
}

/** Checks the browser cannot make: the main CPV code (a picker) and the country codes. */
export function validateOffer(values: OfferValues): FieldErrors {
  const errors: FieldErrors = {}
  if (values.cpvMain === '') errors.cpvMain = { code: 'required' }
  const markets = parseList(values.marketsServed, (code) => code.toUpperCase())
  if (markets.some((code) => !/^[A-Z]{2}$/.test(code))) errors.marketsServed = { code: 'pattern' }
  return errors
}
