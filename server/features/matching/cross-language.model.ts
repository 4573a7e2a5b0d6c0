/**
 * Words across languages without a model: the CPV vocabulary names every
 * code in 23 languages, so its labels are a small parallel corpus (about
 * 9,400 aligned pairs per language). Word-translation probabilities into
 * English, the pivot, are learnt from those pairs with IBM Model 1 (a few
 * rounds of expectation-maximisation over which English stem each stem of
 * the other label stands for), and a record in any language becomes a bag of
 * English stems: `elettri` (elettrici) → `electri`, `ordinat` (ordinateurs) →
 * `compute`. Two records in different languages then compare in one space.
 */

import { CPV_ENTRIES, loadCpvLabels, type CpvLanguage } from '../../../seeds/taxonomies/index.js'
import { isCpvLanguage, labelIndex, type SuggestInput } from './cpv-suggest.model.js'
import { normalise, type SparseVector } from './matching.text.js'

/** A stem's likely English stems, most likely first, with their probability. */
export type TranslationTable = ReadonlyMap<string, readonly (readonly [string, number])[]>

export interface LearnOptions {
  /** Rounds of expectation-maximisation. */
  iterations?: number
  /** Translations below this probability are dropped. */
  floor?: number
  /** At most this many translations per stem. */
  keep?: number
}

/** Stands for "no English word": soaks up stems that translate to nothing (articles, prepositions). */
const NULL = '\u0000'

/**
 * IBM Model 1, English generated from the other language: t(e | s) for each
 * stem s of the source labels and e of the English labels aligned with them.
 * Pairs are label stem sets, source first.
 */
export function learnTranslations(
  pairs: readonly (readonly [readonly string[], readonly string[]])[],
  options: LearnOptions = {},
): TranslationTable {
  const { iterations = 5, floor = 0.05, keep = 3 } = options
  const sentences = pairs
    .filter(([source, target]) => source.length > 0 && target.length > 0)
    .map(([source, target]) => [[NULL, ...new Set(source)], [...new Set(target)]] as const)
  // Uniform start over the English stems each source stem meets.
  let t = new Map<string, Map<string, number>>()
  for (const [source, target] of sentences) {
    for (const s of source) {
      const row = t.get(s) ?? new Map<string, number>()
      for (const e of target) row.set(e, 1)
      t.set(s, row)
    }
  }
  for (let round = 0; round < iterations; round++) {
    const counts = new Map<string, Map<string, number>>()
    for (const [source, target] of sentences) {
      for (const e of target) {
        let total = 0
        for (const s of source) total += t.get(s)!.get(e)!
        for (const s of source) {
          const row = counts.get(s) ?? new Map<string, number>()
          row.set(e, (row.get(e) ?? 0) + t.get(s)!.get(e)! / total)
          counts.set(s, row)
        }
      }
    }
    t = new Map()
    for (const [s, row] of counts) {
      let sum = 0
      for (const c of row.values()) sum += c
      t.set(s, new Map([...row].map(([e, c]) => [e, c / sum])))
    }
  }
  const table = new Map<string, (readonly [string, number])[]>()
  for (const [s, row] of t) {
    if (s === NULL) continue
    const best = [...row]
      .filter(([, p]) => p >= floor)
      .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
      .slice(0, keep)
    if (best.length > 0) table.set(s, best)
  }
  return table
}

/**
 * A record's stem counts carried into English: each stem's count spread over
 * its translations by probability. Stems the table does not know are left
 * out when `unknown` is 0, or kept as they are at that weight (names,
 * acronyms and loanwords often read the same in every language).
 */
export function toPivot(
  counts: ReadonlyMap<string, number>,
  table: TranslationTable | undefined,
  unknown = 0,
): Map<string, number> {
  const out = new Map<string, number>()
  const add = (term: string, x: number) => out.set(term, (out.get(term) ?? 0) + x)
  for (const [stem, f] of counts) {
    if (!table) {
      add(stem, f)
      continue
    }
    const translations = table.get(stem)
    if (translations) for (const [e, p] of translations) add(e, f * p)
    else if (unknown > 0) add(stem, f * unknown)
  }
  return out
}

/** Title words count this many times a description word: the title names the subject, the description adds terms of the trade. */
export const CONCEPT_TITLE_WEIGHT = 6
/** The weight of a stem with no translation (see `toPivot`). */
export const UNTRANSLATED_WEIGHT = 0.3

const tables = new Map<CpvLanguage, Promise<TranslationTable>>()

/**
 * The translation table of a language into English, learnt from the CPV
 * labels on first use; for English, each label stem stands for itself (so
 * English words outside the labels weigh as little as any language's).
 */
export function translationTable(language: string): Promise<TranslationTable> {
  const lang: CpvLanguage = isCpvLanguage(language) ? language : 'en'
  let table = tables.get(lang)
  if (!table) {
    table =
      lang === 'en'
        ? labelIndex('en').then(
            (index) => new Map([...index.postings.keys()].map((term) => [term, [[term, 1] as const]])),
          )
        : learnFromLabels(lang)
    tables.set(lang, table)
  }
  return table
}

async function learnFromLabels(language: CpvLanguage): Promise<TranslationTable> {
  const [own, english, labels] = await Promise.all([labelIndex(language), labelIndex('en'), loadCpvLabels(language)])
  // Codes the language leaves untranslated fall back to the English label in its index: no evidence there.
  return learnTranslations(
    CPV_ENTRIES.flatMap((entry, i) => (labels.has(entry.code) ? [[own.stems[i]!, english.stems[i]!] as const] : [])),
  )
}

/** A record's words as English stems (title words `CONCEPT_TITLE_WEIGHT` times), ready for `conceptVector`. */
export async function conceptCounts(input: SuggestInput): Promise<Map<string, number>> {
  const [index, table] = await Promise.all([labelIndex(input.language), translationTable(input.language)])
  const counts = new Map<string, number>()
  const add = (text: string, weight: number) => {
    for (const term of index.terms(text)) counts.set(term, (counts.get(term) ?? 0) + weight)
  }
  add(input.title, CONCEPT_TITLE_WEIGHT)
  add(input.description, 1)
  return toPivot(counts, table, UNTRANSLATED_WEIGHT)
}

/** Log-scaled weight × IDF, unit length: the concepts part compares two of these. */
export function conceptVector(counts: ReadonlyMap<string, number>, idf: (term: string) => number): SparseVector {
  return normalise(new Map([...counts].map(([term, f]) => [term, Math.log(1 + f) * idf(term)])))
}
