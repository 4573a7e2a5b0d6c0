import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  NeedTenderSchema,
  NoticeReportSchema,
  NoticeUploadSchema,
  TenderListQuerySchema,
  TenderPageSchema,
} from '../../../shared/schemas/tenders.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { TendersService } from './tenders.service.js'

const OrgParams = Type.Object({ orgId: Type.String({ format: 'uuid' }) })
/** A zip of a few hundred notices, as base64. */
const UPLOAD_LIMIT = 16 * 1024 * 1024

/** A hub brings public tenders in from TED eForms notices: a preview, then the import. */
export const tendersRoutes: FastifyPluginAsyncTypebox<{ tenders: TendersService }> = async (app, { tenders }) => {
  const tags = ['tenders']
  const organiser = { access: access.orgKind(['organiser'], 'orgId') }
  app.get(
    '/needs/:needId/tender',
    {
      // Who may read the need: an SME, a hub or the authority, when the need's visibility lets them (else 404).
      config: { access: access.orgKind(['sme', 'organiser', 'authority']) },
      schema: {
        tags,
        summary: 'The public tender a need is a lot of (null for a need a buyer wrote): texts, deadline, notice on TED',
        params: Type.Object({ needId: Type.String({ format: 'uuid' }) }),
        response: { 200: NeedTenderSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => ({ tender: await tenders.tenderOfNeed(authOf(request), request.params.needId) }),
  )
  app.get(
    '/organisers/:orgId/tenders',
    {
      config: organiser,
      schema: {
        tags,
        summary: 'Public tenders of the buyers this hub validated: by status (open, closed, cancelled), newest first',
        params: OrgParams,
        querystring: TenderListQuerySchema,
        response: { 200: TenderPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => tenders.listForHub(request.params.orgId, request.query),
  )
  app.post(
    '/organisers/:orgId/tenders/preview',
    {
      config: organiser,
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: 'What importing these eForms notices would do, notice by notice and lot by lot; nothing is kept',
        params: OrgParams,
        body: NoticeUploadSchema,
        response: { 200: Type.Array(NoticeReportSchema), ...problemResponses(400, 401, 403, 413) },
      },
    },
    async (request) => tenders.preview(authOf(request), request.params.orgId, request.body.files),
  )
  app.post(
    '/organisers/:orgId/tenders/import',
    {
      config: organiser,
      bodyLimit: UPLOAD_LIMIT,
      schema: {
        tags,
        summary: 'Import eForms notices (XML, or zips of them) as needs of their public buyers, one notice at a time',
        params: OrgParams,
        body: NoticeUploadSchema,
        response: { 200: Type.Array(NoticeReportSchema), ...problemResponses(400, 401, 403, 413) },
      },
    },
    async (request) => tenders.importNotices(authOf(request), request.params.orgId, request.body.files),
  )
}
