import t from 'tap'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { attachment, csvFile, slug, xlsxFile } from '../../server/infra/spreadsheets.js'
import { parseCsv } from '../../server/features/participation/targeting.model.js'

const table = {
  columns: ['name', 'valueEur', 'signedOn', 'since', 'included', 'note'],
  rows: [
    {
      name: 'Città Meccanica S.r.l.',
      valueEur: 1234.5,
      signedOn: '2026-03-02',
      since: '2026-03-02T09:30:00.000Z',
      included: true,
      note: null,
    },
    { name: 'Nordbahn; GmbH', valueEur: 70, signedOn: null, since: null, included: false, note: 'a "quoted" word' },
  ],
}

t.test('CSV for English Excel: byte-order mark, commas, decimal point, TRUE/FALSE', async (t) => {
  const file = csvFile(table, 'en')
  t.same([...file.subarray(0, 3)], [0xef, 0xbb, 0xbf])
  const rows = parse(file, { bom: true, columns: true }) as Record<string, string>[]
  t.same(rows[0], {
    name: 'Città Meccanica S.r.l.',
    valueEur: '1234.5',
    signedOn: '2026-03-02',
    since: '2026-03-02T09:30:00.000Z',
    included: 'TRUE',
    note: '',
  })
  t.same([rows[1]!.name, rows[1]!.included, rows[1]!.note], ['Nordbahn; GmbH', 'FALSE', 'a "quoted" word'])
})

t.test(
  'CSV for Italian Excel: semicolons, decimal comma, VERO/FALSO, and a semicolon in a name stays in its cell',
  async (t) => {
    const file = csvFile(table, 'it')
    const text = file.toString('utf8')
    t.match(text.split('\r\n')[0], /^\uFEFFname;valueEur;signedOn/)
    const rows = parse(file, { bom: true, columns: true, delimiter: ';' }) as Record<string, string>[]
    t.same(
      rows.map((r) => [r.name, r.valueEur, r.included]),
      [
        ['Città Meccanica S.r.l.', '1234,5', 'VERO'],
        ['Nordbahn; GmbH', '70', 'FALSO'],
      ],
    )
  },
)

t.test('an Italian CSV export reads back through the targeting import', async (t) => {
  const file = csvFile(
    { columns: ['legalName', 'kind', 'country'], rows: [{ legalName: 'Òttica Ferri', kind: 'sme', country: 'IT' }] },
    'it',
  )
  t.same(parseCsv(file.toString('utf8')), [{ legalName: 'Òttica Ferri', kind: 'sme', country: 'IT' }])
})

t.test('XLSX: typed cells, frozen bold header, fitted widths', async (t) => {
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load((await xlsxFile([['contracts', table]])) as unknown as ArrayBuffer)
  const sheet = workbook.getWorksheet('contracts')!
  const row = sheet.getRow(2)
  t.equal(row.getCell(2).value, 1234.5)
  t.equal(row.getCell(2).numFmt, '#,##0.00')
  t.same(row.getCell(3).value, new Date('2026-03-02T00:00:00Z'))
  t.equal(row.getCell(3).numFmt, 'yyyy-mm-dd')
  t.same(row.getCell(4).value, new Date('2026-03-02T09:30:00.000Z'))
  t.equal(row.getCell(5).value, true)
  t.equal(row.getCell(6).value, null, 'an empty value is an empty cell')
  t.equal(sheet.getRow(3).getCell(5).value, false)
  t.match(sheet.views[0], { state: 'frozen', ySplit: 1 })
  t.equal(sheet.getRow(1).font?.bold, true)
  t.ok(sheet.getColumn(1).width! >= 'Città Meccanica S.r.l.'.length)
})

t.test('file names say what the file holds and when it was made', async (t) => {
  t.equal(slug('Connecting SMEs – Città di Torino 2026'), 'connecting-smes-citta-di-torino-2026')
  t.equal(slug('!!!'), 'export')
  t.equal(
    attachment(['Connecting SMEs 2026', 'kpis', 'contracts'], '2026-12-07', 'csv'),
    'attachment; filename="connecting-smes-2026-kpis-contracts-2026-12-07.csv"',
  )
})
