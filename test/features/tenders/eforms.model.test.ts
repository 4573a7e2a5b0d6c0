import t from 'tap'
import { parseNotice, tedUrlOf, type Notice, type Refusal } from '../../../server/features/tenders/eforms.model.js'
import { NOTICE_IDS, noticeXml, twoLotContractNotice, type NoticeSpec } from '../../helpers/notices.js'

function notice(spec: NoticeSpec): Notice {
  const parsed = parseNotice(noticeXml(spec))
  if (!parsed.ok) throw new Error(`refused: ${parsed.refusal.message}`)
  return parsed.notice
}

function refusal(xml: string): Refusal {
  const parsed = parseNotice(xml)
  if (parsed.ok) throw new Error('the notice was accepted')
  return parsed.refusal
}

t.test('a contract notice with two lots: every field the import keeps', async (t) => {
  const n = notice(twoLotContractNotice())
  t.equal(n.noticeId, NOTICE_IDS.contract)
  t.equal(n.version, '01')
  t.equal(n.procedureId, '7c1f0e5a-2b7e-4a7e-8a4e-3f9b0d1e2c01')
  t.equal(n.form, 'contract')
  t.equal(n.noticeType, 'cn-standard')
  t.equal(n.subtype, '16')
  t.equal(n.sdkVersion, 'eforms-sdk-1.10')
  t.equal(n.issueDate, '2027-01-10')
  t.same(n.languages, ['it', 'en'], 'the official language first, then the others, as ISO 639-1')
  t.same(n.title, { it: 'Servizi digitali per la mobilità', en: 'Digital services for mobility' })
  t.same(n.buyer, {
    name: 'Comune di Torino',
    country: 'IT',
    nuts: 'ITC11',
    nuts2: 'ITC1',
    registration: null,
    contact: {
      point: 'Ufficio appalti',
      email: 'appalti@comune.torino.example',
      telephone: '+39 011 0000000',
      website: null,
    },
  })
  t.equal(n.publicationNumber, '00012345-2027')
  t.equal(tedUrlOf(n.publicationNumber), 'https://ted.europa.eu/en/notice/-/detail/00012345-2027')
  t.equal(n.change, null)
  t.equal(n.lots.length, 2)
  t.same(n.lots[0], {
    lotId: 'LOT-0001',
    title: { it: 'Piattaforma di bigliettazione', en: 'Ticketing platform' },
    description: { it: 'Sviluppo e gestione', en: 'Development and operation' },
    cpvMain: '72212000',
    cpvExtra: ['48000000'],
    places: ['ITC11'],
    countries: ['IT'],
    estimatedValue: { amount: '250000.50', currency: 'EUR' },
    deadline: { at: '2027-03-01T12:00:00+01:00', kind: 'tenders' },
  })
  t.same(n.lots[1]!.places, ['ITC11', 'ITC12'])
  t.same(n.lots[1]!.deadline, { at: '2027-03-15T23:59:59+01:00', kind: 'tenders' }, 'a date alone ends with its day')
})

t.test('a lot without its own title or description takes the procedure’s', async (t) => {
  const n = notice({
    noticeId: NOTICE_IDS.other,
    title: { ENG: 'Road maintenance' },
    description: { ENG: 'Three years of works' },
    lots: [{ id: 'LOT-0001', cpv: '45000000' }],
  })
  t.same(n.lots[0]!.title, { en: 'Road maintenance' })
  t.same(n.lots[0]!.description, { en: 'Three years of works' })
  t.equal(n.lots[0]!.deadline, null)
  t.equal(n.lots[0]!.estimatedValue, null)
})

t.test(
  'a PIN calling a preliminary market consultation: its answer deadline, no procedure identifier needed',
  async (t) => {
    const n = notice({
      root: 'PriorInformationNotice',
      noticeType: 'pmc',
      subtype: 'E1',
      noticeId: NOTICE_IDS.consultation,
      procedureId: null,
      consultation: true,
      lots: [
        {
          id: 'LOT-0001',
          title: { ENG: 'Market consultation on e-buses' },
          cpv: '34144910',
          deadline: { date: '2027-02-20+01:00', time: '17:00:00+01:00' },
        },
      ],
    })
    t.equal(n.form, 'market-consultation')
    t.equal(n.procedureId, null)
    t.same(n.lots[0]!.deadline, { at: '2027-02-20T17:00:00+01:00', kind: 'answers' })
  },
)

t.test('a PIN-only notice: its parts are its lots', async (t) => {
  const n = notice({
    root: 'PriorInformationNotice',
    noticeId: NOTICE_IDS.other,
    procedureId: null,
    lotScheme: 'Part',
    lots: [
      { id: 'PAR-0000', cpv: '72000000' },
      { id: 'PAR-0001', cpv: '45000000' },
    ],
  })
  t.equal(n.form, 'prior-information')
  t.same(
    n.lots.map((lot) => lot.lotId),
    ['PAR-0000', 'PAR-0001'],
  )
})

t.test('a change notice names the notice it changes; a cancellation says so', async (t) => {
  const change = notice(
    twoLotContractNotice({ noticeId: NOTICE_IDS.change, change: { noticeId: NOTICE_IDS.contract } }),
  )
  t.same(change.change, { noticeId: NOTICE_IDS.contract, version: '01', cancel: false, reason: {} })
  const cancel = notice(
    twoLotContractNotice({
      noticeId: NOTICE_IDS.cancellation,
      change: { noticeId: NOTICE_IDS.contract, reason: 'cancel' },
    }),
  )
  t.equal(cancel.change?.cancel, true)
})

t.test('refusals name the reason, the notice and the field', async (t) => {
  const award = refusal(
    noticeXml({ root: 'ContractAwardNotice', noticeId: NOTICE_IDS.award, lots: [{ id: 'LOT-0001' }] }),
  )
  t.equal(award.code, 'award_notice')
  t.equal(award.field, 'BT-02-notice')
  t.match(award.message, /already awarded/)

  const malformed = refusal('<?xml version="1.0"?>\n<ContractNotice>\n  <cbc:ID>x</ContractNotice>')
  t.equal(malformed.code, 'malformed_xml')
  t.equal(malformed.noticeId, null)
  t.match(malformed.message, /line 3/)

  const html = refusal('<html><body>Not a notice</body></html>')
  t.equal(html.code, 'not_eforms')
  t.match(html.message, /<html> is not an eForms notice/)

  const future = refusal(noticeXml({ ...twoLotContractNotice(), sdk: 'eforms-sdk-2.0' }))
  t.equal(future.code, 'unknown_sdk')
  t.equal(future.noticeId, NOTICE_IDS.contract)
  t.match(future.message, /eforms-sdk-2\.0/)
  t.equal(refusal(noticeXml({ ...twoLotContractNotice(), sdk: null })).code, 'unknown_sdk')

  const spec = twoLotContractNotice()
  const noCpv = refusal(noticeXml({ ...spec, lots: [spec.lots[0]!, { ...spec.lots[1]!, cpv: null }] }))
  t.same([noCpv.code, noCpv.field, noCpv.noticeId], ['missing_field', 'BT-262-Lot LOT-0002', NOTICE_IDS.contract])

  const badCpv = refusal(noticeXml({ ...spec, lots: [{ ...spec.lots[0]!, cpv: '12345678' }] }))
  t.same([badCpv.code, badCpv.field], ['invalid_field', 'BT-262-Lot LOT-0001'])

  const twice = refusal(noticeXml({ ...spec, lots: [spec.lots[0]!, { ...spec.lots[0]! }] }))
  t.same([twice.code, twice.field], ['invalid_field', 'BT-137-Lot'])

  const noLots = refusal(noticeXml({ ...spec, lots: [] }))
  t.equal(noLots.code, 'no_lots')

  const noId = refusal(noticeXml({ ...spec, noticeId: '' }))
  t.same([noId.code, noId.field], ['missing_field', 'BT-701-notice'])

  const noProcedure = refusal(noticeXml({ ...spec, procedureId: null }))
  t.same([noProcedure.code, noProcedure.field], ['missing_field', 'BT-04-notice'])

  const badDate = refusal(noticeXml({ ...spec, lots: [{ ...spec.lots[0]!, deadline: { date: '1 March 2027' } }] }))
  t.same([badDate.code, badDate.field], ['invalid_field', 'BT-131-Lot LOT-0001(d)'])

  const buyerProfile = refusal(
    noticeXml({ root: 'PriorInformationNotice', noticeType: 'pin-buyer', noticeId: NOTICE_IDS.other, lots: [] }),
  )
  t.equal(buyerProfile.code, 'no_lots')
})

t.test('a title given twice in one language is refused, naming the lot', async (t) => {
  const xml = noticeXml(twoLotContractNotice()).replace(
    '<cbc:Name languageID="ENG">Traffic sensors</cbc:Name>',
    '<cbc:Name languageID="ENG">Traffic sensors</cbc:Name><cbc:Name languageID="ENG">Road sensors</cbc:Name>',
  )
  const refused = refusal(xml)
  t.same([refused.code, refused.field], ['invalid_field', 'BT-21-Lot LOT-0002'])
})

t.test('namespace prefixes are the writer’s choice', async (t) => {
  const xml = noticeXml(twoLotContractNotice())
    .replaceAll('cbc:', 'b:')
    .replace('xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"', '')
    .replace(
      '<ContractNotice ',
      '<ContractNotice xmlns:b="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2" ',
    )
  t.equal(notice2(xml).lots.length, 2)
})

function notice2(xml: string): Notice {
  const parsed = parseNotice(xml)
  if (!parsed.ok) throw new Error(parsed.refusal.message)
  return parsed.notice
}
