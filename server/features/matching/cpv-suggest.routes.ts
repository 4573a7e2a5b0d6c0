import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox'
import { Type } from '@sinclair/typebox'
import {
  CpvSuggestionRequestSchema,
  CpvSuggestionSchema,
  type CpvSuggestionItem,
} from '../../../shared/schemas/catalogue.js'
import { cpvByCode, taxonomyHit } from '../../../seeds/taxonomies/index.js'
import { access } from '../../infra/access.js'
import { problemResponses } from '../../infra/problems.js'
import { suggestCpv } from './cpv-suggest.model.js'

/** CPV codes suggested from a title and description in any EU language, for the offer and need editors. */
export const cpvSuggestRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/taxonomies/cpv/suggestions',
    {
      config: { access: access.signedIn },
      schema: {
        tags: ['taxonomies'],
        summary: 'Likely CPV codes for a title and description in any EU language, best first, with a confidence each',
        body: CpvSuggestionRequestSchema,
        response: { 200: Type.Array(CpvSuggestionSchema), ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => {
      const { title, description, language, lang, limit } = request.body
      return (await suggestCpv({ title, description, language }, { limit })).flatMap(
        ({ code, confidence }): CpvSuggestionItem[] => {
          const entry = cpvByCode(code)
          return entry ? [{ ...taxonomyHit(entry, lang), confidence }] : []
        },
      )
    },
  )
}
