import { Type, type Static } from '@sinclair/typebox'

/** Public tenders brought in from TED eForms notices: the upload, and what each notice did. */

export const NOTICE_OUTCOMES = ['created', 'updated', 'cancelled', 'unchanged', 'refused'] as const
export const LOT_ACTIONS = ['added', 'updated', 'unchanged', 'archived'] as const
export const NOTICE_FORMS = ['contract', 'prior-information', 'market-consultation'] as const
export const REFUSAL_CODES = [
  'malformed_xml',
  'not_eforms',
  'unknown_sdk',
  'award_notice',
  'other_kind',
  'no_lots',
  'missing_field',
  'invalid_field',
  'unknown_change',
] as const

/** A string that is one of `values`, typed as their union. */
const literals = <T extends readonly string[]>(values: T) =>
  Type.Unsafe<T[number]>({ type: 'string', enum: [...values] })

export const NoticeUploadSchema = Type.Object(
  {
    files: Type.Array(
      Type.Object(
        {
          name: Type.String({ minLength: 1, maxLength: 300, pattern: '\\.(xml|zip)$' }),
          content: Type.String({ minLength: 1, description: 'The XML text, or a zip of XML files as base64' }),
        },
        { additionalProperties: false },
      ),
      { minItems: 1, maxItems: 100 },
    ),
  },
  { additionalProperties: false },
)
export type NoticeUpload = Static<typeof NoticeUploadSchema>

export const NoticeReportSchema = Type.Object({
  file: Type.String(),
  noticeId: Type.Union([Type.String(), Type.Null()]),
  version: Type.Union([Type.String(), Type.Null()]),
  outcome: literals(NOTICE_OUTCOMES),
  form: Type.Optional(literals(NOTICE_FORMS)),
  buyer: Type.Optional(Type.String()),
  title: Type.Optional(Type.String()),
  lots: Type.Array(
    Type.Object({
      lotId: Type.String(),
      title: Type.String(),
      cpv: Type.String(),
      deadline: Type.Union([Type.String(), Type.Null()]),
      action: literals(LOT_ACTIONS),
    }),
  ),
  refusal: Type.Optional(
    Type.Object({
      code: literals(REFUSAL_CODES),
      field: Type.Union([Type.String(), Type.Null()]),
      message: Type.String(),
    }),
  ),
})
export type NoticeReport = Static<typeof NoticeReportSchema>

export const TENDER_STATUSES = ['open', 'closed', 'cancelled'] as const
export type TenderStatus = (typeof TENDER_STATUSES)[number]
export const TENDER_PAGE_SIZE = 20

/** Multilingual text: ISO 639-1 language → text. */
const TextsSchema = Type.Record(Type.String(), Type.String())
/** What a lot's deadline is for: tenders, requests to participate, expressions of interest, a consultation's answers. */
const DeadlineKindSchema = Type.Union([
  literals(['tenders', 'requests', 'expressions', 'answers'] as const),
  Type.Null(),
])
/** The buyer's contact point, as its notice gives it. */
const ContactSchema = Type.Object({
  point: Type.Union([Type.String(), Type.Null()]),
  email: Type.Union([Type.String(), Type.Null()]),
  telephone: Type.Union([Type.String(), Type.Null()]),
  website: Type.Union([Type.String(), Type.Null()]),
})

export const TenderLotSchema = Type.Object({
  lotId: Type.String(),
  needId: Type.String({ format: 'uuid' }),
  title: TextsSchema,
  places: Type.Array(Type.String()),
  estimatedValue: Type.Union([Type.Number(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  deadlineAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deadlineKind: DeadlineKindSchema,
  archived: Type.Boolean(),
})

export const TenderSummarySchema = Type.Object({
  id: Type.String({ format: 'uuid' }),
  title: TextsSchema,
  languages: Type.Array(Type.String()),
  buyer: Type.Object({ id: Type.String({ format: 'uuid' }), legalName: Type.String() }),
  form: literals(NOTICE_FORMS),
  status: literals(TENDER_STATUSES),
  tedUrl: Type.Union([Type.String(), Type.Null()]),
  publicationNumber: Type.Union([Type.String(), Type.Null()]),
  issueDate: Type.String({ format: 'date' }),
  contact: ContactSchema,
  nextDeadline: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  lots: Type.Array(TenderLotSchema),
})
export type TenderSummary = Static<typeof TenderSummarySchema>

export const TenderListQuerySchema = Type.Object(
  {
    status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('closed'), Type.Literal('cancelled')])),
    q: Type.Optional(Type.String({ maxLength: 100 })),
    page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  },
  { additionalProperties: false },
)
export type TenderListQuery = Static<typeof TenderListQuerySchema>

export const TenderPageSchema = Type.Object({
  items: Type.Array(TenderSummarySchema),
  total: Type.Integer(),
  counts: Type.Record(Type.String(), Type.Integer()),
  page: Type.Integer(),
  pageSize: Type.Integer(),
})
export type TenderPage = Static<typeof TenderPageSchema>

/** A need that is a lot of a public tender, as SMEs read it: every language's text, the deadline, the notice. */
export const TenderLotViewSchema = Type.Object({
  form: literals(NOTICE_FORMS),
  status: literals(TENDER_STATUSES),
  lotId: Type.String(),
  languages: Type.Array(Type.String()),
  title: TextsSchema,
  description: TextsSchema,
  places: Type.Array(Type.String()),
  estimatedValue: Type.Union([Type.Number(), Type.Null()]),
  currency: Type.Union([Type.String(), Type.Null()]),
  deadlineAt: Type.Union([Type.String({ format: 'date-time' }), Type.Null()]),
  deadlineKind: DeadlineKindSchema,
  tedUrl: Type.Union([Type.String(), Type.Null()]),
  publicationNumber: Type.Union([Type.String(), Type.Null()]),
  contact: ContactSchema,
})
export type TenderLotView = Static<typeof TenderLotViewSchema>
export const NeedTenderSchema = Type.Object({ tender: Type.Union([TenderLotViewSchema, Type.Null()]) })
