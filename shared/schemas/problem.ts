import { Type, type Static } from '@sinclair/typebox'

/** One field that failed validation, named by its JSON pointer-like path (`body.email`). */
export const FieldErrorSchema = Type.Object({
  field: Type.String({ description: 'Where the bad value is, e.g. `body.email` or `query.limit`' }),
  message: Type.String(),
  code: Type.String({ description: 'Stable reason, e.g. `format`, `required`, `minLength`' }),
})
export type FieldError = Static<typeof FieldErrorSchema>

/** RFC 9457 problem details with a stable, namespaced `code` the web client switches on. */
export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    detail: Type.Optional(Type.String()),
    instance: Type.Optional(Type.String()),
    code: Type.String({ description: 'Stable, namespaced code such as `validation.failed`' }),
    requestId: Type.Optional(Type.String()),
    errors: Type.Optional(Type.Array(FieldErrorSchema)),
    params: Type.Optional(
      Type.Record(Type.String(), Type.Union([Type.String(), Type.Number()]), {
        description: 'Values for the client’s own sentence: who clashes (`name`), which limit (`limit`), …',
      }),
    ),
  },
  { $id: 'Problem' },
)
export type Problem = Static<typeof ProblemSchema>

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'
