import { cpvByCode, cpvProximity, type CpvProximity } from '../../../seeds/taxonomies/index.js'
import type { Language } from '../../../seeds/taxonomies/labels.js'

/**
 * The match score: a weighted sum of parts, each in [-1, 1] (0 when the
 * records do not say). Pure: no I/O, the same inputs give the same score.
 *
 * WEIGHTS is the one place the weights live. Why these values:
 * - cpv dominates: buyers and SMEs both code what they trade, codes are
 *   language-independent, and on real TED data ranking by CPV agreement
 *   alone reaches nDCG@10 ≈ 0.95;
 * - concepts (both records' words carried into English through the CPV
 *   labels, cross-language.model.ts) carries the match when codes are
 *   missing, in any pair of languages: on the matching-dev set, text-only,
 *   it alone ranks better than the suggested codes and the same-language
 *   text together, and the best mix found gives it ten times their weight
 *   (bench/matching/offline.ts, nDCG@10: 0.189 → 0.203 on all offers,
 *   0.295 → 0.309 on IT/EN offers);
 *   with codes it breaks ties inside a CPV branch (0.951 with it, 0.951
 *   without);
 * - text, the same-language TF-IDF cosine, adds the words the CPV labels do
 *   not know (names, trade terms) between records of one language;
 * - the profile parts (NACE, S3, TRL, certifications, capacity, region)
 *   cannot be measured on public tender data, so together they swing the
 *   score by at most 2 × 0.04 = 0.08, less than the smallest step between
 *   two CPV levels (0.15 × 0.6 = 0.09): they never move an offer across a
 *   level, and decide between offers of equal fit.
 */
export const WEIGHTS = {
  cpv: 0.6,
  text: 0.05,
  concepts: 0.3,
  nace: 0.008,
  s3: 0.008,
  trl: 0.008,
  certifications: 0.008,
  capacity: 0.004,
  outsideRegion: 0.004,
} as const

export type PartName = keyof typeof WEIGHTS

/**
 * Suggested codes are guesses (the right division less than half the time
 * on TED data), so their agreement counts this much of declared agreement:
 * a nudge between offers the concepts part finds equally close.
 */
export const SUGGESTED_CPV_DISCOUNT = 0.05

/** CPV agreement by the most specific level two codes share (same code > category > class > group > division). */
export const CPV_LEVEL_VALUE: Readonly<Record<CpvProximity, number>> = {
  same: 1,
  category: 0.85,
  class: 0.7,
  group: 0.45,
  division: 0.2,
  none: 0,
}

/** A code with how much it counts: 1 for a record's main code, less for extra or suggested codes. */
export interface WeightedCode {
  code: string
  weight: number
  /** True when suggested from the text rather than given by the record's owner. */
  suggested?: boolean
}

export interface NeedProfile {
  cpv: WeightedCode[]
  minTrl?: number | undefined
  requiredCertifications?: string[] | undefined
  /** The quantity sought, as a number when the need states one. */
  volume?: number | undefined
  /** NUTS-2 of the buyer. */
  region?: string | undefined
  nace?: string | undefined
  s3?: string | undefined
}

export interface OfferProfile {
  cpv: WeightedCode[]
  trl?: number | undefined
  certifications?: string[] | undefined
  capacity?: number | undefined
  region?: string | undefined
  nace?: string | undefined
  s3?: string | undefined
}

export interface MatchInput {
  need: NeedProfile
  offer: OfferProfile
  /** Text relevance in [0, 1], computed by the caller (matching.text.ts). */
  text: number
  /** How alike the two records' words are once carried into English (0–1, cross-language.model.ts); 0 when not computed. */
  concepts?: number | undefined
  /**
   * When either side's codes were suggested from its text: how alike the two
   * records' places in the CPV tree are (0–1, cpv-suggest.model.ts). It
   * replaces the pair of codes, which is too brittle when one code is a guess.
   */
  cpvSimilarity?: number | undefined
}

export interface CpvAgreement {
  value: number
  proximity: CpvProximity
  needCode?: string
  offerCode?: string
}

export interface ScoredMatch {
  score: number
  parts: Record<PartName, number>
  cpv: CpvAgreement
  reason: Record<Language, string>
}

/** The best-agreeing pair of codes, each weighted by how much its code counts. */
export function cpvAgreement(need: WeightedCode[], offer: WeightedCode[]): CpvAgreement {
  let best: CpvAgreement = { value: 0, proximity: 'none' }
  for (const n of need) {
    for (const o of offer) {
      const proximity = cpvProximity(n.code, o.code)
      const value = CPV_LEVEL_VALUE[proximity] * n.weight * o.weight
      if (value > best.value) best = { value, proximity, needCode: n.code, offerCode: o.code }
    }
  }
  return best
}

const normaliseCert = (c: string) => c.toLowerCase().replace(/[^a-z0-9]/g, '')

function certificationsPart(
  required: string[] | undefined,
  held: string[] | undefined,
): { value: number; missing: string[]; met: string[] } {
  // Unknown holdings (an index without them) say nothing either way.
  if (!required || required.length === 0 || held === undefined) return { value: 0, missing: [], met: [] }
  const mine = new Set(held.map(normaliseCert))
  const met = required.filter((c) => mine.has(normaliseCert(c)))
  const missing = required.filter((c) => !mine.has(normaliseCert(c)))
  return { value: missing.length === 0 ? 1 : -missing.length / required.length, missing, met }
}

/** +1 at or above the minimum, −1/3 per level below it, down to −1. */
function trlPart(minTrl: number | undefined, trl: number | undefined): number {
  if (minTrl === undefined || trl === undefined) return 0
  return trl >= minTrl ? 1 : Math.max(-1, (trl - minTrl) / 3)
}

function capacityPart(volume: number | undefined, capacity: number | undefined): number {
  if (volume === undefined || capacity === undefined || volume <= 0) return 0
  return capacity >= volume ? 1 : Math.max(-1, capacity / volume - 1)
}

function nacePart(a: string | undefined, b: string | undefined): number {
  if (!a || !b) return 0
  if (a === b) return 1
  return a.slice(0, 2) === b.slice(0, 2) ? 0.5 : 0
}

const isGuess = (need: NeedProfile, offer: OfferProfile) =>
  need.cpv.some((c) => c.suggested) || offer.cpv.some((c) => c.suggested)

/** Scores one offer for one need and says why, in Italian and English. */
export function scoreMatch(input: MatchInput): ScoredMatch {
  const { need, offer } = input
  const cpv = cpvAgreement(need.cpv, offer.cpv)
  const certs = certificationsPart(need.requiredCertifications, offer.certifications)
  const parts: Record<PartName, number> = {
    cpv:
      input.cpvSimilarity !== undefined && isGuess(need, offer)
        ? SUGGESTED_CPV_DISCOUNT * input.cpvSimilarity
        : cpv.value,
    text: Math.max(0, Math.min(1, input.text)),
    concepts: Math.max(0, Math.min(1, input.concepts ?? 0)),
    nace: nacePart(need.nace, offer.nace),
    s3: need.s3 && offer.s3 ? (need.s3 === offer.s3 ? 1 : 0) : 0,
    trl: trlPart(need.minTrl, offer.trl),
    certifications: certs.value,
    capacity: capacityPart(need.volume, offer.capacity),
    outsideRegion: need.region && offer.region ? (need.region !== offer.region ? 1 : 0) : 0,
  }
  const score = (Object.keys(WEIGHTS) as PartName[]).reduce((sum, part) => sum + WEIGHTS[part] * parts[part], 0)
  return {
    score: Math.round(score * 1e6) / 1e6,
    parts,
    cpv,
    reason: { it: explain('it', input, cpv, certs), en: explain('en', input, cpv, certs) },
  }
}

const LEVEL_WORDS: Record<Language, Record<Exclude<CpvProximity, 'none'>, string>> = {
  en: {
    same: 'same CPV code',
    category: 'same CPV category',
    class: 'same CPV class',
    group: 'same CPV group',
    division: 'same CPV division',
  },
  it: {
    same: 'stesso codice CPV',
    category: 'stessa categoria CPV',
    class: 'stessa classe CPV',
    group: 'stesso gruppo CPV',
    division: 'stessa divisione CPV',
  },
}

/** The shared prefix of two codes, and the label of the vocabulary entry it names: `34121 — buses`. */
function sharedBranch(lang: Language, cpv: CpvAgreement): string {
  const digits = { same: 8, category: 5, class: 4, group: 3, division: 2, none: 0 }[cpv.proximity]
  const code = cpv.proximity === 'same' ? cpv.needCode! : cpv.offerCode!.slice(0, digits)
  const entry = cpvByCode(code.padEnd(8, '0')) ?? cpvByCode(cpv.needCode!)
  return `${code}${entry ? ` — ${entry.label[lang].toLowerCase()}` : ''}`
}

function explain(
  lang: Language,
  input: MatchInput,
  cpv: CpvAgreement,
  certs: ReturnType<typeof certificationsPart>,
): string {
  const { need, offer } = input
  const it = lang === 'it'
  const out: string[] = []
  if (cpv.proximity !== 'none') {
    const suggested = need.cpv
      .concat(offer.cpv)
      .some((c) => c.suggested && (c.code === cpv.needCode || c.code === cpv.offerCode))
    out.push(
      `${LEVEL_WORDS[lang][cpv.proximity]} ${sharedBranch(lang, cpv)}${suggested ? (it ? ' (codice dedotto dal testo)' : ' (code inferred from the text)') : ''}`,
    )
  } else out.push(it ? 'nessun codice CPV in comune' : 'no CPV code in common')
  if (input.text >= 0.1)
    out.push(
      it ? `testi simili (${Math.round(input.text * 100)}%)` : `similar wording (${Math.round(input.text * 100)}%)`,
    )
  const concepts = input.concepts ?? 0
  if (concepts >= 0.1)
    out.push(
      it
        ? `stesso argomento nel vocabolario CPV (${Math.round(concepts * 100)}%)`
        : `same subject in the CPV vocabulary (${Math.round(concepts * 100)}%)`,
    )
  if (need.minTrl !== undefined && offer.trl !== undefined)
    out.push(`TRL ${offer.trl} ${offer.trl >= need.minTrl ? '≥' : '<'} ${need.minTrl} ${it ? 'richiesto' : 'required'}`)
  if (certs.met.length > 0)
    out.push(`${certs.met.join(', ')} ${it ? (certs.met.length > 1 ? 'possedute' : 'posseduta') : 'held'}`)
  if (certs.missing.length > 0) out.push(`${it ? 'manca' : 'missing'} ${certs.missing.join(', ')}`)
  if (need.nace && offer.nace && need.nace.slice(0, 2) === offer.nace.slice(0, 2))
    out.push(`${it ? 'stesso settore NACE' : 'same NACE sector'} ${offer.nace}`)
  if (need.s3 && need.s3 === offer.s3) out.push(`${it ? 'stesso ambito S3' : 'same S3 domain'} ${offer.s3}`)
  const cap = capacityPart(need.volume, offer.capacity)
  if (cap !== 0)
    out.push(
      cap > 0
        ? it
          ? 'capacità sufficiente'
          : 'enough capacity'
        : it
          ? 'capacità insufficiente'
          : 'capacity below the volume',
    )
  if (need.region && offer.region && need.region !== offer.region)
    out.push(it ? `acquirente fuori regione (${need.region})` : `buyer outside the region (${need.region})`)
  return out.join('; ')
}
