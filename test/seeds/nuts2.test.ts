import t from 'tap'
import { EU_COUNTRIES, ITALIAN_NUTS2, NUTS2_REGIONS, isNuts2 } from '../../seeds/taxonomies/index.js'

t.test('the EU-27 has 242 NUTS-2 regions in NUTS 2021', async (t) => {
  const counts: Record<string, number> = {}
  for (const region of Object.values(NUTS2_REGIONS)) counts[region.country] = (counts[region.country] ?? 0) + 1
  t.same(counts, {
    AT: 9,
    BE: 11,
    BG: 6,
    CY: 1,
    CZ: 8,
    DE: 38,
    DK: 5,
    EE: 1,
    ES: 19,
    FI: 5,
    FR: 27,
    GR: 13,
    HR: 4,
    HU: 8,
    IE: 3,
    IT: 21,
    LT: 2,
    LU: 1,
    LV: 1,
    MT: 1,
    NL: 12,
    PL: 17,
    PT: 7,
    RO: 8,
    SE: 8,
    SI: 2,
    SK: 4,
  })
  t.equal(Object.keys(NUTS2_REGIONS).length, 242)
})

t.test('every code is two letters and two characters, under its country', async (t) => {
  for (const [code, region] of Object.entries(NUTS2_REGIONS)) {
    t.match(code, /^[A-Z]{2}[0-9A-Z]{2}$/)
    t.equal(region.country, code.startsWith('EL') ? 'GR' : code.slice(0, 2), code)
    t.ok(region.name.trim(), `${code} has a name`)
  }
  t.same(
    Object.keys(EU_COUNTRIES).sort(),
    [...new Set(Object.values(NUTS2_REGIONS).map((region) => region.country))].sort(),
  )
})

t.test("Greece's EL regions are in country GR", async (t) => {
  t.same(NUTS2_REGIONS.EL30, { name: 'Attiki', country: 'GR' })
  t.notOk(Object.values(NUTS2_REGIONS).some((region) => region.country === 'EL'))
})

t.test("Italy's 21 regions are the ones the server already uses", async (t) => {
  const italian = Object.fromEntries(
    Object.entries(NUTS2_REGIONS)
      .filter(([, region]) => region.country === 'IT')
      .map(([code, region]) => [code, region.name]),
  )
  t.same(italian, ITALIAN_NUTS2)
  t.equal(Object.keys(italian).length, 21)
  t.equal(NUTS2_REGIONS.ITC1?.name, 'Piemonte')
})

t.test('regions that NUTS 2021 changed carry their 2021 codes', async (t) => {
  t.same(
    ['NL35', 'NL36', 'FI1B', 'FI1C', 'FI1D', 'HR02', 'HR05', 'HR06', 'LT01', 'IE06', 'PL91', 'PL92'].filter(
      (code) => !isNuts2(code),
    ),
    [],
  )
  t.same(['NL31', 'NL33', 'HR04', 'IE01', 'PL12', 'LT00', 'FI1A', 'PT19'].filter(isNuts2), [])
})

t.test('isNuts2 accepts EU-27 NUTS-2 codes only', async (t) => {
  t.ok(isNuts2('ITC1'))
  t.ok(isNuts2('FRY5'))
  for (const code of ['itc1', 'ITC', 'ITC11', 'ITZZ', 'UKI3', 'CH01', 'toString', '']) t.notOk(isNuts2(code), code)
})
