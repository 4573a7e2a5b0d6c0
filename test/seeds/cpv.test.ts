import t from 'tap'
import {
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
  type CpvLanguage,
} from '../../seeds/taxonomies/index.js'

t.test('the vocabulary holds the 9,454 codes of CPV 2008, unique, 8 digits, in code order', async (t) => {
  const codes = CPV_ENTRIES.map((entry) => entry.code)
  t.equal(codes.length, 9454)
  t.equal(new Set(codes).size, 9454)
  t.ok(codes.every((code) => /^\d{8}$/.test(code)))
  t.same(codes, [...codes].sort())
  t.equal(codes[0], '03000000')
  t.equal(codes.at(-1), '98910000')
})

t.test('the hierarchy has 45 divisions, 272 groups, 1,002 classes and 2,379 categories', async (t) => {
  const levels: Record<string, number> = {}
  for (const entry of CPV_ENTRIES) levels[entry.level] = (levels[entry.level] ?? 0) + 1
  t.same(levels, { division: 45, group: 272, class: 1002, category: 2379, subcategory: 5756 })
})

t.test('every code has an English and an Italian label', async (t) => {
  const missing = CPV_ENTRIES.filter((entry) => !entry.label.en.trim() || !entry.label.it.trim()).map(
    (entry) => entry.code,
  )
  t.same(missing, [])
  t.same(cpvByCode('34121000')?.label, { en: 'Buses and coaches', it: 'Autobus e pullman' })
  t.same(cpvByCode('45000000')?.label, { en: 'Construction work', it: 'Lavori di costruzione' })
  // Missing from the source in Italian; filled by the generator.
  t.equal(cpvByCode('03117140')?.label.it, 'Piante utilizzate per la preparazione di fungicidi o simili')
})

t.test('codes are found with or without the check digit of the official list, whatever that digit', async (t) => {
  // The source has no check digits, and official ones do not all follow the
  // published scheme (03300000-2, 72212100-0), so none is invented or checked.
  t.ok(CPV_ENTRIES.every((entry) => !('checkDigit' in entry) && entry.code.length === 8))
  t.equal(cpvByCode('34121000-1')?.code, '34121000')
  t.equal(cpvByCode(' 45000000 - 7 ')?.code, '45000000')
  t.equal(cpvByCode('03300000-2')?.code, '03300000')
  t.equal(cpvByCode('722121000')?.code, '72212100')
  t.equal(normaliseCpvCode('34121000-1'), '34121000')
  for (const bad of ['3412100', '34121000-12', 'abc', '', '34121000x']) t.equal(cpvByCode(bad), undefined, bad)
  t.equal(cpvByCode('99999999'), undefined, 'well formed but not in the vocabulary')
})

t.test('division, group, class and category are the leading significant digits', async (t) => {
  t.same(
    [cpvDivision('34121000'), cpvGroup('34121000'), cpvClass('34121000'), cpvCategory('34121000')],
    ['34', '341', '3412', '34121'],
  )
  t.same([cpvDivision('34121100-3'), cpvCategory('34121100-3')], ['34', '34121'])
  t.same(
    [cpvDivision('34100000'), cpvGroup('34100000'), cpvClass('34100000'), cpvCategory('34100000')],
    ['34', '341', undefined, undefined],
  )
  t.same([cpvDivision('03000000'), cpvGroup('03000000')], ['03', undefined])
  t.same(
    [cpvLevel('34000000'), cpvLevel('34100000'), cpvLevel('34120000'), cpvLevel('34121000'), cpvLevel('34121100')],
    ['division', 'group', 'class', 'category', 'subcategory'],
  )
  t.equal(cpvDivision('not a code'), undefined)
})

t.test('proximity is the most specific level two codes share', async (t) => {
  t.equal(cpvProximity('34121000', '34121000-1'), 'same')
  t.equal(cpvProximity('34121000', '34121100'), 'category')
  t.equal(cpvProximity('34121100', '34121200'), 'category')
  t.equal(cpvProximity('34121000', '34120000'), 'class')
  t.equal(cpvProximity('34121000', '34122000'), 'class')
  t.equal(cpvProximity('34121000', '34110000'), 'group')
  t.equal(cpvProximity('34100000', '34121000'), 'group', 'an ancestor shares its own level')
  t.equal(cpvProximity('34121000', '34200000'), 'division')
  t.equal(cpvProximity('34000000', '34121000'), 'division')
  t.equal(cpvProximity('34121000', '45000000'), 'none')
  t.equal(cpvProximity('03000000', '30000000'), 'none', 'leading zeros are significant')
  t.equal(cpvProximity('34121000', 'bus'), 'none')
  const sample = ['34121000', '34121100', '34120000', '34100000', '34000000', '45210000', '03000000']
  for (const a of sample)
    for (const b of sample) t.equal(cpvProximity(a, b), cpvProximity(b, a), `${a} ~ ${b} is symmetric`)
})

t.test('a parent is the nearest ancestor present in the vocabulary', async (t) => {
  t.equal(cpvParent('34121100')?.code, '34121000')
  t.equal(cpvParent('34121000')?.code, '34120000')
  t.equal(cpvParent('39254000')?.code, '39200000', '39250000 is not a CPV code')
  t.equal(cpvParent('34000000'), undefined)
})

t.test('labels load in every EU language the source translates', async (t) => {
  t.equal(CPV_LANGUAGES.length, 23)
  t.notOk((CPV_LANGUAGES as readonly string[]).includes('ga'), 'the source repeats English as Irish')
  const de = await loadCpvLabels('de')
  t.equal(de.get('34121000'), 'Busse')
  t.equal((await loadCpvLabels('fr')).get('45000000'), 'Travaux de construction')
  t.equal((await loadCpvLabels('it')).get('34121000'), 'Autobus e pullman')
  t.equal(await loadCpvLabels('de'), de, 'each language is read once')
  for (const language of CPV_LANGUAGES) {
    const labels = await loadCpvLabels(language)
    t.ok(labels.size >= 9453, `${language}: ${labels.size} labels`)
  }
  t.equal((await loadCpvLabels('hu')).has('03117140'), false, 'untranslated codes are absent')
  await t.rejects(loadCpvLabels('ga' as CpvLanguage), RangeError)
})
