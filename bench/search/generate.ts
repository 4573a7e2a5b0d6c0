/**
 * Deterministic synthetic catalogue: SMEs and their offers in Italian and
 * English, with real CPV divisions, NACE codes, regions and TRLs.
 */

export function prng(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const pick = <T>(random: () => number, items: readonly T[]): T => items[Math.floor(random() * items.length)]!

export const TOPICS = [
  {
    cpv: ['34121000', '34144900'],
    nace: '29.10',
    s3: 'sustainable-mobility',
    it: ['autobus', 'elettrici', 'ricarica', 'mobilità', 'batterie'],
    en: ['buses', 'electric', 'charging', 'mobility', 'batteries'],
  },
  {
    cpv: ['38424000', '38430000'],
    nace: '26.51',
    s3: 'advanced-manufacturing',
    it: ['sensori', 'misura', 'vibrazioni', 'manutenzione', 'predittiva'],
    en: ['sensors', 'measurement', 'vibration', 'maintenance', 'predictive'],
  },
  {
    cpv: ['48000000', '72212000'],
    nace: '62.01',
    s3: 'advanced-manufacturing',
    it: ['software', 'piattaforma', 'dati', 'analisi', 'cloud'],
    en: ['software', 'platform', 'data', 'analytics', 'cloud'],
  },
  {
    cpv: ['44619000', '39222000'],
    nace: '22.22',
    s3: 'green-technologies',
    it: ['imballaggi', 'compostabili', 'alimenti', 'riciclo', 'bioplastiche'],
    en: ['packaging', 'compostable', 'food', 'recycling', 'bioplastics'],
  },
  {
    cpv: ['42997300', '42990000'],
    nace: '28.41',
    s3: 'advanced-manufacturing',
    it: ['robot', 'collaborativi', 'assemblaggio', 'automazione', 'attuatori'],
    en: ['robots', 'collaborative', 'assembly', 'automation', 'actuators'],
  },
  {
    cpv: ['35600000', '34700000'],
    nace: '30.30',
    s3: 'aerospace',
    it: ['satelliti', 'compositi', 'strutture', 'spazio', 'lanciatori'],
    en: ['satellites', 'composites', 'structures', 'space', 'launchers'],
  },
  {
    cpv: ['80550000', '80500000'],
    nace: '85.59',
    s3: 'health',
    it: ['formazione', 'sicurezza', 'corsi', 'cantieri', 'certificazione'],
    en: ['training', 'safety', 'courses', 'construction', 'certification'],
  },
  {
    cpv: ['33100000', '33140000'],
    nace: '32.50',
    s3: 'health',
    it: ['dispositivi', 'medicali', 'diagnostica', 'ospedali', 'monouso'],
    en: ['devices', 'medical', 'diagnostics', 'hospitals', 'disposable'],
  },
  {
    cpv: ['09330000', '31121000'],
    nace: '35.11',
    s3: 'green-technologies',
    it: ['fotovoltaico', 'energia', 'solare', 'accumulo', 'rinnovabile'],
    en: ['photovoltaic', 'energy', 'solar', 'storage', 'renewable'],
  },
  {
    cpv: ['15800000', '15300000'],
    nace: '10.89',
    s3: 'food',
    it: ['alimentare', 'conserve', 'biologico', 'filiera', 'nocciole'],
    en: ['food', 'preserves', 'organic', 'supply chain', 'hazelnuts'],
  },
  {
    cpv: ['19200000', '18100000'],
    nace: '13.20',
    s3: 'advanced-manufacturing',
    it: ['tessuti', 'tecnici', 'abbigliamento', 'lana', 'protezione'],
    en: ['fabrics', 'technical', 'workwear', 'wool', 'protective'],
  },
  {
    cpv: ['45300000', '45400000'],
    nace: '43.21',
    s3: 'green-technologies',
    it: ['impianti', 'edifici', 'efficienza', 'ristrutturazione', 'isolamento'],
    en: ['installations', 'buildings', 'efficiency', 'renovation', 'insulation'],
  },
] as const

const REGIONS = [
  'ITC1',
  'ITC1',
  'ITC1',
  'ITC1',
  'ITC4',
  'ITH3',
  'ITH5',
  'ITI1',
  'DE21',
  'FR10',
  'ES51',
  'AT13',
] as const
const SIZES = ['micro', 'small', 'small', 'medium'] as const

export interface GeneratedOrganisation {
  legalName: string
  nuts2: string
  country: string
  sizeClass: (typeof SIZES)[number]
}

export interface GeneratedOffer {
  organisationIndex: number
  title: string
  description: string
  language: 'it' | 'en'
  cpvMain: string
  cpvExtra: string[]
  naceCode: string
  s3Domain: string
  trl: number
  keywords: string[]
}

export function generateCatalogue(offerCount: number, seed = 42) {
  const random = prng(seed)
  const organisationCount = Math.max(1, Math.round(offerCount / 25))
  const organisations: GeneratedOrganisation[] = Array.from({ length: organisationCount }, (_, i) => {
    const nuts2 = pick(random, REGIONS)
    return { legalName: `Impresa ${i + 1} S.r.l.`, nuts2, country: nuts2.slice(0, 2), sizeClass: pick(random, SIZES) }
  })
  const offers: GeneratedOffer[] = Array.from({ length: offerCount }, () => {
    const topic = pick(random, TOPICS)
    const language = random() < 0.6 ? 'it' : 'en'
    const words = topic[language]
    const [a, b, c, d, e] = [0, 1, 2, 3, 4].map(() => pick(random, words))
    const title = language === 'it' ? `${cap(a!)} e ${b} per ${c}` : `${cap(a!)} and ${b} for ${c}`
    const description =
      language === 'it'
        ? `Offriamo ${a} e ${b} con ${d}. Soluzioni per ${e} e ${c}, con assistenza in tutta Europa.`
        : `We offer ${a} and ${b} with ${d}. Solutions for ${e} and ${c}, with support across Europe.`
    return {
      organisationIndex: Math.floor(random() * organisationCount),
      title,
      description,
      language,
      cpvMain: topic.cpv[0],
      cpvExtra: random() < 0.5 ? [topic.cpv[1]] : [],
      naceCode: topic.nace,
      s3Domain: topic.s3,
      trl: 1 + Math.floor(random() * 9),
      keywords: [a!, d!],
    }
  })
  return { organisations, offers }
}

/** A realistic query: one or two words of a topic, two filters, sometimes a typo or a prefix. */
export function generateQuery(random: () => number): string {
  const topic = pick(random, TOPICS)
  const words = topic[random() < 0.6 ? 'it' : 'en']
  let q = random() < 0.5 ? pick(random, words) : `${pick(random, words)} ${pick(random, words)}`
  if (random() < 0.2) q = q.slice(0, Math.max(3, q.length - 3))
  const filters = [
    `cpv=${topic.cpv[0].slice(0, 2)}`,
    `region=${pick(random, ['IT', 'ITC1', 'DE'])}`,
    `trlMin=${1 + Math.floor(random() * 5)}`,
    `sizeClass=${pick(random, SIZES)}`,
  ]
  const chosen = filters.sort(() => random() - 0.5).slice(0, 2)
  return `q=${encodeURIComponent(q)}&${chosen.join('&')}`
}

function cap(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1)
}
