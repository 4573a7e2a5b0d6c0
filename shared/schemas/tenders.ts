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
