import t from 'tap'
import ExcelJS from 'exceljs'
import { parse } from 'csv-parse/sync'
import { build } from '../../helpers/build.js'
import { signIn } from '../../helpers/accounts.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { buildFixture } from './fixture.js'

const clock = () => fixedClock('2027-03-01T10:00:00Z')

t.test('every KPI of an edition has the answer the fixture was built for', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const res = await f.agents.hub.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis` })
  t.equal(res.statusCode, 200)
  const k = res.json()
  t.same(k.scope, { kind: 'edition', id: f.e1, name: 'Edition 2025' })
  t.same(k.events, { figure: 2, target: 2 }, 'KPI i: own events only; the external one is tracked, not counted')
  t.same(k.smes, { figure: 3, target: 3 }, 'KPI ii: S1, S2, S3 once each; the merely targeted S4 is not involved')
  t.same(k.buyersOutsideTargeted, { figure: 2, target: 2 }, 'KPI iii targeted: B1 and B3; B2 is inside the region')
  t.same(k.buyersOutsideInvolved, { figure: 1, target: 1 }, 'KPI iii involved: B1 only')
  t.same(
    k.contracts,
    { figure: 2, target: 2, valueEur: 150_000, unverified: 1, unverifiedValueEur: 30_000 },
    'KPI iv: C1 and C2 verified; C3 reported apart; C4 rejected and C5 of another edition nowhere',
  )
  t.same(
    k.turnover,
    {
      involved: 3,
      covered: 2,
      coveragePct: 66.67,
      baselineEur: 1_500_000,
      followUpEur: 1_650_000,
      changePctOfSums: 10,
      medianPct: 5,
      distribution: { 'lt_-20': 0, '-20_0': 1, '0_20': 0, '20_50': 1, ge_50: 0 },
      target: 10,
    },
    'KPI v turnover: S3 has no follow-up and is left out, with coverage 2 of 3',
  )
  t.same(
    k.exports,
    {
      involved: 3,
      covered: 1,
      coveragePct: 33.33,
      baselineEur: 200_000,
      followUpEur: 300_000,
      changePctOfSums: 50,
      medianPct: 50,
      distribution: { 'lt_-20': 0, '-20_0': 0, '0_20': 0, '20_50': 0, ge_50: 1 },
      target: 10,
    },
    'KPI v exports: S2 exported nothing in its baseline year, so it has no % change',
  )
  t.equal(k.eligibleSmes, 2, 'S1 and S2 have a verified contract')
  t.same(k.funnel, { accepted: 1, scheduled: 1, followedUp: 1, reported: 3, verified: 2 })
  t.same(
    k.trend.map((e: { name: string; contracts: number; smes: number }) => [e.name, e.smes, e.contracts]),
    [['Edition 2025', 3, 2]],
  )
})

t.test('the same KPIs per event, per hub (with its cluster figures) and across hubs for the authority', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const event = (await f.agents.hub.inject({ method: 'GET', url: `/api/events/${f.ev1}/kpis` })).json()
  t.same(
    [
      event.events.figure,
      event.smes.figure,
      event.buyersOutsideTargeted.figure,
      event.buyersOutsideInvolved.figure,
      event.contracts.figure,
      event.contracts.unverified,
    ],
    [1, 3, 1, 1, 1, 1],
    'ev1: C1 came from it, C3 names it; C2 named no event',
  )
  t.equal(event.events.target, null, 'targets are set per edition')

  const hub = (await f.agents.hub.inject({ method: 'GET', url: `/api/organisers/${f.hub}/kpis` })).json()
  t.same([hub.events.figure, hub.smes.figure, hub.contracts.figure], [2, 3, 2])
  t.same(
    hub.cluster,
    { membersServed: 5, events: 2, contracts: 2, contractsPerEvent: 1 },
    'members served: S1, S2, S3, B1, B2',
  )

  const all = (await f.agents.authority.inject({ method: 'GET', url: '/api/kpis' })).json()
  t.same(
    [
      all.events.figure,
      all.smes.figure,
      all.buyersOutsideTargeted.figure,
      all.buyersOutsideInvolved.figure,
      all.contracts.figure,
      all.contracts.valueEur,
    ],
    [3, 4, 3, 2, 3, 220_000],
  )
  t.same(all.events.target, 6, 'count targets add up over editions')
  t.same(
    all.trend.map((e: { name: string; events: number; contracts: number }) => [e.name, e.events, e.contracts]),
    [
      ['Edition 2025', 2, 2],
      ['Edition 2026', 1, 1],
    ],
  )
  t.same(
    all.byOrganiser.map((o: { name: string; smes: number; contracts: number }) => [o.name, o.smes, o.contracts]),
    [
      ['Hub Piemonte', 3, 2],
      ['Hub Two', 1, 1],
    ],
  )
})

t.test(
  'each line of the authority’s breakdowns has the figures of that edition’s or hub’s own dashboard',
  async (t) => {
    const app = await build(t, { clock: clock(), outbox: { start: false } })
    const f = await buildFixture(app)
    const all = (await f.agents.authority.inject({ method: 'GET', url: '/api/kpis' })).json()
    const counts = (k: {
      events: { figure: number }
      smes: { figure: number }
      buyersOutsideTargeted: { figure: number }
      buyersOutsideInvolved: { figure: number }
      contracts: { figure: number }
    }) => [
      k.events.figure,
      k.smes.figure,
      k.buyersOutsideTargeted.figure,
      k.buyersOutsideInvolved.figure,
      k.contracts.figure,
    ]
    const line = (l: {
      events: number
      smes: number
      buyersOutsideTargeted: number
      buyersOutsideInvolved: number
      contracts: number
    }) => [l.events, l.smes, l.buyersOutsideTargeted, l.buyersOutsideInvolved, l.contracts]
    for (const edition of all.trend) {
      const own = (await f.agents.authority.inject({ method: 'GET', url: `/api/editions/${edition.id}/kpis` })).json()
      t.same(line(edition), counts(own), `edition ${edition.name}`)
    }
    for (const hub of all.byOrganiser) {
      const own = (await f.agents.authority.inject({ method: 'GET', url: `/api/organisers/${hub.id}/kpis` })).json()
      t.same(line(hub), counts(own), `hub ${hub.name}`)
    }
    t.same(
      all.trend.map(line),
      [
        [2, 3, 2, 1, 2],
        [1, 1, 1, 1, 1],
      ],
      'E1: ev1 and ev2; S1–S3; B1 and B3 targeted, B1 involved; C1 and C2. E2: ev4, S5, B4, C5',
    )
  },
)

t.test('a hub sees only its own editions; SMEs and buyers see no KPIs', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  t.equal((await f.agents.hub2.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis` })).statusCode, 403)
  t.equal((await f.agents.hub2.inject({ method: 'GET', url: `/api/organisers/${f.hub}/kpis` })).statusCode, 403)
  t.equal((await f.agents.hub.inject({ method: 'GET', url: '/api/kpis' })).statusCode, 403)
  t.equal(
    (await f.agents.S1.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis/rows/contracts` })).statusCode,
    403,
  )
  const bad = await f.agents.hub.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis/rows/nonsense` })
  t.same([bad.statusCode, bad.json().errors[0].field], [400, 'params.table'])
})

t.test('every figure drills down to the rows behind it', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const rows = async (table: string) =>
    (await f.agents.hub.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis/rows/${table}` })).json()
  t.same(
    (await rows('events')).rows.map((r: { event: string }) => r.event),
    ['MtB Torino', 'MtB Novara'],
  )
  t.same(
    (await rows('smes')).rows.map((r: { legalName: string; events: number }) => [r.legalName, r.events]),
    [
      ['S1 Srl', 1],
      ['S2 Srl', 2],
      ['S3 Srl', 1],
    ],
  )
  t.same(
    (await rows('buyersOutsideTargeted')).rows.map((r: { legalName: string; nuts2: string }) => [r.legalName, r.nuts2]),
    [
      ['B1 AG', 'DE21'],
      ['B3 AG', 'FR10'],
    ],
  )
  await app.sql`update organisations set public_buyer = true where legal_name = 'B3 AG'`
  t.same(
    (await rows('buyersOutsideTargeted')).rows.map((r: { legalName: string; publicBuyer: boolean }) => [
      r.legalName,
      r.publicBuyer,
    ]),
    [
      ['B1 AG', false],
      ['B3 AG', true],
    ],
    'KPI iii counts public buyers apart: each row says whether the buyer is public',
  )
  const contracts = await rows('contracts')
  t.same(
    contracts.rows.map((r: { title: string; valueEur: number; evidenceSha256: string }) => [
      r.title,
      r.valueEur,
      r.evidenceSha256.length,
    ]),
    [
      ['Door retrofit kits', 100_000, 64],
      ['Pilot of sensors', 50_000, 64],
    ],
  )
  t.same(
    (await rows('contractsUnverified')).rows.map((r: { title: string; status: string }) => [r.title, r.status]),
    [['Framework for seats', 'reported']],
  )
  const turnover = (await rows('turnover')).rows
  t.same(
    turnover.map(
      (r: {
        legalName: string
        baselineYear: number
        followUpYear: number | null
        changePct: number | null
        included: boolean
      }) => [r.legalName, r.baselineYear, r.followUpYear, r.changePct, r.included],
    ),
    [
      ['S1 Srl', 2024, 2025, 20, true],
      ['S2 Srl', 2024, 2026, -10, true],
      ['S3 Srl', 2024, null, null, false],
    ],
  )
  t.same(
    (await rows('eligibility')).rows.map((r: { legalName: string; verifiedContracts: number; valueEur: number }) => [
      r.legalName,
      r.verifiedContracts,
      r.valueEur,
    ]),
    [
      ['S1 Srl', 1, 100_000],
      ['S2 Srl', 1, 50_000],
    ],
  )
  const pipeline = await rows('pipeline')
  t.same(pipeline.rows, [], 'the only accepted meeting already led to a contract')
  const paged = (
    await f.agents.hub.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis/rows/smes?limit=1&offset=1` })
  ).json()
  t.same([paged.total, paged.rows.map((r: { legalName: string }) => r.legalName)], [3, ['S2 Srl']])
})

t.test('a deleted user changes no figure', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const before = (await f.agents.authority.inject({ method: 'GET', url: '/api/kpis' })).json()
  const leaver = await signIn(app, 'leaver@s1.example')
  t.equal(
    (await leaver.inject({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: 'leaver@s1.example' } }))
      .statusCode,
    204,
  )
  const admin = await signIn(app, 's1@s1.example')
  t.equal(
    (await admin.inject({ method: 'DELETE', url: '/api/me', payload: { confirmEmail: 's1@s1.example' } })).statusCode,
    204,
    'the person who reported C1 leaves too',
  )
  const after = (await f.agents.authority.inject({ method: 'GET', url: '/api/kpis' })).json()
  const { computedAt: _a, ...b } = before
  const { computedAt: _b, ...a } = after
  t.same(a, b)
})

t.test('CSV and XLSX exports re-add to the dashboard totals', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  for (const url of [`/api/editions/${f.e1}`, `/api/organisers/${f.hub}`, '/api']) {
    const agent = url === '/api' ? f.agents.authority : f.agents.hub
    const k = (await agent.inject({ method: 'GET', url: `${url}/kpis` })).json()
    const csv = async (table: string) => {
      const res = await agent.inject({ method: 'GET', url: `${url}/kpis/export?format=csv&table=${table}` })
      t.match(res.headers['content-type'], /^text\/csv/)
      t.ok(
        res.rawPayload.subarray(0, 3).equals(Buffer.from([0xef, 0xbb, 0xbf])),
        'the CSV starts with the byte-order mark',
      )
      return parse(res.body, { columns: true, bom: true }) as Record<string, string>[]
    }
    const sum = (rows: Record<string, string>[], column: string) => rows.reduce((s, r) => s + Number(r[column] || 0), 0)
    t.equal((await csv('events')).length, k.events.figure, `${url}: events`)
    t.equal((await csv('smes')).length, k.smes.figure, `${url}: SMEs`)
    t.equal((await csv('buyersOutsideTargeted')).length, k.buyersOutsideTargeted.figure)
    t.equal((await csv('buyersOutsideInvolved')).length, k.buyersOutsideInvolved.figure)
    const contracts = await csv('contracts')
    t.same(
      [contracts.length, sum(contracts, 'valueEur')],
      [k.contracts.figure, k.contracts.valueEur],
      `${url}: contracts and their value`,
    )
    const unverified = await csv('contractsUnverified')
    t.same([unverified.length, sum(unverified, 'valueEur')], [k.contracts.unverified, k.contracts.unverifiedValueEur])
    for (const key of ['turnover', 'exports']) {
      const included = (await csv(key)).filter((r) => r.included === 'TRUE')
      t.same(
        [included.length, sum(included, 'baselineEur'), sum(included, 'followUpEur')],
        [k[key].covered, k[key].baselineEur, k[key].followUpEur],
        `${url}: ${key}`,
      )
    }
    const figures = await csv('figures')
    t.equal(Number(figures.find((r) => r.figure === 'contracts')!.value), k.contracts.figure)

    const xlsx = await agent.inject({ method: 'GET', url: `${url}/kpis/export?format=xlsx` })
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const sheet = (name: string) =>
      workbook
        .getWorksheet(name)!
        .getSheetValues()
        .slice(2)
        .map((row) => (row as unknown[]).slice(1))
    const header = (name: string) => (workbook.getWorksheet(name)!.getRow(1).values as unknown[]).slice(1) as string[]
    const valueAt = header('contracts').indexOf('valueEur')
    t.same(
      [sheet('contracts').length, sheet('contracts').reduce((s, r) => s + Number(r[valueAt]), 0)],
      [k.contracts.figure, k.contracts.valueEur],
      `${url}: XLSX contracts`,
    )
    t.equal(sheet('smes').length, k.smes.figure)
    t.equal(sheet('eligibility').length, k.eligibleSmes)
    t.same(
      workbook.worksheets.map((w) => w.name),
      [
        'figures',
        'events',
        'smes',
        'buyersOutsideTargeted',
        'buyersOutsideInvolved',
        'contracts',
        'contractsUnverified',
        'turnover',
        'exports',
        'eligibility',
        'pipeline',
      ],
    )
  }
})

t.test(
  'exports open as typed, named spreadsheets; Italian CSV takes the semicolon and the decimal comma',
  async (t) => {
    const app = await build(t, { clock: clock(), outbox: { start: false } })
    const f = await buildFixture(app)
    const url = `/api/editions/${f.e1}/kpis/export`
    const xlsx = await f.agents.hub.inject({ method: 'GET', url: `${url}?format=xlsx` })
    t.match(
      xlsx.headers['content-disposition'],
      /^attachment; filename="[a-z0-9-]+-kpis-2027-03-01\.xlsx"$/,
      'the file is named after the edition and the day',
    )
    t.notMatch(xlsx.headers['content-disposition'], /filename="kpis-/, 'the name starts with the edition')
    const workbook = new ExcelJS.Workbook()
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer)
    const contracts = workbook.getWorksheet('contracts')!
    const header = (contracts.getRow(1).values as unknown[]).slice(1) as string[]
    const first = contracts.getRow(2)
    const at = (column: string) => first.getCell(header.indexOf(column) + 1)
    t.ok(at('signedOn').value instanceof Date, 'a date is a date')
    t.equal(at('signedOn').numFmt, 'yyyy-mm-dd')
    t.equal(typeof at('valueEur').value, 'number', 'an amount is a number')
    t.match(contracts.views[0], { state: 'frozen', ySplit: 1 }, 'the header row stays on screen')
    t.ok(contracts.getColumn(header.indexOf('title') + 1).width! > 8, 'columns are as wide as their text')
    const turnover = workbook.getWorksheet('turnover')!
    const turnoverHeader = (turnover.getRow(1).values as unknown[]).slice(1) as string[]
    t.equal(
      typeof turnover.getRow(2).getCell(turnoverHeader.indexOf('included') + 1).value,
      'boolean',
      'a yes/no is a boolean',
    )

    const english = await f.agents.hub.inject({ method: 'GET', url: `${url}?format=csv&table=contracts` })
    const italian = await f.agents.hub.inject({ method: 'GET', url: `${url}?format=csv&table=contracts&lang=it` })
    t.match(italian.headers['content-disposition'], /-kpis-contracts-2027-03-01\.csv"$/)
    const en = parse(english.body, { columns: true, bom: true }) as Record<string, string>[]
    const it = parse(italian.body, { columns: true, bom: true, delimiter: ';' }) as Record<string, string>[]
    t.equal(it.length, en.length)
    t.ok(en.length > 0)
    t.same(
      it.map((r) => r.valueEur),
      en.map((r) => r.valueEur!.replace('.', ',')),
      'Italian amounts take the decimal comma',
    )
    t.same(
      it.map((r) => r.title),
      en.map((r) => r.title),
    )
    const bad = await f.agents.hub.inject({ method: 'GET', url: `${url}?format=csv&lang=fr` })
    t.equal(bad.statusCode, 400)
  },
)
