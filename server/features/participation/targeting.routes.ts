import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
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
          { format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }) },
          { additionalProperties: false },
        ),
        response: { ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      const format = request.query.format
      const body = await targeting.exportRows(request.params.eventId, format)
      const type =
        format === 'csv'
          ? 'text/csv; charset=utf-8'
          : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
      return reply.type(type).header('content-disposition', `attachment; filename="participants.${format}"`).send(body)
    },
  )
}
