import { cpvPrefixes, type SearchDocument } from '../../infra/search/search.types.js'
import type { OrganisationRow } from '../organisations/organisations.repository.js'
import type { NeedRow, OfferRow } from './catalogue.repository.js'

/** NACE Rev. 2 division → section letter, for the section facet. */
const NACE_SECTIONS: [number, string][] = [
  [1, 'A'],
  [5, 'B'],
  [10, 'C'],
  [35, 'D'],
  [36, 'E'],
  [41, 'F'],
  [45, 'G'],
  [49, 'H'],
  [55, 'I'],
  [58, 'J'],
  [64, 'K'],
  [68, 'L'],
  [69, 'M'],
  [77, 'N'],
  [84, 'O'],
  [85, 'P'],
  [86, 'Q'],
  [90, 'R'],
  [94, 'S'],
  [97, 'T'],
  [99, 'U'],
]

export function naceSection(code: string | null | undefined): string | undefined {
  if (!code) return undefined
  const division = Number(code.slice(0, 2))
  return [...NACE_SECTIONS].reverse().find(([first]) => division >= first)?.[1]
}

function common(organisation: OrganisationRow, cpv: string[]) {
  return {
    organisationId: organisation.id,
    organisationName: organisation.legalName,
    cpv,
    cpvPrefixes: cpvPrefixes(cpv),
    cpvDivision: [...new Set(cpv.map((code) => code.slice(0, 2)))],
    ...(organisation.nuts2 ? { region: organisation.nuts2 } : {}),
    ...(organisation.country ? { country: organisation.country } : {}),
    ...(organisation.sizeClass ? { sizeClass: organisation.sizeClass } : {}),
  }
}

export function offerDocument(offer: OfferRow, organisation: OrganisationRow): SearchDocument {
  const nace = offer.naceCode ?? organisation.naceCode ?? undefined
  const section = naceSection(nace)
  return {
    id: offer.id,
    title: offer.title,
    description: offer.description,
    language: offer.language,
    keywords: offer.keywords,
    ...common(organisation, [offer.cpvMain, ...offer.cpvExtra]),
    ...(nace ? { nace } : {}),
    ...(section ? { naceSection: section } : {}),
    ...(offer.s3Domain ? { s3: offer.s3Domain } : {}),
    trl: offer.trl,
    audience: ['public'],
    updatedAt: offer.updatedAt.getTime(),
  }
}

/** A need for selected SMEs is visible to them, its owner and the hubs that validated the buyer. */
export function needDocument(need: NeedRow, organisation: OrganisationRow, organisers: string[]): SearchDocument {
  const nace = organisation.naceCode ?? undefined
  const section = naceSection(nace)
  return {
    id: need.id,
    title: need.title,
    description: need.description,
    language: need.language,
    keywords: need.requiredCertifications,
    ...common(organisation, need.cpvCodes),
    ...(nace ? { nace } : {}),
    ...(section ? { naceSection: section } : {}),
    ...(need.minTrl ? { trl: need.minTrl } : {}),
    buyerType: organisation.publicBuyer ? 'public' : 'private',
    ...(need.deadline ? { deadline: Date.parse(`${need.deadline}T23:59:59.999Z`) } : {}),
    audience: need.visibility === 'public' ? ['public'] : [...need.visibleTo, organisation.id, ...organisers],
    updatedAt: need.updatedAt.getTime(),
  }
}
