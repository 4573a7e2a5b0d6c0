import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  InvitationCreateSchema,
  InvitationSchema,
  MemberSchema,
  OrganisationPatchSchema,
  OrganisationSchema,
  RoleSchema,
} from '../../../shared/schemas/accounts.js'
import { access, authOf, authProblems } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { OrganisationsService } from './organisations.service.js'

const OrgParams = Type.Object({ orgId: Type.String({ format: 'uuid' }) })
const MemberParams = Type.Object({ orgId: Type.String({ format: 'uuid' }), userId: Type.String({ format: 'uuid' }) })
const InvitationParams = Type.Object({
  orgId: Type.String({ format: 'uuid' }),
  invitationId: Type.String({ format: 'uuid' }),
})

export const organisationsRoutes: FastifyPluginAsyncTypebox<{ organisations: OrganisationsService }> = async (
  app,
  { organisations },
) => {
  const tags = ['organisations']
  const admin = { access: access.member('orgId', ['admin']) }
  const actor = (request: { auth: { userId: string } | null; id: unknown }) => ({
    userId: authOf(request as never).userId,
    requestId: String(request.id),
  })

  app.get(
    '/organisations/:orgId',
    {
      config: {
        access: access.anyOf(access.member('orgId'), access.organiserOf('orgId'), access.orgKind(['authority'])),
      },
      schema: {
        tags,
        summary: 'An organisation profile (its members, its organisers, the authority)',
        params: OrgParams,
        response: { 200: OrganisationSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => organisations.getOrganisation(request.params.orgId),
  )

  app.patch(
    '/organisations/:orgId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Edit the profile (admins)',
        params: OrgParams,
        body: OrganisationPatchSchema,
        response: { 200: OrganisationSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => organisations.updateOrganisation(actor(request), request.params.orgId, request.body),
  )

  app.get(
    '/organisations/:orgId/members',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'The team',
        params: OrgParams,
        response: { 200: Type.Array(MemberSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => organisations.listMembers(request.params.orgId),
  )

  app.patch(
    '/organisations/:orgId/members/:userId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Change a member’s role (admins)',
        params: MemberParams,
        body: Type.Object({ role: RoleSchema }, { additionalProperties: false }),
        response: { 200: MemberSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) =>
      organisations.changeRole(actor(request), {
        organisationId: request.params.orgId,
        userId: request.params.userId,
        role: request.body.role,
      }),
  )

  app.delete(
    '/organisations/:orgId/members/:userId',
    {
      config: { access: access.member('orgId') },
      schema: {
        tags,
        summary: 'Remove a member (admins) or leave (yourself)',
        params: MemberParams,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const auth = authOf(request)
      const isAdmin = auth.memberships.some((m) => m.organisationId === request.params.orgId && m.role === 'admin')
      if (!isAdmin && auth.userId !== request.params.userId)
        throw authProblems.forbidden('Only admins remove other members.')
      await organisations.removeMember(actor(request), request.params.orgId, request.params.userId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/organisations/:orgId/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Open invitations (admins)',
        params: OrgParams,
        response: { 200: Type.Array(InvitationSchema), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => organisations.listInvitations(request.params.orgId),
  )

  app.post(
    '/organisations/:orgId/invitations',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Invite someone by e-mail (admins)',
        params: OrgParams,
        body: InvitationCreateSchema,
        response: { 201: InvitationSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await organisations.inviteMember(actor(request), request.params.orgId, request.body)),
  )

  app.delete(
    '/organisations/:orgId/invitations/:invitationId',
    {
      config: admin,
      schema: {
        tags,
        summary: 'Revoke an invitation (admins)',
        params: InvitationParams,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await organisations.revokeInvitation(actor(request), request.params.orgId, request.params.invitationId)
      return reply.code(204).send(null)
    },
  )
}
