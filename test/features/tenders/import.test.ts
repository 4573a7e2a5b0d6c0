import t, { type Test } from 'tap'
import JSZip from 'jszip'
import type { FastifyInstance } from 'fastify'
import { build } from '../../helpers/build.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createOrgWithAdmin, signIn, type SignedInAgent } from '../../helpers/accounts.js'
import { changedTables, fingerprint } from '../../helpers/api-world.js'
import { NOTICE_IDS, noticeXml, twoLotContractNotice } from '../../helpers/notices.js'

interface Report {
  file: string
  noticeId: string | null
  outcome: string
  buyer?: string
  lots: { lotId: string; title: string; action: string; deadline: string | null }[]
  refusal?: { code: string; field: string | null; message: string }
}

async function setUp(t: Test, clock = fixedClock('2027-02-01T10:00:00Z')) {
  const app = await build(t, { clock, outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Torino', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const send = async (agent: SignedInAgent, step: 'preview' | 'import', files: { name: string; content: string }[]) =>
    agent.inject({ method: 'POST', url: `/api/organisers/${hub.orgId}/tenders/${step}`, payload: { files } })
  const importing = async (...files: { name: string; content: string }[]) => {
    const res = await send(organiser, 'import', files)
    t.equal(res.statusCode, 200, res.body)
    return res.json() as Report[]
  }
  return { app, hub, organiser, send, importing }
}

async function needsOf(app: FastifyInstance) {
  return app.sql<
    { lot_id: string; title: string; status: string; deadline: string | null; cpv_codes: string[]; language: string }[]
  >`
    select l.lot_id, n.title, n.status, n.deadline::text as deadline, n.cpv_codes, n.language
    from tender_lots l join needs n on n.id = l.need_id order by l.lot_id`
}

const file = (name: string, xml: string) => ({ name, content: xml })

t.test('a contract notice with two lots becomes two needs of its public buyer, validated by the hub', async (t) => {
  const { app, hub, importing } = await setUp(t)
  const [report] = await importing(file('cn.xml', noticeXml(twoLotContractNotice())))
  t.equal(report!.outcome, 'created')
  t.equal(report!.buyer, 'Comune di Torino')
  t.same(
    report!.lots.map((lot) => [lot.lotId, lot.action, lot.title]),
    [
      ['LOT-0001', 'added', 'Piattaforma di bigliettazione'],
      ['LOT-0002', 'added', 'Sensori per il traffico'],
    ],
  )
  const [buyer] =
    await app.sql`select id, kind, public_buyer, legal_name, country, nuts2 from organisations where legal_name = 'Comune di Torino'`
  t.same(
    { kind: buyer!.kind, public: buyer!.public_buyer, country: buyer!.country, nuts2: buyer!.nuts2 },
    { kind: 'buyer', public: true, country: 'IT', nuts2: 'ITC1' },
  )
  const [affiliation] =
    await app.sql`select status from affiliations where organiser_id = ${hub.orgId} and participant_id = ${buyer!.id}`
  t.equal(affiliation?.status, 'validated', 'the importing hub vouches for the buyer: its tenders are searchable')
  t.same(
    (await needsOf(app)).map((n) => [n.lot_id, n.title, n.status, n.deadline, n.cpv_codes, n.language]),
    [
      ['LOT-0001', 'Piattaforma di bigliettazione', 'published', '2027-03-01', ['72212000', '48000000'], 'it'],
      ['LOT-0002', 'Sensori per il traffico', 'published', '2027-03-15', ['38000000'], 'it'],
    ],
  )
  const [lot] = await app.sql`
    select l.title, l.description, l.places, l.countries, l.estimated_value::text as value, l.currency,
           l.deadline_at, l.deadline_kind
    from tender_lots l where lot_id = 'LOT-0001'`
  t.same(lot!.title, { it: 'Piattaforma di bigliettazione', en: 'Ticketing platform' }, 'each language’s text is kept')
  t.same(lot!.description, { it: 'Sviluppo e gestione', en: 'Development and operation' })
  t.same([lot!.places, lot!.countries, lot!.value, lot!.currency], [['ITC11'], ['IT'], '250000.50', 'EUR'])
  t.equal(new Date(lot!.deadline_at as string).toISOString(), '2027-03-01T11:00:00.000Z')
  t.equal(lot!.deadline_kind, 'tenders')
  const [tender] = await app.sql`select * from tenders`
  t.same(
    [tender!.notice_id, tender!.notice_version, tender!.procedure_id, tender!.form, tender!.status, tender!.languages],
    [NOTICE_IDS.contract, '01', '7c1f0e5a-2b7e-4a7e-8a4e-3f9b0d1e2c01', 'contract', 'open', ['it', 'en']],
  )
  t.same(tender!.contact, {
    point: 'Ufficio appalti',
    email: 'appalti@comune.torino.example',
    telephone: '+39 011 0000000',
    website: null,
  })
  t.equal(tender!.publication_number, '00012345-2027')
  const jobs = await app.sql`select count(*)::int as n from outbox where topic = 'search.sync'`
  t.equal(jobs[0]!.n, 2, 'each need goes to the search index through the outbox')
})

t.test('importing the same notice again changes nothing', async (t) => {
  const { app, importing } = await setUp(t)
  await importing(file('cn.xml', noticeXml(twoLotContractNotice())))
  const before = await fingerprint(app)
  const [again] = await importing(file('cn.xml', noticeXml(twoLotContractNotice())))
  t.equal(again!.outcome, 'unchanged')
  t.same(
    again!.lots.map((lot) => lot.action),
    ['unchanged', 'unchanged'],
  )
  t.same(changedTables(before, await fingerprint(app)), [])
})

t.test(
  'a change notice updates the lots it changes and archives a lot it drops; a cancellation archives them all',
  async (t) => {
    const { app, importing } = await setUp(t)
    await importing(file('cn.xml', noticeXml(twoLotContractNotice())))
    const original = twoLotContractNotice()
    const changed = twoLotContractNotice({
      noticeId: NOTICE_IDS.change,
      change: { noticeId: NOTICE_IDS.contract },
      lots: [{ ...original.lots[0]!, deadline: { date: '2027-03-20+01:00', time: '12:00:00+01:00' } }],
    })
    const [update] = await importing(file('change.xml', noticeXml(changed)))
    t.equal(update!.outcome, 'updated')
    t.same(
      update!.lots.map((lot) => [lot.lotId, lot.action]),
      [
        ['LOT-0001', 'updated'],
        ['LOT-0002', 'archived'],
      ],
    )
    t.same(
      (await needsOf(app)).map((n) => [n.lot_id, n.status, n.deadline]),
      [
        ['LOT-0001', 'published', '2027-03-20'],
        ['LOT-0002', 'archived', '2027-03-15'],
      ],
    )
    const [tender] = await app.sql`select notice_id, status from tenders`
    t.same([tender!.notice_id, tender!.status], [NOTICE_IDS.change, 'open'], 'the change is the notice in force')

    const cancellation = twoLotContractNotice({
      noticeId: NOTICE_IDS.cancellation,
      change: { noticeId: NOTICE_IDS.change, reason: 'cancel' },
      lots: changed.lots,
    })
    const [cancelled] = await importing(file('cancel.xml', noticeXml(cancellation)))
    t.equal(cancelled!.outcome, 'cancelled')
    t.same(
      (await needsOf(app)).map((n) => n.status),
      ['archived', 'archived'],
    )
    t.equal((await app.sql`select status from tenders`)[0]!.status, 'cancelled')
    t.same(
      (await app.sql`select notice_id, role from tender_notices order by imported_at, role`).map((r) => [
        r.notice_id,
        r.role,
      ]),
      [
        [NOTICE_IDS.contract, 'original'],
        [NOTICE_IDS.change, 'change'],
        [NOTICE_IDS.cancellation, 'cancellation'],
      ],
    )
  },
)

t.test('originals are applied before the changes sent with them, whatever the order of the files', async (t) => {
  const { importing } = await setUp(t)
  const change = twoLotContractNotice({ noticeId: NOTICE_IDS.change, change: { noticeId: NOTICE_IDS.contract } })
  const reports = await importing(
    file('change.xml', noticeXml(change)),
    file('cn.xml', noticeXml(twoLotContractNotice())),
  )
  t.same(
    reports.map((r) => [r.file, r.outcome]),
    [
      ['change.xml', 'updated'],
      ['cn.xml', 'created'],
    ],
  )
})

t.test('a notice that fails leaves nothing behind; the others in the upload land', async (t) => {
  const { app, importing } = await setUp(t)
  const before = await fingerprint(app)
  const orphan = twoLotContractNotice({
    noticeId: NOTICE_IDS.orphanChange,
    buyer: { name: 'Città Metropolitana di Genova', country: 'ITA', nuts: 'ITC33' },
    change: { noticeId: NOTICE_IDS.other },
  })
  const [refused] = await importing(file('orphan.xml', noticeXml(orphan)))
  t.equal(refused!.outcome, 'refused')
  t.same([refused!.refusal!.code, refused!.refusal!.field], ['unknown_change', 'BT-758-notice'])
  t.same(changedTables(before, await fingerprint(app)), [], 'not even its buyer was kept')

  const award = noticeXml({ root: 'ContractAwardNotice', noticeId: NOTICE_IDS.award, lots: [{ id: 'LOT-0001' }] })
  const reports = await importing(
    file('award.xml', award),
    file('broken.xml', '<ContractNotice><oops></ContractNotice>'),
    file('cn.xml', noticeXml(twoLotContractNotice())),
  )
  t.same(
    reports.map((r) => [r.file, r.outcome, r.refusal?.code ?? null]),
    [
      ['award.xml', 'refused', 'award_notice'],
      ['broken.xml', 'refused', 'malformed_xml'],
      ['cn.xml', 'created', null],
    ],
  )
  t.equal((await app.sql`select count(*)::int as n from tenders`)[0]!.n, 1)
})

t.test('a change that contradicts the notice it changes is refused, naming the field', async (t) => {
  const { importing } = await setUp(t)
  await importing(file('cn.xml', noticeXml(twoLotContractNotice())))
  const contradicting = twoLotContractNotice({
    noticeId: NOTICE_IDS.change,
    procedureId: '99999999-2b7e-4a7e-8a4e-3f9b0d1e2c01',
    change: { noticeId: NOTICE_IDS.contract },
  })
  const [report] = await importing(file('change.xml', noticeXml(contradicting)))
  t.same([report!.outcome, report!.refusal?.code, report!.refusal?.field], ['refused', 'invalid_field', 'BT-04-notice'])
})

t.test('the preview says what the import will do and keeps nothing; a zip is read file by file', async (t) => {
  const { app, organiser, send } = await setUp(t)
  const zip = new JSZip()
  zip.file('notices/cn.xml', noticeXml(twoLotContractNotice()))
  zip.file(
    'notices/change.xml',
    noticeXml(twoLotContractNotice({ noticeId: NOTICE_IDS.change, change: { noticeId: NOTICE_IDS.contract } })),
  )
  zip.file('readme.txt', 'not a notice')
  const archive = { name: 'ted.zip', content: (await zip.generateAsync({ type: 'nodebuffer' })).toString('base64') }
  const before = await fingerprint(app)
  const preview = (await send(organiser, 'preview', [archive])).json() as Report[]
  t.same(
    preview.map((r) => [r.file, r.outcome]),
    [
      ['ted.zip/notices/change.xml', 'updated'],
      ['ted.zip/notices/cn.xml', 'created'],
    ],
  )
  t.same(changedTables(before, await fingerprint(app)), [], 'a preview keeps nothing')
  const imported = (await send(organiser, 'import', [archive])).json() as Report[]
  t.same(imported, preview, 'the import does what the preview said')
})

t.test('bad uploads are refused with a problem naming the field; only hubs may import', async (t) => {
  const { app, organiser, send } = await setUp(t)
  const notZip = await send(organiser, 'import', [{ name: 'ted.zip', content: 'bm90IGEgemlw' }])
  t.equal(notZip.statusCode, 400)
  t.equal(notZip.json().errors[0].field, 'body.files.0.content')
  const emptyZip = await send(organiser, 'import', [
    {
      name: 'ted.zip',
      content: (await new JSZip().file('a.txt', 'x').generateAsync({ type: 'nodebuffer' })).toString('base64'),
    },
  ])
  t.equal(emptyZip.json().errors[0].message, 'holds no XML file')
  const pdf = await send(organiser, 'import', [{ name: 'notice.pdf', content: 'x' }])
  t.equal(pdf.statusCode, 400)
  t.match(pdf.json().errors[0].field, /body\.files\.0\.name/)

  await createOrgWithAdmin(app, { kind: 'sme', name: 'Sme', email: 'sme@sme.example' })
  const sme = await signIn(app, 'sme@sme.example')
  const forbidden = await send(sme, 'import', [{ name: 'cn.xml', content: noticeXml(twoLotContractNotice()) }])
  t.equal(forbidden.statusCode, 403)
  t.equal((await app.sql`select count(*)::int as n from tenders`)[0]!.n, 0)
})

t.test('the hub lists its tenders by status: open until every lot’s deadline has passed, then closed', async (t) => {
  const clock = fixedClock('2027-02-01T10:00:00Z')
  const { app, hub, organiser, importing } = await setUp(t, clock)
  await importing(
    file('cn.xml', noticeXml(twoLotContractNotice())),
    file(
      'pin.xml',
      noticeXml({
        root: 'PriorInformationNotice',
        noticeType: 'pmc',
        noticeId: NOTICE_IDS.consultation,
        procedureId: null,
        consultation: true,
        buyer: { name: 'Regione Piemonte', country: 'ITA', nuts: 'ITC11' },
        title: { ITA: 'Consultazione preliminare di mercato: autobus elettrici' },
        lots: [{ id: 'LOT-0001', cpv: '34144910', deadline: { date: '2027-02-20+01:00', time: '17:00:00+01:00' } }],
      }),
    ),
  )
  let agent = organiser
  const list = async (query = '') =>
    (await agent.inject({ method: 'GET', url: `/api/organisers/${hub.orgId}/tenders${query}` })).json()
  const open = await list()
  t.same(open.counts, { open: 2, closed: 0, cancelled: 0 })
  const consultation = open.items.find((item: { form: string }) => item.form === 'market-consultation')
  t.same(
    [consultation.buyer.legalName, consultation.title, consultation.nextDeadline, consultation.status],
    [
      'Regione Piemonte',
      { it: 'Consultazione preliminare di mercato: autobus elettrici' },
      '2027-02-20T16:00:00.000Z',
      'open',
    ],
  )
  const contract = open.items.find((item: { form: string }) => item.form === 'contract')
  t.same(
    contract.lots.map((lot: { lotId: string; estimatedValue: number; currency: string; archived: boolean }) => [
      lot.lotId,
      lot.estimatedValue,
      lot.currency,
      lot.archived,
    ]),
    [
      ['LOT-0001', 250000.5, 'EUR', false],
      ['LOT-0002', 90000, 'EUR', false],
    ],
  )
  t.equal(contract.tedUrl, 'https://ted.europa.eu/en/notice/-/detail/00012345-2027')
  t.same(
    (await list('?q=piemonte')).items.map((item: { buyer: { legalName: string } }) => item.buyer.legalName),
    ['Regione Piemonte'],
  )
  clock.set('2027-03-05T10:00:00Z')
  agent = await signIn(app, 'hub@hub.example')
  const later = await list()
  t.same(later.counts, { open: 1, closed: 1, cancelled: 0 }, 'the consultation closed; one contract lot is still open')
  t.equal(
    later.items.find((item: { form: string }) => item.form === 'contract').nextDeadline,
    '2027-03-15T22:59:59.000Z',
  )
  const other = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Other hub', email: 'other@hub.example' })
  const otherHub = await signIn(app, 'other@hub.example')
  const theirs = (await otherHub.inject({ method: 'GET', url: `/api/organisers/${other.orgId}/tenders` })).json()
  t.equal(theirs.total, 0, 'another hub does not see tenders it did not bring in')
})
