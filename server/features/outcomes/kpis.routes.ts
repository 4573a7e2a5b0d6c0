import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type, type TObject } from '@sinclair/typebox'
import type { FastifyRequest } from 'fastify'
import { KpiReportSchema, KpiTableKeySchema } from '../../../shared/schemas/outcomes.js'
import { access, type Access } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import { CONTENT_TYPES } from '../../infra/spreadsheets.js'
import type { TableKey } from './kpi.definitions.js'
import type { KpisService, ScopeRef } from './kpis.service.js'

const Id = Type.String({ format: 'uuid' })
const RowsSchema = Type.Object({
  columns: Type.Array(Type.String()),
  rows: Type.Array(Type.Record(Type.String(), Type.Unknown())),
  total: Type.Integer(),
})
const ExportQuery = Type.Object(
  {
    format: Type.Union([Type.Literal('csv'), Type.Literal('xlsx')], { default: 'csv' }),
    table: Type.Union([Type.Literal('figures'), KpiTableKeySchema], { default: 'figures' }),
    lang: Type.Union([Type.Literal('en'), Type.Literal('it')], {
      default: 'en',
      description: 'CSV for Excel in this language: Italian uses the semicolon and the decimal comma',
    }),
  },
  { additionalProperties: false },
)
const RowsQuery = Type.Object(
  {
    limit: Type.Integer({ minimum: 1, maximum: 5000, default: 500 }),
    offset: Type.Integer({ minimum: 0, default: 0 }),
  },
  { additionalProperties: false },
)

interface ScopeRoutes {
  base: string
  params?: TObject
  access: Access
  ref(request: FastifyRequest): ScopeRef
  label: string
}

/** The KPI report, the rows behind each figure and the exports, for each scope: edition, event, hub, everything. */
export const kpisRoutes: FastifyPluginAsyncTypebox<{ kpis: KpisService }> = async (app, { kpis }) => {
  const tags = ['kpis']
  const param = (request: FastifyRequest, name: string) => (request.params as Record<string, string>)[name]!
  const scopes: ScopeRoutes[] = [
    {
      base: '/editions/:editionId/kpis',
      params: Type.Object({ editionId: Id }),
      access: access.anyOf(access.editionOrganiser('editionId'), access.orgKind(['authority'])),
      ref: (r) => ({ kind: 'edition', id: param(r, 'editionId') }),
      label: 'an edition, against its targets',
    },
    {
      base: '/events/:eventId/kpis',
      params: Type.Object({ eventId: Id }),
      access: access.anyOf(access.eventOrganiser('eventId'), access.orgKind(['authority'])),
      ref: (r) => ({ kind: 'event', id: param(r, 'eventId') }),
      label: 'one event',
    },
    {
      base: '/organisers/:orgId/kpis',
      params: Type.Object({ orgId: Id }),
      access: access.anyOf(access.orgKind(['organiser'], 'orgId'), access.orgKind(['authority'])),
      ref: (r) => ({ kind: 'organiser', id: param(r, 'orgId') }),
      label: 'a hub’s editions, with its own cluster performance',
    },
    {
      base: '/kpis',
      access: access.orgKind(['authority']),
      ref: () => ({ kind: 'all' }),
      label: 'every edition of every hub (the authority)',
    },
  ]
  for (const scope of scopes) {
    const params = scope.params ? { params: scope.params } : {}
    app.get(
      scope.base,
      {
        config: { access: scope.access },
        schema: {
          tags,
          summary: `The five KPIs of ${scope.label}`,
          ...params,
          response: { 200: KpiReportSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => kpis.report(scope.ref(request)),
    )

    app.get(
      `${scope.base}/rows/:table`,
      {
        config: { access: scope.access },
        schema: {
          tags,
          summary: `The rows behind a figure of ${scope.label}`,
          params: Type.Object({ ...(scope.params?.properties ?? {}), table: KpiTableKeySchema }),
          querystring: RowsQuery,
          response: { 200: RowsSchema, ...problemResponses(400, 401, 403, 404) },
        },
      },
      async (request) => {
        const { table } = request.params as { table: TableKey }
        return kpis.rows(scope.ref(request), table, request.query)
      },
    )

    app.get(
      `${scope.base}/export`,
      {
        config: { access: scope.access },
        schema: {
          tags,
          summary: `Figures and rows of ${scope.label} as CSV (one table) or XLSX (every table)`,
          ...params,
          querystring: ExportQuery,
          response: problemResponses(400, 401, 403, 404),
        },
      },
      async (request, reply) => {
        const { format, table, lang } = request.query
        const file = await kpis.exportFile(scope.ref(request), format, table as TableKey | 'figures', lang)
        return reply.type(CONTENT_TYPES[format]).header('content-disposition', file.disposition).send(file.body)
      },
    )
  }
}
