import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import { TaxonomyEntrySchema } from '../../../shared/schemas/catalogue.js'
import { searchTaxonomy } from '../../../seeds/taxonomies/index.js'
import { access } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'

/** Code pickers: CPV, NACE, NUTS-2 and S3 codes by code or by words in Italian or English. */
const taxonomiesFeature: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/taxonomies/:kind',
    {
      config: { access: access.public },
      schema: {
        tags: ['taxonomies'],
        summary: 'Search a taxonomy by code prefix or by words in either language',
        params: Type.Object({
          kind: Type.Union([Type.Literal('cpv'), Type.Literal('nace'), Type.Literal('nuts2'), Type.Literal('s3')]),
        }),
        querystring: Type.Object(
          {
            q: Type.String({ maxLength: 100, default: '' }),
            lang: Type.Union([Type.Literal('it'), Type.Literal('en')], { default: 'en' }),
            limit: Type.Integer({ minimum: 1, maximum: 100, default: 20 }),
          },
          { additionalProperties: false },
        ),
        response: { 200: Type.Array(TaxonomyEntrySchema), ...problemResponses(400) },
      },
    },
    async (request, reply) => {
      const { q, lang, limit } = request.query
      return reply
        .header('cache-control', 'public, max-age=3600')
        .send(searchTaxonomy(request.params.kind, q, { language: lang, limit }))
    },
  )
}
export default taxonomiesFeature
