import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { CONTRACT_STATUSES } from '../../../shared/lifecycles/contracts.js'
import {
  ContractDecisionSchema,
  ContractInputSchema,
  ContractOverviewQuerySchema,
  ContractOverviewSchema,
  ContractSchema,
} from '../../../shared/schemas/outcomes.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { ContractsService } from './contracts.service.js'
import { outcomesProblems as problems } from './outcomes.errors.js'
import { acceptUploads, sendDocument, UPLOAD_BODY_LIMIT } from './documents.http.js'

const Org = Type.Object({ orgId: Type.String({ format: 'uuid' }) })
const ContractParams = Type.Object({ contractId: Type.String({ format: 'uuid' }) })
/** Who reads a contract (and may try to confirm it): its two sides, the hubs of its edition, the regional authority. */
const CONTRACT_READERS = access.hidden(
  access.anyOf(
    access.contractParty('contractId'),
    access.contractEditionOrganiser('contractId'),
    access.orgKind(['authority']),
  ),
  problems.contractNotFound,
)
const EditionParams = Type.Object({ editionId: Type.String({ format: 'uuid' }) })
const StatusQuery = Type.Object(
  { status: Type.Optional(Type.Union(CONTRACT_STATUSES.map((s) => Type.Literal(s)))) },
  { additionalProperties: false },
)

/** Supply contracts: reported by either side, confirmed by the other, verified by the edition's hub, with evidence. */
export const contractsRoutes: FastifyPluginAsyncTypebox<{ contracts: ContractsService }> = async (
  app,
  { contracts },
) => {
  const tags = ['contracts']
  acceptUploads(app)

  app.post(
    '/organisations/:orgId/contracts',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'Report a supply contract signed with the other side (an SME with a buyer, or a buyer with an SME)',
        params: Org,
        body: ContractInputSchema,
        response: { 201: ContractSchema, ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await contracts.reportContract(authOf(request), request.params.orgId, request.body)),
  )

  app.get(
    '/organisations/:orgId/contracts',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'The contracts the organisation is a side of',
        params: Org,
        response: { 200: Type.Array(ContractSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => contracts.listForOrganisation(request.params.orgId),
  )

  app.get(
    '/editions/:editionId/contracts',
    {
      config: { access: access.anyOf(access.editionOrganiser('editionId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary: 'The contracts of an edition, for verification',
        params: EditionParams,
        querystring: StatusQuery,
        response: { 200: Type.Array(ContractSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => contracts.listForEdition(request.params.editionId, request.query.status),
  )

  app.get(
    '/editions/:editionId/contracts/overview',
    {
      config: { access: access.anyOf(access.editionOrganiser('editionId'), access.orgKind(['authority'])) },
      schema: {
        tags,
        summary:
          'The contracts of an edition for verification: by status and name, newest signed first, a page at a time',
        params: EditionParams,
        querystring: ContractOverviewQuerySchema,
        response: { 200: ContractOverviewSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => contracts.overviewForEdition(request.params.editionId, request.query),
  )

  app.get(
    '/contracts/:contractId',
    {
      config: { access: CONTRACT_READERS },
      schema: {
        tags,
        summary: 'A contract with its trail (its sides, the hubs of its edition and the authority)',
        params: ContractParams,
        response: { 200: ContractSchema, ...problemResponses(401, 404) },
      },
    },
    async (request) => contracts.getContract(authOf(request), request.params.contractId),
  )

  app.post(
    '/contracts/:contractId/confirm',
    {
      config: { access: CONTRACT_READERS },
      schema: {
        tags,
        summary: 'Confirm a contract the other side reported',
        params: ContractParams,
        response: { 200: ContractSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => contracts.confirmContract(authOf(request), request.params.contractId),
  )

  app.post(
    '/contracts/:contractId/decision',
    {
      config: {
        access: access.allOf(
          access.orgKind(['organiser']),
          access.hidden(access.contractEditionOrganiser('contractId'), problems.contractNotFound),
        ),
      },
      schema: {
        tags,
        summary: 'Verify a confirmed contract with evidence, or reject it with a note (a hub of its edition)',
        params: ContractParams,
        body: ContractDecisionSchema,
        response: { 200: ContractSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => contracts.decideContract(authOf(request), request.params.contractId, request.body),
  )

  app.put(
    '/contracts/:contractId/evidence',
    {
      config: {
        access: access.allOf(
          access.orgKind(['sme', 'buyer']),
          access.hidden(access.contractParty('contractId'), problems.contractNotFound),
        ),
      },
      bodyLimit: UPLOAD_BODY_LIMIT,
      schema: {
        tags,
        summary: 'Attach the evidence document: the raw PDF, PNG or JPEG file as the body (at most 5 MB)',
        params: ContractParams,
        querystring: Type.Object(
          { fileName: Type.Optional(Type.String({ maxLength: 200 })) },
          { additionalProperties: false },
        ),
        response: { 200: ContractSchema, ...problemResponses(400, 401, 403, 404, 409, 413, 415) },
      },
    },
    async (request) =>
      contracts.attachEvidence(authOf(request), request.params.contractId, {
        bytes: request.body as Buffer,
        fileName: request.query.fileName,
      }),
  )

  app.get(
    '/contracts/:contractId/evidence',
    {
      config: { access: CONTRACT_READERS },
      schema: {
        tags,
        summary: 'Download the evidence document',
        params: ContractParams,
        response: problemResponses(401, 404),
      },
    },
    async (request, reply) =>
      sendDocument(reply, await contracts.evidenceOf(authOf(request), request.params.contractId)),
  )
}
