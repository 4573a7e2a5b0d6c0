import { cpvByCode } from '../../../seeds/taxonomies/index.js'
import { isNuts2 } from '../../../seeds/taxonomies/nuts2-eu.js'
import { all, extensionOf, first, parseXml, textAt, XmlSyntaxError, type XmlElement } from './xml.js'

/**
 * Reads one eForms notice (UBL 2.3 with the eForms extensions, SDK 1.x) into
 * what a public tender is on the platform: the procedure, its buyer and its
 * lots. Field names follow the SDK's catalogue (BT-…); the XPaths are those of
 * ../shared/ted/fields.json. Pure: no database, no clock.
 *
 * What becomes a tender: contract notices (their lots), prior information
 * notices (their lots, or the parts of a PIN-only notice) and preliminary
 * market consultations. Award notices, buyer-profile PINs without a purchase
 * and other kinds are refused with the reason.
 */

export type NoticeForm = 'contract' | 'prior-information' | 'market-consultation'
export type DeadlineKind = 'tenders' | 'requests' | 'expressions' | 'answers'
export type Texts = Record<string, string>

export interface NoticeLot {
  lotId: string
  title: Texts
  description: Texts
  cpvMain: string
  cpvExtra: string[]
  /** NUTS codes of the place of performance (BT-5071), and countries (BT-5141, ISO alpha-2). */
  places: string[]
  countries: string[]
  estimatedValue: { amount: string; currency: string } | null
  deadline: { at: string; kind: DeadlineKind } | null
}

export interface NoticeBuyer {
  name: string
  country: string | null
  nuts2: string | null
  nuts: string | null
  registration: string | null
  contact: { point: string | null; email: string | null; telephone: string | null; website: string | null }
}

export interface Notice {
  noticeId: string
  version: string
  /** BT-04: contract notices always have one; prior information notices may not. */
  procedureId: string | null
  form: NoticeForm
  noticeType: string
  subtype: string
  sdkVersion: string
  issueDate: string
  /** ISO 639-1, the official language first. */
  languages: string[]
  title: Texts
  description: Texts
  buyer: NoticeBuyer
  lots: NoticeLot[]
  plannedDate: string | null
  publicationNumber: string | null
  /** Set on a change notice: the notice it changes, and whether it cancels the procedure. */
  change: { noticeId: string; version: string; cancel: boolean; reason: Texts } | null
}

export type RefusalCode =
  | 'malformed_xml'
  | 'not_eforms'
  | 'unknown_sdk'
  | 'award_notice'
  | 'other_kind'
  | 'no_lots'
  | 'missing_field'
  | 'invalid_field'

export interface Refusal {
  code: RefusalCode
  /** The notice identifier when the file got that far. */
  noticeId: string | null
  /** The business term (and lot) at fault, e.g. `BT-262-Lot LOT-0002`. */
  field: string | null
  message: string
}

export type ParsedNotice = { ok: true; notice: Notice } | { ok: false; refusal: Refusal }

class Refused extends Error {
  constructor(readonly refusal: Omit<Refusal, 'noticeId'>) {
    super(refusal.message)
  }
}

const missing = (field: string, what: string) =>
  new Refused({ code: 'missing_field', field, message: `${what} (${field}) is missing` })
const invalid = (field: string, message: string) => new Refused({ code: 'invalid_field', field, message })

/** SDK 1.0 to 1.16: the versions whose field catalogue this reader follows. */
const SDK = /^eforms-sdk-1\.(\d+)(\.\d+)?$/
const LAST_KNOWN_MINOR = 16

const ROOTS: Record<string, 'cn' | 'pin' | 'can' | 'other'> = {
  ContractNotice: 'cn',
  PriorInformationNotice: 'pin',
  ContractAwardNotice: 'can',
  BusinessRegistrationInformationNotice: 'other',
}
const NOTICE_ID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
const ROOT_NS: Record<string, string> = {
  ContractNotice: 'urn:oasis:names:specification:ubl:schema:xsd:ContractNotice-2',
  PriorInformationNotice: 'urn:oasis:names:specification:ubl:schema:xsd:PriorInformationNotice-2',
  ContractAwardNotice: 'urn:oasis:names:specification:ubl:schema:xsd:ContractAwardNotice-2',
  BusinessRegistrationInformationNotice: 'http://data.europa.eu/p27/eforms-business-registration-information-notice/1',
}

/** ISO 639-2/B codes eForms uses, to ISO 639-1: the EU's 24 languages and the EEA's. */
const LANGUAGES: Readonly<Record<string, string>> = {
  BUL: 'bg', CES: 'cs', DAN: 'da', DEU: 'de', ELL: 'el', ENG: 'en', EST: 'et', FIN: 'fi',
  FRA: 'fr', GLE: 'ga', HRV: 'hr', HUN: 'hu', ITA: 'it', LAV: 'lv', LIT: 'lt', MLT: 'mt',
  NLD: 'nl', POL: 'pl', POR: 'pt', RON: 'ro', SLK: 'sk', SLV: 'sl', SPA: 'es', SWE: 'sv',
  NOR: 'no', ISL: 'is',
} // prettier-ignore

/** ISO 3166 alpha-3 to alpha-2: Europe, and the countries buyers most often name beside it. */
const COUNTRIES: Readonly<Record<string, string>> = Object.fromEntries(
  (
    'AUT AT BEL BE BGR BG HRV HR CYP CY CZE CZ DNK DK EST EE FIN FI FRA FR DEU DE GRC GR HUN HU IRL IE ITA IT ' +
    'LVA LV LTU LT LUX LU MLT MT NLD NL POL PL PRT PT ROU RO SVK SK SVN SI ESP ES SWE SE ISL IS LIE LI NOR NO ' +
    'CHE CH GBR GB ALB AL AND AD BIH BA MNE ME MKD MK SRB RS TUR TR UKR UA MDA MD GEO GE MCO MC SMR SM VAT VA ' +
    'USA US CAN CA JPN JP CHN CN IND IN BRA BR AUS AU KOR KR ISR IL EGY EG MAR MA TUN TN ZAF ZA BWA BW'
  )
    .match(/[A-Z]{3} [A-Z]{2}/g)!
    .map((pair) => pair.split(' ') as [string, string]),
)

/** eForms dates carry an offset (`2020-02-04+02:00`, `2023-05-26Z`); times too (`10:00:00+02:00`). */
const DATE = /^(\d{4}-\d{2}-\d{2})(Z|[+-]\d{2}:\d{2})?$/
const TIME = /^(\d{2}:\d{2}:\d{2})(?:\.\d+)?(Z|[+-]\d{2}:\d{2})?$/

function dateOf(value: string, field: string): { day: string; offset: string } {
  const match = DATE.exec(value)
  if (!match || Number.isNaN(Date.parse(match[1]!))) throw invalid(field, `${field} "${value}" is not a date`)
  return { day: match[1]!, offset: match[2] ?? 'Z' }
}

/** A deadline as an instant: the date with its time, or the end of that day where only the date is given. */
function instantOf(period: XmlElement | undefined, field: string): string | null {
  const date = textAt(period, 'cbc:EndDate')
  if (!date) return null
  const { day, offset } = dateOf(date, `${field}(d)`)
  const time = textAt(period, 'cbc:EndTime')
  if (!time) return `${day}T23:59:59${offset}`
  const match = TIME.exec(time)
  if (!match) throw invalid(`${field}(t)`, `${field}(t) "${time}" is not a time`)
  return `${day}T${match[1]}${match[2] ?? offset}`
}

/** A multilingual text (one value per language), or an error naming the field when a language repeats. */
function textsOf(elements: XmlElement[], field: string): Texts {
  const texts: Texts = {}
  for (const element of elements) {
    if (!element.text) continue
    const code = element.attributes.languageID ?? ''
    const language = LANGUAGES[code]
    if (!language) throw invalid(field, `${field} is in an unknown language "${code}"`)
    if (texts[language] !== undefined) throw invalid(field, `${field} is given twice in ${code}`)
    texts[language] = element.text
  }
  return texts
}

function cpvOf(element: XmlElement | undefined, field: string): string | undefined {
  const code = element?.text
  if (!code) return undefined
  if (!/^\d{8}$/.test(code) || !cpvByCode(code)) throw invalid(field, `${field} "${code}" is not a CPV 2008 code`)
  return code
}

const nuts2Of = (nuts: string | undefined) =>
  nuts && nuts.length >= 4 && isNuts2(nuts.slice(0, 4)) ? nuts.slice(0, 4) : null

/** The text in the notice's official language, else in its first language. */
export const preferred = (texts: Texts, languages: readonly string[]): string | undefined =>
  languages.map((language) => texts[language]).find((text) => text !== undefined) ?? Object.values(texts)[0]

function buyerOf(root: XmlElement, languages: string[]): NoticeBuyer {
  const reference = textAt(root, 'cac:ContractingParty', 'cac:Party', 'cac:PartyIdentification', 'cbc:ID')
  if (!reference) throw missing('OPT-300-Procedure-Buyer', 'The buyer')
  const organisation = all(extensionOf(root), 'efac:Organizations', 'efac:Organization', 'efac:Company').find(
    (company) => textAt(company, 'cac:PartyIdentification', 'cbc:ID') === reference,
  )
  if (!organisation)
    throw invalid('OPT-300-Procedure-Buyer', `The buyer ${reference} is not among the notice's organisations`)
  const names = textsOf(all(organisation, 'cac:PartyName', 'cbc:Name'), 'BT-500-Organization-Company')
  const name = preferred(names, languages)
  if (!name) throw missing('BT-500-Organization-Company', "The buyer's name")
  const country = textAt(organisation, 'cac:PostalAddress', 'cac:Country', 'cbc:IdentificationCode')
  const nuts = textAt(organisation, 'cac:PostalAddress', 'cbc:CountrySubentityCode')
  return {
    name,
    country: (country && COUNTRIES[country]) ?? null,
    nuts: nuts ?? null,
    nuts2: nuts2Of(nuts),
    registration: textAt(organisation, 'cac:PartyLegalEntity', 'cbc:CompanyID') ?? null,
    contact: {
      point: textAt(organisation, 'cac:Contact', 'cbc:Name') ?? null,
      email: textAt(organisation, 'cac:Contact', 'cbc:ElectronicMail') ?? null,
      telephone: textAt(organisation, 'cac:Contact', 'cbc:Telephone') ?? null,
      website: textAt(organisation, 'cbc:WebsiteURI') ?? null,
    },
  }
}

/** The deadline a supplier acts on: tenders, else requests to participate, expressions of interest, or answers. */
function deadlineOf(lot: XmlElement, lotId: string): NoticeLot['deadline'] {
  const process = first(lot, 'cac:TenderingProcess')
  const candidates: [DeadlineKind, XmlElement | undefined, string][] = [
    ['tenders', first(process, 'cac:TenderSubmissionDeadlinePeriod'), 'BT-131'],
    ['requests', first(process, 'cac:ParticipationRequestReceptionPeriod'), 'BT-1311'],
    ['expressions', first(extensionOf(process), 'efac:InterestExpressionReceptionPeriod'), 'BT-630'],
    ['answers', first(extensionOf(process), 'efac:AnswerReceptionPeriod'), 'BT-630'],
  ]
  for (const [kind, period, field] of candidates) {
    const at = instantOf(period, `${field}-Lot ${lotId}`)
    if (at) return { at, kind }
  }
  return null
}

function lotOf(lot: XmlElement, procedure: { title: Texts; description: Texts }): NoticeLot {
  const lotId = textAt(lot, 'cbc:ID')!
  const project = first(lot, 'cac:ProcurementProject')
  const cpvMain = cpvOf(
    first(project, 'cac:MainCommodityClassification', 'cbc:ItemClassificationCode'),
    `BT-262-Lot ${lotId}`,
  )
  if (!cpvMain) throw missing(`BT-262-Lot ${lotId}`, `The main CPV code of ${lotId}`)
  const cpvExtra = all(project, 'cac:AdditionalCommodityClassification', 'cbc:ItemClassificationCode')
    .map((element) => cpvOf(element, `BT-263-Lot ${lotId}`))
    .filter((code): code is string => code !== undefined && code !== cpvMain)
  const title = textsOf(all(project, 'cbc:Name'), `BT-21-Lot ${lotId}`)
  const description = textsOf(all(project, 'cbc:Description'), `BT-24-Lot ${lotId}`)
  const addresses = all(project, 'cac:RealizedLocation', 'cac:Address')
  const value = first(project, 'cac:RequestedTenderTotal', 'cbc:EstimatedOverallContractAmount')
  if (value && !/^\d+(\.\d+)?$/.test(value.text))
    throw invalid(`BT-27-Lot ${lotId}`, `BT-27-Lot ${lotId} "${value.text}" is not an amount`)
  const currency = value?.attributes.currencyID
  if (value && !/^[A-Z]{3}$/.test(currency ?? ''))
    throw invalid(
      `BT-27-Lot-Currency ${lotId}`,
      `The currency of ${lotId}'s estimated value is missing or not ISO 4217`,
    )
  return {
    lotId,
    title: Object.keys(title).length > 0 ? title : procedure.title,
    description: Object.keys(description).length > 0 ? description : procedure.description,
    cpvMain,
    cpvExtra: [...new Set(cpvExtra)],
    places: [...new Set(addresses.map((a) => textAt(a, 'cbc:CountrySubentityCode')).filter((c): c is string => !!c))],
    countries: [
      ...new Set(
        addresses
          .map((a) => COUNTRIES[textAt(a, 'cac:Country', 'cbc:IdentificationCode') ?? ''])
          .filter((c): c is string => !!c),
      ),
    ],
    estimatedValue: value ? { amount: value.text, currency: currency! } : null,
    deadline: deadlineOf(lot, lotId),
  }
}

function formOf(kind: 'cn' | 'pin', noticeType: string): NoticeForm | Refused {
  if (kind === 'cn') return 'contract'
  if (noticeType === 'pmc') return 'market-consultation'
  if (noticeType === 'pin-buyer')
    return new Refused({
      code: 'no_lots',
      field: 'BT-02-notice',
      message: 'A buyer-profile notice announces no purchase: it has no lots to import',
    })
  return 'prior-information'
}

function read(root: XmlElement): Notice {
  const kind = ROOTS[root.name]
  if (!kind || root.ns !== ROOT_NS[root.name])
    throw new Refused({ code: 'not_eforms', field: null, message: `<${root.name}> is not an eForms notice` })
  const sdkVersion = textAt(root, 'cbc:CustomizationID')
  if (!sdkVersion)
    throw new Refused({
      code: 'unknown_sdk',
      field: 'OPT-002-notice',
      message: 'The eForms SDK version (OPT-002-notice) is missing',
    })
  const sdk = SDK.exec(sdkVersion)
  if (!sdk || Number(sdk[1]) > LAST_KNOWN_MINOR)
    throw new Refused({
      code: 'unknown_sdk',
      field: 'OPT-002-notice',
      message: `"${sdkVersion}" is not an eForms SDK version from 1.0 to 1.${LAST_KNOWN_MINOR}`,
    })
  const noticeType = textAt(root, 'cbc:NoticeTypeCode') ?? ''
  if (kind === 'can')
    throw new Refused({
      code: 'award_notice',
      field: 'BT-02-notice',
      message: `"${noticeType || 'can'}" reports contracts already awarded: there is nothing left to tender for`,
    })
  if (kind === 'other')
    throw new Refused({
      code: 'other_kind',
      field: 'BT-02-notice',
      message: `"${noticeType || root.name}" is not a call for tenders or a prior information notice`,
    })
  const form = formOf(kind, noticeType)
  if (form instanceof Refused) throw form
  const noticeId = textAt(root, 'cbc:ID')
  if (!noticeId) throw missing('BT-701-notice', 'The notice identifier')
  if (!NOTICE_ID.test(noticeId)) throw invalid('BT-701-notice', `The notice identifier "${noticeId}" is not a UUID`)
  const version = textAt(root, 'cbc:VersionID')
  if (!version) throw missing('BT-757-notice', 'The notice version')
  if (!/^\d{2}$/.test(version)) throw invalid('BT-757-notice', `The notice version "${version}" is not two digits`)
  const official = textAt(root, 'cbc:NoticeLanguageCode')
  if (!official) throw missing('BT-702(a)-notice', 'The official language')
  const languages = [official, ...all(root, 'cac:AdditionalNoticeLanguage', 'cbc:ID').map((e) => e.text)].map(
    (code) => {
      const language = LANGUAGES[code]
      if (!language) throw invalid('BT-702-notice', `"${code}" is not an official language of a notice`)
      return language
    },
  )
  const issued = textAt(root, 'cbc:IssueDate')
  if (!issued) throw missing('BT-05(a)-notice', 'The dispatch date')
  const procedureId = textAt(root, 'cbc:ContractFolderID') ?? null
  if (!procedureId && kind === 'cn') throw missing('BT-04-notice', 'The procedure identifier')
  const project = first(root, 'cac:ProcurementProject')
  const title = textsOf(all(project, 'cbc:Name'), 'BT-21-Procedure')
  const description = textsOf(all(project, 'cbc:Description'), 'BT-24-Procedure')
  const lotElements = all(root, 'cac:ProcurementProjectLot').filter((lot) =>
    ['Lot', 'Part'].includes(first(lot, 'cbc:ID')?.attributes.schemeName ?? ''),
  )
  const lotIds = lotElements.map((lot) => textAt(lot, 'cbc:ID'))
  if (lotIds.some((id) => !id)) throw missing('BT-137-Lot', 'A lot identifier')
  const repeated = lotIds.find((id, i) => lotIds.indexOf(id) !== i)
  if (repeated) throw invalid('BT-137-Lot', `The lot identifier ${repeated} is given twice`)
  if (lotElements.length === 0)
    throw new Refused({ code: 'no_lots', field: 'BT-137-Lot', message: 'The notice has no lot or part to import' })
  const extension = extensionOf(root)
  const changes = first(extension, 'efac:Changes')
  const planned = textAt(root, 'cbc:PlannedDate')
  return {
    noticeId: noticeId.toLowerCase(),
    version,
    procedureId,
    form,
    noticeType,
    subtype: textAt(extension, 'efac:NoticeSubType', 'cbc:SubTypeCode') ?? '',
    sdkVersion,
    issueDate: dateOf(issued, 'BT-05(a)-notice').day,
    languages,
    title,
    description,
    buyer: buyerOf(root, languages),
    lots: lotElements.map((lot) => lotOf(lot, { title, description })),
    plannedDate: planned ? dateOf(planned, 'BT-127-notice').day : null,
    publicationNumber: textAt(extension, 'efac:Publication', 'efbc:NoticePublicationID') ?? null,
    change: changes ? changeOf(changes) : null,
  }
}

/** BT-758 names the changed notice as `<identifier>-<version>`; BT-140 `cancel` cancels the procedure. */
function changeOf(changes: XmlElement): Notice['change'] {
  const changed = textAt(changes, 'efbc:ChangedNoticeIdentifier')
  if (!changed) throw missing('BT-758-notice', 'The identifier of the changed notice')
  const match = /^(.+)-(\d{2})$/.exec(changed)
  if (!match) throw invalid('BT-758-notice', `"${changed}" is not a notice identifier followed by its version`)
  const reason = first(changes, 'efac:ChangeReason')
  return {
    noticeId: match[1]!,
    version: match[2]!,
    cancel: textAt(reason, 'cbc:ReasonCode') === 'cancel',
    reason: textsOf(all(reason, 'efbc:ReasonDescription'), 'BT-762-notice'),
  }
}

export function parseNotice(source: string): ParsedNotice {
  let root: XmlElement
  try {
    root = parseXml(source)
  } catch (error) {
    const where = error instanceof XmlSyntaxError ? ` at line ${error.line}, column ${error.column}` : ''
    return {
      ok: false,
      refusal: {
        code: 'malformed_xml',
        noticeId: null,
        field: null,
        message: `The XML is malformed${where}: ${error instanceof Error ? error.message : String(error)}`,
      },
    }
  }
  const noticeId = textAt(root, 'cbc:ID') ?? null
  try {
    return { ok: true, notice: read(root) }
  } catch (error) {
    if (error instanceof Refused)
      return {
        ok: false,
        refusal: { ...error.refusal, noticeId: error.refusal.code === 'not_eforms' ? null : noticeId },
      }
    throw error
  }
}

/** The notice on TED, once published there (its publication number, OPP-010). */
export const tedUrlOf = (publicationNumber: string | null) =>
  publicationNumber ? `https://ted.europa.eu/en/notice/-/detail/${encodeURIComponent(publicationNumber)}` : null
