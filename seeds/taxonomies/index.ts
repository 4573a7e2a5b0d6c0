/** Reference taxonomies: CPV 2008, NACE Rev. 2, NUTS-2 (2021), Piemonte's S3 2021–2027, and a search for code pickers. */
export type { Bilingual, Language } from './labels.js'
export {
  CPV_ENTRIES,
  CPV_LANGUAGES,
  cpvByCode,
  cpvCategory,
  cpvClass,
  cpvDivision,
  cpvGroup,
  cpvLevel,
  cpvParent,
  cpvProximity,
  loadCpvLabels,
  normaliseCpvCode,
  type CpvEntry,
  type CpvLanguage,
  type CpvLevel,
  type CpvProximity,
} from './cpv.js'
export { NACE_DIVISIONS, NACE_ENTRIES, NACE_SECTIONS, naceByCode, naceSection, type NaceEntry } from './nace.js'
export { ITALIAN_NUTS2 } from './nuts2-it.js'
export { EU_COUNTRIES, NUTS2_REGIONS, isNuts2, type Nuts2Region } from './nuts2-eu.js'
export { S3_PRIORITY_DOMAINS, S3_TRANSVERSAL_COMPONENTS, s3ByCode, type S3Domain } from './s3-piemonte.js'
export {
  normaliseText,
  searchTaxonomy,
  taxonomyHit,
  type SearchOptions,
  type TaxonomyHit,
  type TaxonomyKind,
} from './search.js'
