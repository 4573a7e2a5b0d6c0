import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  PerformanceInputSchema,
  PerformanceSchema,
  VoucherAccountSchema,
  VoucherBudgetInputSchema,
  VoucherClaimInputSchema,
  VoucherDecisionSchema,
  VoucherEditionQuerySchema,
  VoucherEditionSchema,
} from '../../../shared/schemas/outcomes.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import { acceptUploads, sendDocument, UPLOAD_BODY_LIMIT } from './documents.http.js'
import type { PerformanceService } from './performance.service.js'
import type { VouchersService } from './vouchers.service.js'
import { outcomesProblems as problems } from './outcomes.errors.js'

const Id = Type.String({ format: 'uuid' })
const Org = Type.Object({ orgId: Id })
const Claim = Type.Object({ claimId: Id })

/** SME performance reports (KPI v) and vouchers. */
/** Who reads a voucher claim's receipt: the claim's SME, the hubs of its edition, the regional authority. */
const CLAIM_READERS = access.hidden(
  access.anyOf(access.claimSme('claimId'), access.claimEditionOrganiser('claimId'), access.orgKind(['authority'])),
  problems.claimNotFound,
)

export const performanceRoutes: FastifyPluginAsyncTypebox<{
  performance: PerformanceService
  vouchers: VouchersService
}> = async (app, { performance, vouchers }) => {
  acceptUploads(app)

  app.get(
    '/organisations/:orgId/performance',
    {
      config: {
        access: access.anyOf(access.member('orgId'), access.organiserOf('orgId'), access.orgKind(['authority'])),
      },
      schema: {
        tags: ['performance'],
        summary: 'The SME’s turnover and exports per year, with its baseline and follow-up years',
        params: Org,
        response: { 200: PerformanceSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => performance.getPerformance(request.params.orgId),
  )

  app.put(
    '/organisations/:orgId/performance/:year',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags: ['performance'],
        summary: 'Report (or correct) one year’s turnover and export volume',
        params: Type.Object({ orgId: Id, year: Type.Integer({ minimum: 1990, maximum: 2100 }) }),
        body: PerformanceInputSchema,
        response: { 200: PerformanceSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) =>
      performance.reportPerformance(authOf(request), {
        smeId: request.params.orgId,
        year: request.params.year,
        input: request.body,
      }),
  )

  const tags = ['vouchers']
  app.get(
    '/editions/:editionId/vouchers',
    {
      config: { access: access.anyOf(access.editionOrganiser('editionId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary: 'Voucher totals of an edition, and its accounts by SME name, a page at a time',
        params: Type.Object({ editionId: Id }),
        querystring: VoucherEditionQuerySchema,
        response: { 200: VoucherEditionSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => vouchers.editionVouchers(request.params.editionId, request.query),
  )

  app.put(
    '/editions/:editionId/vouchers/:orgId',
    {
      config: { access: access.editionOrganiser('editionId') },
      schema: {
        tags,
        summary: 'Set an SME’s voucher budget in the edition',
        params: Type.Object({ editionId: Id, orgId: Id }),
        body: VoucherBudgetInputSchema,
        response: { 200: VoucherAccountSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request) =>
      vouchers.setBudget(authOf(request), {
        editionId: request.params.editionId,
        smeId: request.params.orgId,
        budgetEur: request.body.budgetEur,
      }),
  )

  app.get(
    '/organisations/:orgId/vouchers',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'The SME’s voucher budgets and claims',
        params: Org,
        response: { 200: Type.Array(VoucherAccountSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => vouchers.organisationVouchers(request.params.orgId),
  )

  app.post(
    '/organisations/:orgId/voucher-claims',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'Claim part of a voucher budget',
        params: Org,
        body: VoucherClaimInputSchema,
        response: { 201: VoucherAccountSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await vouchers.claim(authOf(request), request.params.orgId, request.body)),
  )

  app.put(
    '/voucher-claims/:claimId/receipt',
    {
      config: {
        access: access.allOf(
          access.orgKind(['sme']),
          access.hidden(access.claimSme('claimId'), problems.claimNotFound),
        ),
      },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach the receipt: the raw PDF, PNG or JPEG file as the body (at most 5 MB)',
        params: Claim,
        querystring: Type.Object(
          { fileName: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: VoucherAccountSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      vouchers.attachReceipt(authOf(request), request.params.claimId, {
        bytes: request.body as Buffer,
        fileName: request.query.fileName,
      }),
  )

  app.get(
    '/voucher-claims/:claimId/receipt',
    {
      config: { access: CLAIM_READERS },
      schema: { tags, summary: 'Download the receipt of a claim', params: Claim, response: problemResponses(401, 404) },
    },
    async (request, reply) => sendDocument(reply, await vouchers.receiptOf(authOf(request), request.params.claimId)),
  )

  app.post(
    '/voucher-claims/:claimId/decision',
    {
      config: {
        access: access.allOf(
          access.orgKind(['organiser']),
          access.hidden(access.claimEditionOrganiser('claimId'), problems.claimNotFound),
        ),
      },
      schema: {
        tags,
        summary: 'Approve or reject a claim (a hub of the edition)',
        params: Claim,
        body: VoucherDecisionSchema,
        response: { 200: VoucherAccountSchema, ...problemResponses(400, 401, 404, 409) },
      },
    },
    async (request) => vouchers.decide(authOf(request), request.params.claimId, request.body),
  )
}
