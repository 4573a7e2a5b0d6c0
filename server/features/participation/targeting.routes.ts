import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import { CONTENT_TYPES } from '../../infra/spreadsheets.js'
import type { TargetingService } from './targeting.service.js'

const EventParams = Type.Object({ eventId: Type.String({ format: 'uuid' }) })
const FileSchema = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')]),
    content: Type.String({ minLength: 1, maxLength: 700_000, description: 'CSV text, or XLSX as base64' }),
  },
  { additionalProperties: false },
)
const PreviewRowSchema = Type.Object({
  line: Type.Integer(),
  values: Type.Record(Type.String(), Type.String()),
  errors: Type.Array(Type.Object({ field: Type.String(), message: Type.String() })),
  action: Type.Union([Type.Literal('create'), Type.Literal('add'), Type.Literal('already'), Type.Literal('invalid')]),
  organisationId: Type.Optional(Type.String({ format: 'uuid' })),
})

/** Targeting lists: import from CSV or XLSX with a preview naming each bad row, and export. */
export const targetingRoutes: FastifyPluginAsyncTypebox<{ targeting: TargetingService }> = async (
  app,
  { targeting },
) => {
  const tags = ['targeting']
  const organiser = { access: access.eventOrganiser('eventId') }
  app.post(
    '/events/:eventId/targeting/preview',
    {
      config: organiser,
      schema: {
        tags,
        summary: 'What an import would do, row by row, with the errors of each bad row',
        params: EventParams,
        body: FileSchema,
        response: { 200: Type.Array(PreviewRowSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => targeting.preview(request.params.eventId, request.body),
  )
  app.post(
    '/events/:eventId/targeting/import',
    {
      config: organiser,
      schema: {
        tags,
        summary: 'Import the valid rows as targeted (or invited) participants',
        params: EventParams,
        body: FileSchema,
        response: { 200: Type.Array(PreviewRowSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => targeting.importRows(authOf(request), request.params.eventId, request.body),
  )
  app.get(
    '/events/:eventId/targeting/export',
    {
      config: { access: access.anyOf(access.eventOrganiser('eventId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary: 'The participants as CSV or XLSX',
        params: EventParams,
        querystring: Type.Object(
          {
            format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }),
            lang: Type.Union([Type.Literal('en'), Type.Literal('it')], {
              default: 'en',
              description: 'CSV for Excel in this language: Italian uses the semicolon and the decimal comma',
            }),
          },
          { additionalProperties: false },
        ),
        response: { ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request, reply) => {
      const { format, lang } = request.query
      const file = await targeting.exportRows(request.params.eventId, format, lang)
      return reply.type(CONTENT_TYPES[format]).header('content-disposition', file.disposition).send(file.body)
    },
  )
}
