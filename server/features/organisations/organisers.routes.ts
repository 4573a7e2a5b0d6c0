import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  AffiliationStatusSchema,
  InvitationSchema,
  ParticipantDecisionSchema,
  ParticipantInvitationSchema,
  ParticipantListQuerySchema,
  ParticipantPageSchema,
  ParticipantSchema,
  PublicOrganiserSchema,
} from '../../../shared/schemas/accounts.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { OrganisationsService } from './organisations.service.js'

const OrgParams = Type.Object({ orgId: Type.String({ format: 'uuid' }) })

/** Hubs: the public list SMEs and buyers register with, and each hub's participant roster. */
export const organisersRoutes: FastifyPluginAsyncTypebox<{ organisations: OrganisationsService }> = async (
  app,
  { organisations },
) => {
  const tags = ['organisers']
  const organiserMember = { access: access.orgKind(['organiser'], 'orgId') }

  app.get(
    '/organisers',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Hubs an SME or buyer can register with',
        response: { 200: Type.Array(PublicOrganiserSchema) },
      },
    },
    async () => organisations.listPublicOrganisers(),
  )

  app.get(
    '/organisers/:orgId/participants',
    {
      config: organiserMember,
      schema: {
        tags,
        summary: 'SMEs and buyers registered with this hub',
        params: OrgParams,
        querystring: Type.Object({ status: Type.Optional(AffiliationStatusSchema) }, { additionalProperties: false }),
        response: { 200: Type.Array(ParticipantSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => organisations.listParticipants(request.params.orgId, request.query.status),
  )

  app.get(
    '/organisers/:orgId/participants/page',
    {
      config: organiserMember,
      schema: {
        tags,
        summary: 'SMEs and buyers registered with this hub: newest first, by status, kind and name, a page at a time',
        params: OrgParams,
        querystring: ParticipantListQuerySchema,
        response: { 200: ParticipantPageSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => organisations.participantPage(request.params.orgId, request.query),
  )

  app.post(
    '/organisers/:orgId/participants/:participantId/decision',
    {
      config: organiserMember,
      schema: {
        tags,
        summary: 'Validate or reject a registration',
        params: Type.Object({ orgId: Type.String({ format: 'uuid' }), participantId: Type.String({ format: 'uuid' }) }),
        body: ParticipantDecisionSchema,
        response: { 200: ParticipantSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      organisations.decideParticipant(
        { userId: authOf(request).userId, requestId: String(request.id) },
        { organiserId: request.params.orgId, participantId: request.params.participantId, decision: request.body },
      ),
  )

  app.post(
    '/organisers/:orgId/participant-invitations',
    {
      config: organiserMember,
      schema: {
        tags,
        summary: 'Invite an SME or buyer: the organisation is created validated, its admin is e-mailed',
        params: OrgParams,
        body: ParticipantInvitationSchema,
        response: { 201: InvitationSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(
          await organisations.inviteParticipant(
            { userId: authOf(request).userId, requestId: String(request.id) },
            request.params.orgId,
            request.body,
          ),
        ),
  )
}
