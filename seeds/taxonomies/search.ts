import { CPV_ENTRIES } from './cpv.js'
import type { Bilingual, Language } from './labels.js'
import { NACE_ENTRIES } from './nace.js'
import { EU_COUNTRIES, NUTS2_REGIONS } from './nuts2-eu.js'
import { S3_PRIORITY_DOMAINS } from './s3-piemonte.js'

export type TaxonomyKind = 'cpv' | 'nace' | 'nuts2' | 's3'

export interface TaxonomyHit {
  code: string
  /** In the language asked for. */
  label: string
  /** In the other language (NUTS-2 names are the same in both). */
  labelOther: string
}

export interface SearchOptions {
  language: Language
  /** At most this many hits; 20 unless given. */
  limit?: number
}

interface Indexed {
  code: string
  /** The code as typed queries are compared to it (NACE `29`, NUTS `ITC1`). */
  key: string
  /** Lower is more general: significant digits, NACE level, strategy order. */
  depth: number
  label: Bilingual
  /** Normalised label per language, then aliases (country names, S3 aliases). */
  texts: Readonly<Record<Language | 'aliases', Text>>
  /** All three texts joined: a token absent from it cannot match. */
  all: string
}

/** A normalised text with a space at each end, so word tests are plain substring searches. */
type Text = string

const FOLD: Readonly<Record<string, string>> = {
  ß: 'ss',
  æ: 'ae',
  œ: 'oe',
  ø: 'o',
  ł: 'l',
  đ: 'd',
  ð: 'd',
  þ: 'th',
  ı: 'i',
}

/** Lower case, accents and punctuation away: `Città d'Aosta` → `citta d aosta`. */
export function normaliseText(text: string): string {
  const lower = text.toLowerCase()
  const folded = /[^\u0020-\u007e]/.test(lower)
    ? lower
        .normalize('NFD')
        .replace(/\p{M}+/gu, '')
        .replace(/[ßæœøłđðþı]/g, (letter) => FOLD[letter] ?? letter)
    : lower
  return folded.replace(/[^\p{L}\p{N}]+/gu, ' ').trim()
}

function text(raw: string): Text {
  const normal = normaliseText(raw)
  return normal ? ` ${normal} ` : ''
}

function indexed(code: string, key: string, depth: number, label: Bilingual, aliases: readonly string[] = []): Indexed {
  const texts = { en: text(label.en), it: text(label.it), aliases: text(aliases.join(' ')) }
  return { code, key, depth, label, texts, all: texts.en + texts.it + texts.aliases }
}

/** 34121000 → 5; a division such as 30000000 keeps its two digits. */
function significantDigits(code: string): number {
  return Math.max(2, code.replace(/0+$/, '').length)
}

const BUILDERS: Record<TaxonomyKind, () => Indexed[]> = {
  cpv: () => CPV_ENTRIES.map((cpv) => indexed(cpv.code, cpv.code, significantDigits(cpv.code), cpv.label)),
  nace: () => NACE_ENTRIES.map((nace) => indexed(nace.code, nace.code, nace.kind === 'section' ? 1 : 2, nace.label)),
  nuts2: () =>
    Object.entries(NUTS2_REGIONS).map(([code, region]) => {
      const country = EU_COUNTRIES[region.country]
      return indexed(code, code, 0, { en: region.name, it: region.name }, country ? [country.en, country.it] : [])
    }),
  s3: () => S3_PRIORITY_DOMAINS.map((s3, i) => indexed(s3.code, s3.code, i, s3.label, s3.aliases)),
}

const indexes = new Map<TaxonomyKind, Indexed[]>()

/** In tie-break order (more general, then by code), so a position breaks ties. */
function indexOf(kind: TaxonomyKind): Indexed[] {
  let index = indexes.get(kind)
  if (!index) {
    index = BUILDERS[kind]().sort((a, b) => a.depth - b.depth || (a.code < b.code ? -1 : 1))
    indexes.set(kind, index)
  }
  return index
}

/** What a query means as a code of that taxonomy, or undefined when it cannot be one. */
function codeQuery(kind: TaxonomyKind, query: string): string | undefined {
  const compact = query.replace(/[\s.\-/]+/g, '').toUpperCase()
  if (!compact) return undefined
  switch (kind) {
    case 'cpv':
      // A ninth digit is the check digit of a code copied from a notice.
      return /^\d{1,9}$/.test(compact) ? compact.slice(0, 8) : undefined
    case 'nace':
      // A finer NACE or ATECO code (29.10) points at its division.
      if (/^\d+$/.test(compact)) return compact.slice(0, 2)
      return /^[A-Z]$/.test(compact) ? compact : undefined
    case 'nuts2':
      // People type Greece's ISO code; NUTS says EL.
      return /^[A-Z]{1,2}[0-9A-Z]{0,2}$/.test(compact) ? compact.replace(/^GR/, 'EL') : undefined
    case 's3':
      return normaliseText(query).replace(/ /g, '-') || undefined
  }
}

/** A query's normalised words, with the spaces that make word tests substring searches. */
interface Query {
  /** ` autobus pubblici` */
  start: string
  /** ` autobus `, ` pubblici ` */
  wholeWords: string[]
  /** ` autobus`, ` pubblici` */
  wordStarts: string[]
  /** `autobus`, `pubblici` */
  tokens: string[]
}

function parseQuery(phrase: string): Query | undefined {
  if (!phrase) return undefined
  const tokens = phrase.split(' ')
  return {
    start: ` ${phrase}`,
    wholeWords: tokens.map((token) => ` ${token} `),
    wordStarts: tokens.map((token) => ` ${token}`),
    tokens,
  }
}

function containsAll(text: string, parts: readonly string[]): boolean {
  for (const part of parts) if (!text.includes(part)) return false
  return true
}

/**
 * 2: the text starts with the query; 3: every word is a whole word; 4: a word
 * start; 5: anywhere; 6: no match. Tiers from `worst` on are not told apart.
 */
function textTier(text: Text, query: Query, worst = 6): number {
  if (!text) return 6
  if (text.startsWith(query.start)) return 2
  if (worst <= 3) return worst
  if (containsAll(text, query.wholeWords)) return 3
  if (worst <= 4) return worst
  if (containsAll(text, query.wordStarts)) return 4
  if (worst <= 5) return worst
  return containsAll(text, query.tokens) ? 5 : 6
}

/**
 * Rank of one entry for a query: tier first (exact code 0, code prefix 1, then
 * the text tiers), a match in the asked language before one only in the
 * other, then more general codes first.
 */
function rank(
  entry: Indexed,
  code: string | undefined,
  query: Query | undefined,
  language: Language,
): number | undefined {
  if (code !== undefined && entry.key === code) return 0
  if (code !== undefined && entry.key.startsWith(code)) return 2
  if (query === undefined || !containsAll(entry.all, query.tokens)) return undefined
  const asked = textTier(entry.texts[language], query)
  if (asked === 2) return 4
  // Only a strictly better tier elsewhere counts, so stop looking at the asked one.
  const other = entry.texts[language === 'it' ? 'en' : 'it']
  const elsewhere = Math.min(textTier(other, query, asked), textTier(entry.texts.aliases, query, asked))
  if (elsewhere < asked) return elsewhere * 2 + 1
  return asked === 6 ? undefined : asked * 2
}

/** An entry as pickers show it: its label in `language`, and in the other one. */
export function taxonomyHit(entry: { code: string; label: Bilingual }, language: Language): TaxonomyHit {
  return { code: entry.code, label: entry.label[language], labelOther: entry.label[language === 'it' ? 'en' : 'it'] }
}

/**
 * Entries of one taxonomy for a code picker: by code (digits or letters as
 * typed, with or without punctuation) and by the words of the labels in both
 * languages, ignoring case and accents. An empty query lists the most general
 * entries. The index is built on the first search of each taxonomy.
 */
export function searchTaxonomy(kind: TaxonomyKind, query: string, options: SearchOptions): TaxonomyHit[] {
  const { language } = options
  const limit = Math.max(0, Math.floor(options.limit ?? 20))
  const index = indexOf(kind)
  const words = parseQuery(normaliseText(query))
  const code = codeQuery(kind, query)
  const everything = words === undefined && code === undefined
  // One number per match, score then position: a native numeric sort, no comparator.
  const keys = new Float64Array(index.length)
  let matches = 0
  for (let position = 0; position < index.length; position++) {
    const score = everything ? 0 : rank(index[position]!, code, words, language)
    if (score !== undefined) keys[matches++] = score * index.length + position
  }
  const best = keys.subarray(0, matches).sort().subarray(0, limit)
  return Array.from(best, (key) => taxonomyHit(index[key % index.length]!, language))
}
