import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import type { FastifyReply } from 'fastify'
import {
  AcceptedSchema,
  InvitationAcceptSchema,
  InvitationSchema,
  MagicLinkRequestSchema,
  MagicLinkVerifySchema,
  PasswordSignInSchema,
  SessionSchema,
  SignUpSchema,
} from '../../../shared/schemas/accounts.js'
import { access, authOf, requestMeta, SESSION_COOKIE } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import { SESSION_DAYS, type AccountsService, type SignedIn } from './accounts.service.js'
import type { JoinService } from './join.service.js'

export interface AuthRoutesOptions {
  accounts: AccountsService
  join: JoinService
  secureCookies: boolean
}

export const authRoutes: FastifyPluginAsyncTypebox<AuthRoutesOptions> = async (
  app,
  { accounts, join, secureCookies },
) => {
  const signIn = (reply: FastifyReply, signedIn: SignedIn) =>
    reply
      .setCookie(SESSION_COOKIE, signedIn.token, {
        httpOnly: true,
        sameSite: 'lax',
        secure: secureCookies,
        path: '/',
        maxAge: SESSION_DAYS * 86_400,
      })
      .header('cache-control', 'no-store')
      .send(signedIn.session)
  const tags = ['auth']

  app.post(
    '/auth/sign-up',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Register an SME or buyer with a hub; a sign-in link is e-mailed',
        body: SignUpSchema,
        response: { 202: AcceptedSchema, ...problemResponses(400, 409, 429) },
      },
    },
    async (request, reply) => {
      await accounts.signUp(request.body, requestMeta(request))
      return reply.code(202).send({ status: 'accepted', message: 'Check your inbox for the sign-in link.' })
    },
  )

  app.post(
    '/auth/magic-link',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'E-mail a one-time sign-in link (answers the same for unknown e-mails)',
        body: MagicLinkRequestSchema,
        response: { 202: AcceptedSchema, ...problemResponses(400, 429) },
      },
    },
    async (request, reply) => {
      await accounts.requestMagicLink(request.body.email, requestMeta(request))
      return reply
        .code(202)
        .send({ status: 'accepted', message: 'If this e-mail has an account, a sign-in link is on its way.' })
    },
  )

  app.post(
    '/auth/magic-link/verify',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Exchange a sign-in link for a session',
        body: MagicLinkVerifySchema,
        response: { 200: SessionSchema, ...problemResponses(400, 410, 429) },
      },
    },
    async (request, reply) => signIn(reply, await accounts.verifyMagicLink(request.body.token, requestMeta(request))),
  )

  app.post(
    '/auth/password',
    {
      config: { access: access.public },
      schema: {
        tags,
        summary: 'Sign in with e-mail and password',
        body: PasswordSignInSchema,
        response: { 200: SessionSchema, ...problemResponses(400, 401, 429) },
      },
    },
    async (request, reply) =>
      signIn(reply, await accounts.signInWithPassword(request.body.email, request.body.password, requestMeta(request))),
  )

  app.get(
    '/auth/session',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'The current session, with the CSRF token for writes',
        response: { 200: SessionSchema, ...problemResponses(401) },
      },
    },
    async (request, reply) =>
      reply.header('cache-control', 'no-store').send(await accounts.getSession(authOf(request))),
  )

  app.post(
    '/auth/sign-out',
    {
      config: { access: access.signedIn },
      schema: { tags, summary: 'End this session', response: { 204: Type.Null(), ...problemResponses(401, 403) } },
    },
    async (request, reply) => {
      await accounts.signOut(authOf(request))
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null)
    },
  )

  app.post(
    '/auth/sign-out-everywhere',
    {
      config: { access: access.signedIn },
      schema: {
        tags,
        summary: 'End every session of this user, on every device',
        response: { 204: Type.Null(), ...problemResponses(401, 403) },
      },
    },
    async (request, reply) => {
      await accounts.signOutEverywhere(authOf(request), requestMeta(request))
      return reply.clearCookie(SESSION_COOKIE, { path: '/' }).code(204).send(null)
    },
  )

  app.get(
    '/invitations/:token',
    {
      config: { access: access.public },
      schema: {
        tags: ['invitations'],
        summary: 'Preview an invitation',
        params: Type.Object({ token: Type.String({ minLength: 20, maxLength: 200 }) }),
        response: { 200: InvitationSchema, ...problemResponses(400, 410) },
      },
    },
    async (request) => join.previewInvitation(request.params.token),
  )

  app.post(
    '/invitations/accept',
    {
      config: { access: access.public },
      schema: {
        tags: ['invitations'],
        summary: 'Accept an invitation and sign in',
        body: InvitationAcceptSchema,
        response: { 200: SessionSchema, ...problemResponses(400, 410) },
      },
    },
    async (request, reply) => signIn(reply, await join.acceptInvitation(request.body, requestMeta(request))),
  )
}
