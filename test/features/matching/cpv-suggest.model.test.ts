import t from 'tap'
import { CPV_ENTRIES } from '../../../seeds/taxonomies/index.js'
import {
  cpvProfile,
  declaredProfile,
  profileSimilarity,
  rankSuggestions,
  smoothProfile,
  suggestCpv,
  termsOf,
} from '../../../server/features/matching/cpv-suggest.model.js'
import { stem } from '../../../server/features/matching/matching.text.js'

const codes = async (title: string, description: string, language: string) =>
  (await suggestCpv({ title, description, language }, { limit: 3 })).map((s) => s.code)

t.test('an Italian text about electric buses suggests the electric-bus code first', async (t) => {
  t.equal(
    (
      await codes(
        'Fornitura di autobus elettrici',
        'Autobus urbani a batteria con ricarica in deposito per il trasporto pubblico.',
        'it',
      )
    )[0],
    '34144910',
  )
})

t.test('the same need in English suggests the same code', async (t) => {
  t.equal(
    (
      await codes(
        'Supply of electric buses',
        'Battery electric buses for urban public transport, with depot charging.',
        'en',
      )
    )[0],
    '34144910',
  )
})

t.test('French and German texts are read against their own CPV labels', async (t) => {
  t.equal(
    (
      await codes('Fourniture de matériel informatique', 'Ordinateurs portables et imprimantes pour les écoles.', 'fr')
    )[0]?.slice(0, 3),
    '302',
    'computer equipment',
  )
  t.ok(
    (await codes('Lieferung von Büromöbeln', 'Schreibtische und Bürostühle für die Verwaltung.', 'de')).includes(
      '39130000',
    ),
    'office furniture',
  )
  t.equal(
    (await codes('Servizi di pulizia degli uffici', 'Pulizia giornaliera di uffici e locali comunali.', 'it'))[0],
    '90919200',
    'office cleaning',
  )
})

t.test('confidences are between 0 and 1, best first; a text with no known word gets no suggestion', async (t) => {
  const suggestions = await suggestCpv({ title: 'Supply of electric buses', description: '', language: 'en' })
  t.ok(suggestions.length >= 2, `${suggestions.length} suggestions to compare`)
  t.ok(
    suggestions.every(
      (s, i) => s.confidence > 0 && s.confidence <= 1 && (i === 0 || s.confidence <= suggestions[i - 1]!.confidence),
    ),
  )
  t.same(await suggestCpv({ title: 'xyzzy qwrtp', description: '', language: 'en' }), [])
})

t.test(
  'an Italian and an English text on one subject sit closer in the CPV tree than two subjects in one language',
  async (t) => {
    const busIt = await cpvProfile({
      title: 'Autobus elettrici',
      description: 'Autobus urbani a batteria per il trasporto pubblico.',
      language: 'it',
    })
    const busEn = await cpvProfile({
      title: 'Electric buses',
      description: 'Battery buses for urban public transport.',
      language: 'en',
    })
    const cleaningEn = await cpvProfile({
      title: 'Office cleaning',
      description: 'Daily cleaning of offices.',
      language: 'en',
    })
    t.ok(profileSimilarity(busIt, busEn) > profileSimilarity(busEn, cleaningEn))
    t.ok(
      profileSimilarity(busEn, declaredProfile(['34121000'])) >
        profileSimilarity(cleaningEn, declaredProfile(['34121000'])),
    )
  },
)

t.test('stems drop inflections but keep words apart that a five-letter prefix would merge', async (t) => {
  t.equal(stem('elettrici'), stem('elettrico'))
  t.equal(stem('buses'), 'bus')
  t.not(stem('servizi'), stem('servire'))
  t.not(stem('lieferung'), stem('lieferwagen'), 'a delivery is not a van')
})

t.test('in a compounding language a long word also counts as the label word it ends with', async (t) => {
  t.same(termsOf('Sicherheitsdienstleistungen', new Set(['dienstl'])), ['sicherh', 'dienstl'])
  t.same(termsOf('Sicherheitsdienstleistungen'), ['sicherh'], 'no split without the labels’ words')
  t.same(termsOf('Kantoor', new Set(['kantoor'])), ['kantoor'], 'short words are not split')
})

t.test('German, Dutch and Finnish furniture supplies are read as furniture', async (t) => {
  t.equal(
    (await codes('Lieferung von Schulmöbeln', '', 'de'))[0],
    '39160000',
    'school furniture, not vans (Lieferwagen)',
  )
  t.ok(
    (await codes('Levering van kantoormeubilair', '', 'nl')).includes('39130000'),
    'office furniture, from the compound’s head',
  )
  t.ok(
    (await codes('Toimistokalusteiden hankinta', '', 'fi')).includes('39130000'),
    'office furniture, from an inflected compound',
  )
})

t.test('agreement at the division counts double: two codes sharing only it are half alike', async (t) => {
  t.equal(profileSimilarity(declaredProfile(['34121000']), declaredProfile(['34121000'])), 1)
  t.equal(
    profileSimilarity(declaredProfile(['34121000']), declaredProfile(['34900000'])),
    0.5,
    'same division 34, other group',
  )
  t.equal(
    profileSimilarity(declaredProfile(['34121000']), declaredProfile(['34131000'])),
    0.75,
    'same group 341, other class',
  )
  t.equal(profileSimilarity(declaredProfile(['34121000']), declaredProfile(['90919200'])), 0)
})

t.test('a profile smoothed with its neighbours moves toward their branch, the closer neighbour more', async (t) => {
  const own = {
    levels: [
      new Map([
        ['34', 0.8],
        ['90', 0.6],
      ]),
      new Map([
        ['341', 0.8],
        ['909', 0.6],
      ]),
      new Map([
        ['3412', 0.8],
        ['9091', 0.6],
      ]),
    ],
  }
  const cleaning = declaredProfile(['90919200'])
  const buses = declaredProfile(['34121000'])
  const unchanged = smoothProfile(own, [])
  t.same(
    unchanged.levels.map((l) => [...l.keys()]),
    own.levels.map((l) => [...l.keys()]),
    'no neighbours, same branches',
  )
  t.ok(Math.abs(unchanged.levels[0]!.get('34')! - 0.8) < 1e-9, 'and the same weights')
  const smoothed = smoothProfile(own, [{ profile: cleaning, similarity: 0.9 }])
  t.ok(profileSimilarity(smoothed, cleaning) > profileSimilarity(own, cleaning), 'closer to the neighbour’s branch')
  t.ok(profileSimilarity(smoothed, buses) < profileSimilarity(own, buses), 'further from the other')
  const close = smoothProfile(own, [
    { profile: cleaning, similarity: 0.9 },
    { profile: buses, similarity: 0.3 },
  ])
  t.ok(close.levels[0]!.get('90')! > close.levels[0]!.get('34')!, 'a close neighbour outweighs a loose one')
  const unrelated = smoothProfile(own, [{ profile: cleaning, similarity: 0 }])
  t.ok(Math.abs(unrelated.levels[0]!.get('34')! - 0.8) < 1e-9, 'a neighbour with nothing in common changes nothing')
  for (const level of smoothed.levels) t.ok(Math.abs(Math.hypot(...level.values()) - 1) < 1e-9, 'unit length per level')
})

t.test(
  'the lead suggestion comes from the division holding the most evidence, not from the single best code',
  async (t) => {
    const at = (code: string) => CPV_ENTRIES.findIndex((e) => e.code === code)
    const scores = new Map([
      [at('44810000'), 1],
      [at('45410000'), 0.7],
      [at('45442100'), 0.7],
      [at('45262100'), 0.7],
    ])
    const ranked = rankSuggestions(scores, 4)
    t.equal(ranked[0]?.code.slice(0, 2), '45', 'three building works outweigh one paint')
    t.same(
      ranked.map((s) => s.code).sort(),
      ['44810000', '45262100', '45410000', '45442100'],
      'every code is still suggested',
    )
    t.ok(
      ranked.every(
        (s, i) => s.confidence > 0 && s.confidence <= 1 && (i === 0 || s.confidence <= ranked[i - 1]!.confidence),
      ),
      'confidence never rises down the list',
    )
    t.equal(
      rankSuggestions(
        new Map([
          [at('44810000'), 1],
          [at('45410000'), 0.6],
        ]),
        2,
      )[0]?.code,
      '44810000',
      'a stronger code alone in its division still leads',
    )
    const tail = CPV_ENTRIES.filter((e) => e.code.startsWith('45'))
      .slice(0, 10)
      .map((e) => [at(e.code), 0.25] as const)
    t.equal(
      rankSuggestions(new Map([[at('44810000'), 1], ...tail]), 3)[0]?.code,
      '44810000',
      'a long tail of weak hits does not outweigh one strong one',
    )
  },
)
