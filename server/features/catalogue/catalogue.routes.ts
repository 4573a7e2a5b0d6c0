import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  NeedInputSchema,
  NeedPatchSchema,
  NeedSchema,
  OfferInputSchema,
  OfferPatchSchema,
  OfferSchema,
  SearchQuerySchema,
  SearchResultSchema,
} from '../../../shared/schemas/catalogue.js'
import { access, authOf } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import type { CatalogueService } from './catalogue.service.js'

const Org = Type.Object({ orgId: Type.String({ format: 'uuid' }) })
const OrgOffer = Type.Object({ orgId: Type.String({ format: 'uuid' }), offerId: Type.String({ format: 'uuid' }) })
const OrgNeed = Type.Object({ orgId: Type.String({ format: 'uuid' }), needId: Type.String({ format: 'uuid' }) })

/** Owners manage listings under their organisation; others read published ones and search. */
export const catalogueRoutes: FastifyPluginAsyncTypebox<{ catalogue: CatalogueService }> = async (
  app,
  { catalogue },
) => {
  const member = { access: access.member('orgId') }
  const offers = ['offers']
  const needs = ['needs']

  app.get(
    '/organisations/:orgId/offers',
    {
      config: member,
      schema: {
        tags: offers,
        summary: 'The organisation’s offers, drafts included',
        params: Org,
        response: { 200: Type.Array(OfferSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => catalogue.listOffers(request.params.orgId),
  )
  app.post(
    '/organisations/:orgId/offers',
    {
      config: member,
      schema: {
        tags: offers,
        summary: 'Describe something the SME sells',
        params: Org,
        body: OfferInputSchema,
        response: { 201: OfferSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await catalogue.createOffer(authOf(request), request.params.orgId, request.body)),
  )
  app.get(
    '/organisations/:orgId/offers/:offerId',
    {
      config: member,
      schema: {
        tags: offers,
        summary: 'One of the organisation’s offers',
        params: OrgOffer,
        response: { 200: OfferSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => catalogue.getOwnOffer(request.params.orgId, request.params.offerId),
  )
  app.patch(
    '/organisations/:orgId/offers/:offerId',
    {
      config: member,
      schema: {
        tags: offers,
        summary: 'Edit, publish or archive an offer',
        params: OrgOffer,
        body: OfferPatchSchema,
        response: { 200: OfferSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      catalogue.updateOffer(authOf(request), {
        organisationId: request.params.orgId,
        id: request.params.offerId,
        patch: request.body,
      }),
  )
  app.delete(
    '/organisations/:orgId/offers/:offerId',
    {
      config: member,
      schema: {
        tags: offers,
        summary: 'Delete an offer',
        params: OrgOffer,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await catalogue.deleteOffer(authOf(request), request.params.orgId, request.params.offerId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/organisations/:orgId/needs',
    {
      config: member,
      schema: {
        tags: needs,
        summary: 'The organisation’s needs, drafts included',
        params: Org,
        response: { 200: Type.Array(NeedSchema), ...problemResponses(401, 403) },
      },
    },
    async (request) => catalogue.listNeeds(request.params.orgId),
  )
  app.post(
    '/organisations/:orgId/needs',
    {
      config: member,
      schema: {
        tags: needs,
        summary: 'Describe something the buyer wants to source',
        params: Org,
        body: NeedInputSchema,
        response: { 201: NeedSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request, reply) =>
      reply.code(201).send(await catalogue.createNeed(authOf(request), request.params.orgId, request.body)),
  )
  app.get(
    '/organisations/:orgId/needs/:needId',
    {
      config: member,
      schema: {
        tags: needs,
        summary: 'One of the organisation’s needs',
        params: OrgNeed,
        response: { 200: NeedSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => catalogue.getOwnNeed(request.params.orgId, request.params.needId),
  )
  app.patch(
    '/organisations/:orgId/needs/:needId',
    {
      config: member,
      schema: {
        tags: needs,
        summary: 'Edit, publish or archive a need',
        params: OrgNeed,
        body: NeedPatchSchema,
        response: { 200: NeedSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) =>
      catalogue.updateNeed(authOf(request), {
        organisationId: request.params.orgId,
        id: request.params.needId,
        patch: request.body,
      }),
  )
  app.delete(
    '/organisations/:orgId/needs/:needId',
    {
      config: member,
      schema: {
        tags: needs,
        summary: 'Delete a need',
        params: OrgNeed,
        response: { 204: Type.Null(), ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => {
      await catalogue.deleteNeed(authOf(request), request.params.orgId, request.params.needId)
      return reply.code(204).send(null)
    },
  )

  app.get(
    '/offers/:offerId',
    {
      config: { access: access.orgKind(['buyer', 'organiser', 'authority']) },
      schema: {
        tags: offers,
        summary: 'A published offer',
        params: Type.Object({ offerId: Type.String({ format: 'uuid' }) }),
        response: { 200: OfferSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => catalogue.viewOffer(request.params.offerId),
  )
  app.get(
    '/needs/:needId',
    {
      config: { access: access.orgKind(['sme', 'organiser', 'authority']) },
      schema: {
        tags: needs,
        summary: 'A published need the caller may see',
        params: Type.Object({ needId: Type.String({ format: 'uuid' }) }),
        response: { 200: NeedSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => catalogue.viewNeed(authOf(request), request.params.needId),
  )

  app.get(
    '/search/offers',
    {
      config: { access: access.orgKind(['buyer', 'organiser', 'authority']) },
      schema: {
        tags: ['search'],
        summary: 'Search published offers, with facets',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => catalogue.search(authOf(request), 'offers', request.query),
  )
  app.get(
    '/search/needs',
    {
      config: { access: access.orgKind(['sme', 'organiser', 'authority']) },
      schema: {
        tags: ['search'],
        summary: 'Search published needs the caller may see, with facets',
        querystring: SearchQuerySchema,
        response: { 200: SearchResultSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => catalogue.search(authOf(request), 'needs', request.query),
  )
}
