/**
 * Small eForms notices written for the tests: a contract notice, a prior
 * information notice (its parts, or a preliminary market consultation), a
 * change or cancellation of one, and an award notice. Each is valid UBL 2.3
 * with the eForms extensions, holding only the fields the import reads.
 */

export interface LotSpec {
  id: string
  /** Language (eForms code, e.g. ENG) → text. */
  title?: Record<string, string>
  description?: Record<string, string>
  cpv?: string | null
  cpvExtra?: string[]
  nuts?: string[]
  country?: string
  value?: { amount: string; currency: string }
  /** `2027-03-01+01:00` and optionally `12:00:00+01:00`. */
  deadline?: { date: string; time?: string }
}

export interface NoticeSpec {
  root?: 'ContractNotice' | 'PriorInformationNotice' | 'ContractAwardNotice'
  noticeType?: string
  subtype?: string
  noticeId: string
  version?: string
  procedureId?: string | null
  sdk?: string | null
  issueDate?: string
  languages?: string[]
  title?: Record<string, string>
  description?: Record<string, string>
  buyer?: { name: string; country?: string; nuts?: string; contact?: string; email?: string; telephone?: string }
  lots: LotSpec[]
  /** `Part` for a PIN-only notice. */
  lotScheme?: 'Lot' | 'Part'
  /** A preliminary market consultation's answer deadline instead of a tender deadline. */
  consultation?: boolean
  change?: { noticeId: string; version?: string; reason?: string }
  publicationNumber?: string
}

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')
const texts = (tag: string, values: Record<string, string> | undefined) =>
  Object.entries(values ?? {})
    .map(([language, text]) => `<${tag} languageID="${language}">${escape(text)}</${tag}>`)
    .join('')

const NS = [
  'xmlns:cac="urn:oasis:names:specification:ubl:schema:xsd:CommonAggregateComponents-2"',
  'xmlns:cbc="urn:oasis:names:specification:ubl:schema:xsd:CommonBasicComponents-2"',
  'xmlns:ext="urn:oasis:names:specification:ubl:schema:xsd:CommonExtensionComponents-2"',
  'xmlns:efac="http://data.europa.eu/p27/eforms-ubl-extension-aggregate-components/1"',
  'xmlns:efext="http://data.europa.eu/p27/eforms-ubl-extensions/1"',
  'xmlns:efbc="http://data.europa.eu/p27/eforms-ubl-extension-basic-components/1"',
].join(' ')

function lotXml(lot: LotSpec, scheme: string, consultation: boolean): string {
  const period = lot.deadline
    ? `<cbc:EndDate>${lot.deadline.date}</cbc:EndDate>${lot.deadline.time ? `<cbc:EndTime>${lot.deadline.time}</cbc:EndTime>` : ''}`
    : ''
  const process = !lot.deadline
    ? ''
    : consultation
      ? `<cac:TenderingProcess><ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension><efac:AnswerReceptionPeriod>${period}</efac:AnswerReceptionPeriod></efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions></cac:TenderingProcess>`
      : `<cac:TenderingProcess><cac:TenderSubmissionDeadlinePeriod>${period}</cac:TenderSubmissionDeadlinePeriod></cac:TenderingProcess>`
  const places = (lot.nuts ?? []).map(
    (nuts) =>
      `<cac:RealizedLocation><cac:Address><cbc:CountrySubentityCode listName="nuts">${nuts}</cbc:CountrySubentityCode><cac:Country><cbc:IdentificationCode listName="country">${lot.country ?? 'ITA'}</cbc:IdentificationCode></cac:Country></cac:Address></cac:RealizedLocation>`,
  )
  return [
    `<cac:ProcurementProjectLot><cbc:ID schemeName="${scheme}">${lot.id}</cbc:ID>`,
    process,
    '<cac:ProcurementProject>',
    texts('cbc:Name', lot.title),
    texts('cbc:Description', lot.description),
    lot.cpv === null
      ? ''
      : `<cac:MainCommodityClassification><cbc:ItemClassificationCode listName="cpv">${lot.cpv ?? '72000000'}</cbc:ItemClassificationCode></cac:MainCommodityClassification>`,
    ...(lot.cpvExtra ?? []).map(
      (code) =>
        `<cac:AdditionalCommodityClassification><cbc:ItemClassificationCode listName="cpv">${code}</cbc:ItemClassificationCode></cac:AdditionalCommodityClassification>`,
    ),
    ...places,
    lot.value
      ? `<cac:RequestedTenderTotal><cbc:EstimatedOverallContractAmount currencyID="${lot.value.currency}">${lot.value.amount}</cbc:EstimatedOverallContractAmount></cac:RequestedTenderTotal>`
      : '',
    '</cac:ProcurementProject></cac:ProcurementProjectLot>',
  ].join('')
}

export function noticeXml(spec: NoticeSpec): string {
  const root = spec.root ?? 'ContractNotice'
  const languages = spec.languages ?? ['ENG']
  const buyer = spec.buyer ?? { name: 'Comune di Torino', country: 'ITA', nuts: 'ITC11' }
  const noticeType =
    spec.noticeType ??
    (root === 'ContractNotice' ? 'cn-standard' : root === 'ContractAwardNotice' ? 'can-standard' : 'pin-only')
  const change = spec.change
    ? `<efac:Changes><efbc:ChangedNoticeIdentifier>${spec.change.noticeId}-${spec.change.version ?? '01'}</efbc:ChangedNoticeIdentifier><efac:ChangeReason><cbc:ReasonCode listName="change-corrig-justification">${spec.change.reason ?? 'update-add'}</cbc:ReasonCode></efac:ChangeReason></efac:Changes>`
    : ''
  const publication = spec.publicationNumber
    ? `<efac:Publication><efbc:NoticePublicationID schemeName="ojs-notice-id">${spec.publicationNumber}</efbc:NoticePublicationID></efac:Publication>`
    : ''
  const contact = [
    buyer.contact ? `<cbc:Name>${escape(buyer.contact)}</cbc:Name>` : '',
    buyer.telephone ? `<cbc:Telephone>${buyer.telephone}</cbc:Telephone>` : '',
    buyer.email ? `<cbc:ElectronicMail>${buyer.email}</cbc:ElectronicMail>` : '',
  ].join('')
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<${root} xmlns="urn:oasis:names:specification:ubl:schema:xsd:${root}-2" ${NS}>`,
    '<ext:UBLExtensions><ext:UBLExtension><ext:ExtensionContent><efext:EformsExtension>',
    change,
    `<efac:NoticeSubType><cbc:SubTypeCode listName="notice-subtype">${spec.subtype ?? '16'}</cbc:SubTypeCode></efac:NoticeSubType>`,
    '<efac:Organizations><efac:Organization><efac:Company>',
    '<cac:PartyIdentification><cbc:ID schemeName="organization">ORG-0001</cbc:ID></cac:PartyIdentification>',
    `<cac:PartyName><cbc:Name languageID="${languages[0]}">${escape(buyer.name)}</cbc:Name></cac:PartyName>`,
    '<cac:PostalAddress>',
    buyer.nuts ? `<cbc:CountrySubentityCode listName="nuts">${buyer.nuts}</cbc:CountrySubentityCode>` : '',
    `<cac:Country><cbc:IdentificationCode listName="country">${buyer.country ?? 'ITA'}</cbc:IdentificationCode></cac:Country>`,
    '</cac:PostalAddress>',
    contact ? `<cac:Contact>${contact}</cac:Contact>` : '',
    '</efac:Company></efac:Organization></efac:Organizations>',
    publication,
    '</efext:EformsExtension></ext:ExtensionContent></ext:UBLExtension></ext:UBLExtensions>',
    '<cbc:UBLVersionID>2.3</cbc:UBLVersionID>',
    spec.sdk === null ? '' : `<cbc:CustomizationID>${spec.sdk ?? 'eforms-sdk-1.10'}</cbc:CustomizationID>`,
    `<cbc:ID schemeName="notice-id">${spec.noticeId}</cbc:ID>`,
    spec.procedureId === null
      ? ''
      : `<cbc:ContractFolderID>${spec.procedureId ?? spec.noticeId}</cbc:ContractFolderID>`,
    `<cbc:IssueDate>${spec.issueDate ?? '2027-01-10+01:00'}</cbc:IssueDate>`,
    `<cbc:VersionID>${spec.version ?? '01'}</cbc:VersionID>`,
    `<cbc:NoticeTypeCode listName="competition">${noticeType}</cbc:NoticeTypeCode>`,
    `<cbc:NoticeLanguageCode>${languages[0]}</cbc:NoticeLanguageCode>`,
    ...languages
      .slice(1)
      .map((l) => `<cac:AdditionalNoticeLanguage><cbc:ID>${l}</cbc:ID></cac:AdditionalNoticeLanguage>`),
    '<cac:ContractingParty><cac:Party><cac:PartyIdentification><cbc:ID schemeName="organization">ORG-0001</cbc:ID></cac:PartyIdentification></cac:Party></cac:ContractingParty>',
    '<cac:ProcurementProject>',
    texts('cbc:Name', spec.title ?? { [languages[0]!]: 'Procedure' }),
    texts('cbc:Description', spec.description),
    '</cac:ProcurementProject>',
    ...spec.lots.map((lot) => lotXml(lot, spec.lotScheme ?? 'Lot', spec.consultation ?? false)),
    `</${root}>`,
  ].join('\n')
}

/** Notice identifiers (UUIDs) for the tests, one per name. */
export const NOTICE_IDS = {
  contract: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a01',
  change: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a02',
  cancellation: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a03',
  consultation: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a04',
  award: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a05',
  orphanChange: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a06',
  other: '0b1e7c2a-5d1f-4a57-9d41-7d2d1c0f0a07',
} as const

/** A contract notice of Comune di Torino with two lots, in Italian and English. */
export function twoLotContractNotice(overrides: Partial<NoticeSpec> = {}): NoticeSpec {
  return {
    noticeId: NOTICE_IDS.contract,
    procedureId: '7c1f0e5a-2b7e-4a7e-8a4e-3f9b0d1e2c01',
    languages: ['ITA', 'ENG'],
    title: { ITA: 'Servizi digitali per la mobilità', ENG: 'Digital services for mobility' },
    description: { ITA: 'Due lotti di servizi informatici', ENG: 'Two lots of IT services' },
    buyer: {
      name: 'Comune di Torino',
      country: 'ITA',
      nuts: 'ITC11',
      contact: 'Ufficio appalti',
      email: 'appalti@comune.torino.example',
      telephone: '+39 011 0000000',
    },
    publicationNumber: '00012345-2027',
    lots: [
      {
        id: 'LOT-0001',
        title: { ITA: 'Piattaforma di bigliettazione', ENG: 'Ticketing platform' },
        description: { ITA: 'Sviluppo e gestione', ENG: 'Development and operation' },
        cpv: '72212000',
        cpvExtra: ['48000000'],
        nuts: ['ITC11'],
        value: { amount: '250000.50', currency: 'EUR' },
        deadline: { date: '2027-03-01+01:00', time: '12:00:00+01:00' },
      },
      {
        id: 'LOT-0002',
        title: { ITA: 'Sensori per il traffico', ENG: 'Traffic sensors' },
        description: { ITA: 'Fornitura e posa', ENG: 'Supply and installation' },
        cpv: '38000000',
        nuts: ['ITC11', 'ITC12'],
        value: { amount: '90000', currency: 'EUR' },
        deadline: { date: '2027-03-15+01:00' },
      },
    ],
    ...overrides,
  }
}
