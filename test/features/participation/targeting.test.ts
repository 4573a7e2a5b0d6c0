import t from 'tap'
import ExcelJS from 'exceljs'
import { build } from '../../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { createEdition, createEvent } from '../../helpers/builders.js'

const CSV = [
  'Ragione sociale;Tipo;Paese;Regione;Partita IVA;Email;Stato',
  'Meccanica Fine S.r.l.;PMI;IT;ITC1;IT 01234567806;ceo@meccanica.example;targeted',
  'Nordbahn GmbH;buyer;DE;DE21;DE123456789;;invited',
  ';sme;IT;ITC1;;;',
  'Robotica Srl;sme;IT;ITZ9;IT01234567807;not-an-email;selected',
  '',
].join('\n')

async function setUp(app: Awaited<ReturnType<typeof build>>) {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId, {
    kpiTargets: {
      events: 1,
      smesInvolved: 1,
      buyersOutsideTargeted: 1,
      buyersOutsideInvolved: 1,
      contracts: 1,
      turnoverChangePct: 1,
      exportChangePct: 1,
    },
  })
  const event = await createEvent(organiser, edition.id, {
    name: 'MtB',
    days: [{ date: '2027-03-10', sessions: [{ name: 'm', start: '09:00', end: '11:00' }] }],
  })
  return { organiser, event }
}

t.test('a targeting list is previewed row by row, then only its valid rows are imported', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const { organiser, event } = await setUp(app)
  const preview = (
    await organiser.inject({
      method: 'POST',
      url: `/api/events/${event.id}/targeting/preview`,
      payload: { format: 'csv', content: CSV },
    })
  ).json()
  t.same(
    preview.map((r: { line: number; action: string }) => [r.line, r.action]),
    [
      [2, 'create'],
      [3, 'create'],
      [4, 'invalid'],
      [5, 'invalid'],
    ],
  )
  t.same(preview[2].errors, [{ field: 'legalName', message: 'is missing' }])
  t.same(
    preview[3].errors.map((e: { field: string }) => e.field),
    ['nuts2', 'vatId', 'email', 'status'],
  )
  const [before] = await app.sql`select count(*)::int as n from organisations`
  t.equal(before!.n, 1, 'a preview changes nothing')

  const imported = (
    await organiser.inject({
      method: 'POST',
      url: `/api/events/${event.id}/targeting/import`,
      payload: { format: 'csv', content: CSV },
    })
  ).json()
  t.same(
    imported.map((r: { action: string }) => r.action),
    ['create', 'create', 'invalid', 'invalid'],
  )
  const list = (await organiser.inject({ method: 'GET', url: `/api/events/${event.id}/participations` })).json()
  t.same(
    list.map((p: { organisation: { legalName: string }; status: string; outsideRegion: boolean }) => [
      p.organisation.legalName,
      p.status,
      p.outsideRegion,
    ]),
    [
      ['Meccanica Fine S.r.l.', 'targeted', false],
      ['Nordbahn GmbH', 'invited', true],
    ],
  )
  const again = (
    await organiser.inject({
      method: 'POST',
      url: `/api/events/${event.id}/targeting/preview`,
      payload: { format: 'csv', content: CSV },
    })
  ).json()
  t.same(
    again.map((r: { action: string }) => r.action).slice(0, 2),
    ['already', 'already'],
    'importing twice adds nobody twice',
  )
})

t.test('export as XLSX and CSV; the XLSX reads back as the same list', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const { organiser, event } = await setUp(app)
  await organiser.inject({
    method: 'POST',
    url: `/api/events/${event.id}/targeting/import`,
    payload: { format: 'csv', content: CSV },
  })
  const csv = await organiser.inject({ method: 'GET', url: `/api/events/${event.id}/targeting/export?format=csv` })
  t.match(csv.headers['content-type'], /^text\/csv/)
  t.match(csv.headers['content-disposition'], /^attachment; filename="[a-z0-9-]+-participants-\d{4}-\d{2}-\d{2}\.csv"$/)
  t.ok(csv.body.startsWith('\uFEFF'), 'the CSV starts with the byte-order mark, so Excel reads the accents')
  t.same(csv.body.slice(1).trim().split('\r\n'), [
    'legalName,kind,country,nuts2,vatId,status,reason',
    'Meccanica Fine S.r.l.,sme,IT,ITC1,IT01234567806,targeted,',
    'Nordbahn GmbH,buyer,DE,DE21,DE123456789,invited,',
  ])
  const xlsx = await organiser.inject({ method: 'GET', url: `/api/events/${event.id}/targeting/export?format=xlsx` })
  const workbook = new ExcelJS.Workbook()
  await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
  t.same((workbook.worksheets[0]!.getRow(3).values as unknown[]).slice(1, 7), [
    'Nordbahn GmbH',
    'buyer',
    'DE',
    'DE21',
    'DE123456789',
    'invited',
  ])
  const reimport = (
    await organiser.inject({
      method: 'POST',
      url: `/api/events/${event.id}/targeting/preview`,
      payload: { format: 'xlsx', content: xlsx.rawPayload.toString('base64') },
    })
  ).json()
  t.same(
    reimport.map((r: { action: string }) => r.action),
    ['already', 'already'],
  )
  const garbage = await organiser.inject({
    method: 'POST',
    url: `/api/events/${event.id}/targeting/preview`,
    payload: { format: 'xlsx', content: Buffer.from('not a spreadsheet').toString('base64') },
  })
  t.same([garbage.statusCode, garbage.json().errors[0].field], [400, 'body.content'])
})
