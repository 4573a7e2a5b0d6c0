import type { Bilingual } from './labels.js'

/**
 * Piemonte's Smart Specialisation Strategy 2021–2027 (S3, approved by DGR
 * n. 43-4315 of 10 December 2021). The list follows the regional S3 document:
 * its six "Sistemi Prioritari dell'Innovazione" (SPI), which evolved from the
 * 2014–2020 areas (Aerospazio, Automotive, Chimica verde/Cleantech,
 * Meccatronica, Made in, Salute), and its "Componenti Trasversali
 * dell'Innovazione" that cut across all of them. Codes are ours and stable;
 * labels are the strategy's (English ours).
 */

export interface S3Domain {
  code: string
  label: Bilingual
  /**
   * Search aliases: the 2014–2020 areas and common names a system is known by
   * in our reading of the strategy. Not official wording.
   */
  aliases: readonly string[]
}

function domain(code: string, en: string, it: string, aliases: string[] = []): S3Domain {
  return Object.freeze({ code, label: Object.freeze({ en, it }), aliases: Object.freeze(aliases) })
}

/** The six priority innovation systems, in the strategy's order. */
export const S3_PRIORITY_DOMAINS: readonly S3Domain[] = [
  domain('aerospace', 'Aerospace', 'Aerospazio', ['space', 'spazio', 'aeronautics', 'aeronautica']),
  domain('sustainable-mobility', 'Sustainable mobility', 'Mobilità sostenibile', ['automotive']),
  domain('advanced-manufacturing', 'Advanced manufacturing', 'Manifattura avanzata', [
    'mechatronics',
    'meccatronica',
    'industry 4.0',
    'industria 4.0',
  ]),
  domain('green-technologies', 'Green technologies, resources and materials', 'Tecnologie, risorse e materiali verdi', [
    'green chemistry',
    'chimica verde',
    'cleantech',
  ]),
  domain('food', 'Food', 'Food', ['agrifood', 'agroalimentare']),
  domain('health', 'Health', 'Salute', ['life sciences', 'scienze della vita']),
]

/**
 * The cross-cutting components. The strategy adds a fourth, "capacità e
 * competenze", as a qualitative or reward criterion rather than a direction.
 */
export const S3_TRANSVERSAL_COMPONENTS: readonly S3Domain[] = [
  domain('digital-transition', 'Digital transition', 'Transizione digitale'),
  domain('ecological-transition', 'Ecological transition', 'Transizione ecologica'),
  domain(
    'social-territorial-innovation',
    'Innovation with social and territorial impact',
    'Innovazione a impatto sociale e territoriale',
  ),
  domain('capabilities-skills', 'Capabilities and skills', 'Capacità e competenze'),
]

const BY_CODE = new Map([...S3_PRIORITY_DOMAINS, ...S3_TRANSVERSAL_COMPONENTS].map((s3) => [s3.code, s3]))

/** A priority domain or transversal component by its code. */
export function s3ByCode(code: string): S3Domain | undefined {
  return BY_CODE.get(code)
}
