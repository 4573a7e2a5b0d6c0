import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { ConsentsSchema, SetPasswordSchema, UserPatchSchema, UserSchema } from '../../../shared/schemas/accounts.js'
import { access, authOf, requestMeta } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { MeService } from './me.service.js'

export const meRoutes: FastifyPluginAsyncTypebox<{ me: MeService }> = async (app, { me }) => {
  const tags = ['me']
  const signedIn = { access: access.signedIn }

  app.get(
    '/me',
    {
      config: signedIn,
      schema: { tags, summary: 'My profile', response: { 200: UserSchema, ...problemResponses(401) } },
    },
    async (request) => me.getMe(authOf(request)),
  )

  app.patch(
    '/me',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Change my name, language or time zone',
        body: UserPatchSchema,
        response: { 200: UserSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => me.updateMe(authOf(request), request.body),
  )

  app.put(
    '/me/password',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Set or change my password (argon2id at rest)',
        body: SetPasswordSchema,
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) => {
      await me.setPassword(authOf(request), request.body, requestMeta(request))
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/me/consents',
    {
      config: signedIn,
      schema: { tags, summary: 'My consents in force', response: { 200: ConsentsSchema, ...problemResponses(401) } },
    },
    async (request) => me.getConsents(authOf(request)),
  )

  app.put(
    '/me/consents',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Give or withdraw consents (kept as a history)',
        body: ConsentsSchema,
        response: { 200: ConsentsSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => me.setConsents(authOf(request), request.body, requestMeta(request)),
  )

  app.get(
    '/me/export',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Everything held about me, as JSON',
        response: { 200: Type.Unknown(), ...problemResponses(401) },
      },
    },
    async (request, reply) => {
      const data = await me.exportData(authOf(request))
      return reply
        .header('content-disposition', 'attachment; filename="my-data.json"')
        .header('cache-control', 'no-store')
        .send(data)
    },
  )

  app.delete(
    '/me',
    {
      config: signedIn,
      schema: {
        tags,
        summary: 'Delete my account: personal data anonymised, KPI evidence kept',
        body: Type.Object({ confirmEmail: Type.String({ maxLength: 254 }) }, { additionalProperties: false }),
        response: { 204: Type.Null(), ...problemResponses(400, 401, 403, 409) },
      },
    },
    async (request, reply) => {
      await me.deleteAccount(authOf(request), request.body.confirmEmail, requestMeta(request))
      return reply.clearCookie('mtb_session', { path: '/' }).code(204).send(null)
    },
  )
}
