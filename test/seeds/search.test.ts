import t from 'tap'
import { normaliseText, searchTaxonomy, type Language, type TaxonomyKind } from '../../seeds/taxonomies/index.js'

function codes(kind: TaxonomyKind, query: string, language: Language, limit?: number): string[] {
  return searchTaxonomy(kind, query, { language, limit }).map((hit) => hit.code)
}

t.test('text is compared without case, accents or punctuation', async (t) => {
  t.equal(normaliseText("Valle d'Aosta/Vallée d'Aoste"), 'valle d aosta vallee d aoste')
  t.equal(normaliseText('CITTÀ'), 'citta')
  t.equal(normaliseText('Łódzkie, Gießen, Sjælland'), 'lodzkie giessen sjaelland')
})

t.test('an exact CPV code comes first, typed with or without its check digit', async (t) => {
  t.same(codes('cpv', '34121000', 'en'), ['34121000'])
  t.same(codes('cpv', '34121000-1', 'it'), ['34121000'])
  t.same(codes('cpv', '34121000 - 1', 'it'), ['34121000'])
})

t.test('a code prefix lists that branch, more general codes first', async (t) => {
  t.same(codes('cpv', '3412', 'it'), [
    '34120000',
    '34121000',
    '34121100',
    '34121200',
    '34121300',
    '34121400',
    '34121500',
  ])
  t.same(codes('cpv', '34', 'en', 3), ['34000000', '34100000', '34200000'])
})

t.test('buses are found in both languages: autobus, buses, bus', async (t) => {
  t.equal(codes('cpv', 'autobus', 'it')[0], '34121000')
  t.equal(codes('cpv', 'buses', 'en')[0], '34121000')
  t.equal(codes('cpv', 'autobus', 'en')[0], '34121000', 'an Italian word finds the entry for an English reader')
  t.ok(codes('cpv', 'bus', 'en').includes('34121000'))
  t.ok(codes('cpv', 'bus', 'it').includes('34121000'))
  t.same(searchTaxonomy('cpv', 'autobus', { language: 'en', limit: 1 }), [
    { code: '34121000', label: 'Buses and coaches', labelOther: 'Autobus e pullman' },
  ])
})

t.test('a label starting with the query ranks before a whole word, before a part of a word', async (t) => {
  // Pullman; Autobus e pullman (word); Noleggio di autobus e pullman… (word, more specific)
  t.same(codes('cpv', 'pullman', 'it'), ['34121500', '34121000', '60172000'])
  t.same(codes('cpv', 'pulizia edifici', 'it'), ['90911000', '90911200'])
})

t.test('within a tier, matches in the language asked for come first', async (t) => {
  const it = searchTaxonomy('cpv', 'bus', { language: 'it', limit: 3 })
  t.same(
    it.map((hit) => hit.label),
    ['Bussole geologiche', 'Buste imbottite', 'Bustine di tè'],
  )
  t.equal(
    codes('cpv', 'bus', 'en')[0],
    '79000000',
    'Business services, the most general English label starting with bus',
  )
})

t.test('accents do not matter: città and citta find the same entries', async (t) => {
  const accented = codes('cpv', 'città', 'it')
  t.same(accented, ['18812300', '18813300'])
  t.same(codes('cpv', 'citta', 'en'), accented)
  t.same(codes('cpv', 'CITTÀ', 'en'), accented)
})

t.test('an empty query lists the most general entries; a limit is honoured', async (t) => {
  const divisions = codes('cpv', '', 'en', 45)
  t.equal(divisions.length, 45)
  t.ok(divisions.every((code) => code.endsWith('000000')))
  t.equal(divisions[0], '03000000')
  t.equal(codes('cpv', 'servizi', 'it').length, 20)
  t.equal(codes('cpv', 'servizi', 'it', 5).length, 5)
  t.same(codes('cpv', 'xqzw', 'it'), [])
})

t.test('NACE is searched by section letter, division or finer code, and words', async (t) => {
  t.equal(codes('nace', 'c', 'it')[0], 'C')
  t.same(codes('nace', '29.10', 'en'), ['29'])
  t.same(codes('nace', '2', 'en'), ['20', '21', '22', '23', '24', '25', '26', '27', '28', '29'])
  t.same(codes('nace', 'software', 'it'), ['62'])
  t.same(searchTaxonomy('nace', 'manifatturiere', { language: 'en' }), [
    { code: 'C', label: 'Manufacturing', labelOther: 'Attività manifatturiere' },
    { code: '32', label: 'Other manufacturing', labelOther: 'Altre industrie manifatturiere' },
  ])
})

t.test('NUTS-2 is searched by code, region name and country name', async (t) => {
  t.same(codes('nuts2', 'ITC', 'it'), ['ITC1', 'ITC2', 'ITC3', 'ITC4'])
  t.same(codes('nuts2', 'piemonte', 'en'), ['ITC1'])
  t.same(codes('nuts2', 'aosta', 'en'), ['ITC2'])
  t.same(codes('nuts2', 'lodz', 'en'), ['PL71'])
  const greek = codes('nuts2', 'gr', 'en', 13)
  t.ok(
    greek.length === 13 && greek.every((code) => code.startsWith('EL')),
    'the ISO code of Greece finds its EL regions first',
  )
  t.equal(codes('nuts2', 'germania', 'it', 50).length, 38)
  t.same(searchTaxonomy('nuts2', 'ITC1', { language: 'it' }), [
    { code: 'ITC1', label: 'Piemonte', labelOther: 'Piemonte' },
  ])
})

t.test('S3 domains are searched by label in both languages and by their former names', async (t) => {
  t.same(codes('s3', 'salute', 'en'), ['health'])
  t.same(codes('s3', 'automotive', 'it'), ['sustainable-mobility'])
  t.same(codes('s3', 'mobilita', 'en'), ['sustainable-mobility'])
  t.same(codes('s3', '', 'it'), [
    'aerospace',
    'sustainable-mobility',
    'advanced-manufacturing',
    'green-technologies',
    'food',
    'health',
  ])
})
