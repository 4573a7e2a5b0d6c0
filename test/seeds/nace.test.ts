import t from 'tap'
import { NACE_DIVISIONS, NACE_ENTRIES, NACE_SECTIONS, naceByCode, naceSection } from '../../seeds/taxonomies/index.js'

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from + 1 }, (_, i) => String(from + i).padStart(2, '0'))
}

t.test('NACE Rev. 2 has 21 sections, A to U', async (t) => {
  t.equal(NACE_SECTIONS.length, 21)
  t.same(NACE_SECTIONS.map((section) => section.code).join(''), 'ABCDEFGHIJKLMNOPQRSTU')
  t.ok(NACE_SECTIONS.every((section) => section.kind === 'section' && section.section === section.code))
})

t.test('NACE Rev. 2 has 88 divisions, in their sections', async (t) => {
  const expected: Record<string, string[]> = {
    A: range(1, 3),
    B: range(5, 9),
    C: range(10, 33),
    D: ['35'],
    E: range(36, 39),
    F: range(41, 43),
    G: range(45, 47),
    H: range(49, 53),
    I: range(55, 56),
    J: range(58, 63),
    K: range(64, 66),
    L: ['68'],
    M: range(69, 75),
    N: range(77, 82),
    O: ['84'],
    P: ['85'],
    Q: range(86, 88),
    R: range(90, 93),
    S: range(94, 96),
    T: range(97, 98),
    U: ['99'],
  }
  t.equal(NACE_DIVISIONS.length, 88)
  const actual: Record<string, string[]> = {}
  for (const division of NACE_DIVISIONS) (actual[division.section] ??= []).push(division.code)
  t.same(actual, expected)
  t.equal(NACE_ENTRIES.length, 109)
})

t.test('every section and division has an English and an Italian (ATECO 2007) label', async (t) => {
  t.same(
    NACE_ENTRIES.filter((nace) => !nace.label.en || !nace.label.it).map((nace) => nace.code),
    [],
  )
  t.same(naceByCode('62')?.label, {
    en: 'Computer programming, consultancy and related activities',
    it: 'Produzione di software, consulenza informatica e attività connesse',
  })
  t.same(naceByCode('C')?.label, { en: 'Manufacturing', it: 'Attività manifatturiere' })
  t.equal(naceByCode('29')?.label.it, 'Fabbricazione di autoveicoli, rimorchi e semirimorchi')
  t.equal(new Set(NACE_DIVISIONS.map((division) => division.label.en)).size, 88, 'no label repeated by mistake')
})

t.test('a code finds its section: divisions, finer ATECO codes and letters', async (t) => {
  t.equal(naceSection('29'), 'C')
  t.equal(naceSection('29.10.00'), 'C')
  t.equal(naceSection('62.01'), 'J')
  t.equal(naceSection('01'), 'A')
  t.equal(naceSection('99'), 'U')
  t.equal(naceSection('c'), 'C')
  for (const unknown of ['04', '34', '40', 'V', '', '2']) t.equal(naceSection(unknown), undefined, unknown)
  t.equal(naceByCode('c')?.code, 'C')
  t.equal(naceByCode('62.01'), undefined, 'a lookup is exact')
})
