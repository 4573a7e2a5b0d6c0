import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import { Type } from '@sinclair/typebox'
import { PROBLEM_CONTENT_TYPE, ProblemSchema, type FieldError, type Problem } from '../../shared/schemas/problem.js'

/**
 * RFC 9457 problem details for every error the API returns. Features declare
 * their problems with `defineProblem` in `*.errors.ts` and throw them.
 */

export interface ProblemDefinition {
  code: string
  status: number
  title: string
}

/** Values a client needs to say what happened in its own language: who clashes, which limit, when to retry. */
export type ProblemParams = Record<string, string | number>

export class AppProblem extends Error {
  readonly status: number
  readonly code: string
  readonly title: string
  readonly errors: FieldError[] | undefined
  /** Response headers the problem needs, e.g. `retry-after`. */
  readonly headers: Record<string, string>
  readonly params: ProblemParams | undefined

  constructor(
    definition: ProblemDefinition,
    detail?: string,
    errors?: FieldError[],
    headers: Record<string, string> = {},
    params?: ProblemParams,
  ) {
    super(detail ?? definition.title)
    this.name = 'AppProblem'
    this.status = definition.status
    this.code = definition.code
    this.title = definition.title
    this.errors = errors
    this.headers = headers
    this.params = params
  }
}

const catalogue = new Map<string, ProblemDefinition>()

/** Declares a problem once; call the result to get a throwable instance. */
export function defineProblem(definition: ProblemDefinition) {
  catalogue.set(definition.code, definition)
  const make = (detail?: string, errors?: FieldError[], params?: ProblemParams) =>
    new AppProblem(definition, detail, errors, {}, params)
  return Object.assign(make, definition)
}

/**
 * Every problem the server can answer with: those its modules declared (import them first, e.g. by building the
 * app) and those made from a bare HTTP status. The web has a sentence for each.
 */
export function definedProblems(): ProblemDefinition[] {
  const fromStatus = Object.entries(HTTP_SLUGS).map(([status, slug]) => ({
    code: `request.${slug}`,
    status: Number(status),
    title: slug,
  }))
  return [...catalogue.values(), ...fromStatus]
}

export const commonProblems = {
  validation: defineProblem({ code: 'validation.failed', status: 400, title: 'The request is not valid' }),
  notFound: defineProblem({ code: 'route.not_found', status: 404, title: 'No such resource' }),
  invalidJson: defineProblem({ code: 'request.invalid_json', status: 400, title: 'The body is not valid JSON' }),
  emptyBody: defineProblem({ code: 'request.empty_body', status: 400, title: 'The body is empty' }),
  bodyTooLarge: defineProblem({ code: 'request.body_too_large', status: 413, title: 'The body is too large' }),
  mediaType: defineProblem({ code: 'request.unsupported_media_type', status: 415, title: 'Unsupported content type' }),
  conflict: defineProblem({ code: 'database.conflict', status: 409, title: 'The change conflicts with existing data' }),
  missingReference: defineProblem({
    code: 'database.missing_reference',
    status: 409,
    title: 'A referenced record does not exist',
  }),
  badValue: defineProblem({ code: 'database.bad_value', status: 400, title: 'A value is not acceptable' }),
  unavailable: defineProblem({
    code: 'service.unavailable',
    status: 503,
    title: 'A service the request needs is unavailable',
  }),
  internal: defineProblem({ code: 'internal.error', status: 500, title: 'Internal server error' }),
} as const

const FASTIFY_CODES: Record<string, ProblemDefinition> = {
  FST_ERR_CTP_INVALID_JSON_BODY: commonProblems.invalidJson,
  FST_ERR_CTP_EMPTY_JSON_BODY: commonProblems.emptyBody,
  FST_ERR_CTP_BODY_TOO_LARGE: commonProblems.bodyTooLarge,
  FST_ERR_CTP_INVALID_MEDIA_TYPE: commonProblems.mediaType,
}

/** Safety net for constraint violations a feature did not map to its own problem. */
const POSTGRES_CODES: Record<string, ProblemDefinition> = {
  '23505': commonProblems.conflict,
  '23503': commonProblems.missingReference,
  '23514': commonProblems.badValue,
  '23502': commonProblems.badValue,
  '22P02': commonProblems.badValue,
  '22001': commonProblems.badValue,
  '22003': commonProblems.badValue,
  '22007': commonProblems.badValue,
  '22008': commonProblems.badValue,
  // Text PostgreSQL cannot store: a NUL character in a text column (22021) or a jsonb value (22P05).
  '22021': commonProblems.badValue,
  '22P05': commonProblems.badValue,
}

/** The path of the first string holding a NUL character, which no text column can store; schemas cannot say so. */
function nulPath(value: unknown, path: string[]): string[] | undefined {
  if (typeof value === 'string') return value.includes('\u0000') ? path : undefined
  if (value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return undefined
  for (const [key, item] of Object.entries(value)) {
    const found = nulPath(item, [...path, key])
    if (found) return found
  }
  return undefined
}

/** `{ 400: Problem, 404: Problem }` for a route's `response` schema. */
export function problemResponses(...statuses: number[]) {
  const ref = Type.Unsafe<Problem>(Type.Ref('Problem'))
  return Object.fromEntries(statuses.map((status) => [status, ref])) as Record<number, typeof ref>
}

export function sendProblem(reply: FastifyReply, request: FastifyRequest, problem: AppProblem): FastifyReply {
  const body: Problem = {
    type: `https://meet-the-buyer.eu/problems/${problem.code.replace(/\./g, '/')}`,
    title: problem.title,
    status: problem.status,
    detail: problem.message,
    instance: request.url.split('?')[0] ?? request.url,
    code: problem.code,
    requestId: String(request.id),
    ...(problem.errors === undefined ? {} : { errors: problem.errors }),
    ...(problem.params === undefined ? {} : { params: problem.params }),
  }
  return reply.code(problem.status).headers(problem.headers).type(PROBLEM_CONTENT_TYPE).send(body)
}

/** Maps anything thrown in a handler to a problem; unknown errors become a 500 with the detail hidden. */
export function toProblem(error: unknown): AppProblem {
  if (error instanceof AppProblem) return error
  const err = error as Partial<FastifyError> & { validation?: ValidationItem[]; validationContext?: string }
  if (Array.isArray(err.validation)) {
    const errors = err.validation.map((item) => toFieldError(item, err.validationContext ?? 'body'))
    return commonProblems.validation(`Check ${errors.map((e) => e.field).join(', ')}`, errors)
  }
  const fastifyDefinition = err.code === undefined ? undefined : FASTIFY_CODES[err.code]
  if (fastifyDefinition) return new AppProblem(fastifyDefinition, err.message)
  const pg = postgresErrorOf(error)
  const pgDefinition = pg ? POSTGRES_CODES[pg.code] : undefined
  if (pgDefinition) return new AppProblem(pgDefinition)
  const status = err.statusCode
  if (typeof status === 'number' && status >= 400 && status < 500) {
    return new AppProblem(
      { code: `request.${httpSlug(status)}`, status, title: err.message ?? 'Bad request' },
      err.message,
    )
  }
  return new AppProblem(
    commonProblems.internal,
    'The server could not complete the request; quote the request id when reporting it.',
  )
}

interface ValidationItem {
  instancePath: string
  keyword: string
  message?: string
  params: Record<string, unknown>
}

function toFieldError(item: ValidationItem, context: string): FieldError {
  const where = context === 'querystring' ? 'query' : context
  const segments = item.instancePath.split('/').filter(Boolean)
  if (item.keyword === 'required' && typeof item.params.missingProperty === 'string') {
    segments.push(item.params.missingProperty)
  }
  if (item.keyword === 'additionalProperties' && typeof item.params.additionalProperty === 'string') {
    segments.push(item.params.additionalProperty)
    return { field: [where, ...segments].join('.'), code: 'unknown', message: 'is not an accepted property' }
  }
  return { field: [where, ...segments].join('.'), code: item.keyword, message: item.message ?? 'is not valid' }
}

function isPostgresError(error: unknown): boolean {
  return typeof error === 'object' && error !== null && (error as { name?: string }).name === 'PostgresError'
}

/** The PostgreSQL error behind an error, also when drizzle wraps it. */
export function postgresErrorOf(error: unknown): { code: string; constraint_name?: string } | undefined {
  if (isPostgresError(error)) return error as { code: string; constraint_name?: string }
  const cause = (error as { cause?: unknown } | null)?.cause
  return isPostgresError(cause) ? (cause as { code: string; constraint_name?: string }) : undefined
}

/** True when the error is a violation of this named constraint, so a feature can answer with its own problem. */
export function violates(error: unknown, constraint: string): boolean {
  return postgresErrorOf(error)?.constraint_name === constraint
}

const HTTP_SLUGS: Record<number, string> = {
  400: 'bad',
  401: 'unauthenticated',
  403: 'forbidden',
  404: 'not_found',
  405: 'method_not_allowed',
  406: 'not_acceptable',
  408: 'timeout',
  409: 'conflict',
  429: 'too_many',
}

function httpSlug(status: number): string {
  return HTTP_SLUGS[status] ?? `http_${status}`
}

async function problemsPlugin(app: FastifyInstance) {
  app.addSchema(ProblemSchema)
  app.setErrorHandler((error, request, reply) => {
    const problem = toProblem(error)
    if (problem.status >= 500) {
      request.log.error({ err: error }, 'request failed')
    } else {
      request.log.info({ code: problem.code, detail: problem.message }, 'request refused')
    }
    return sendProblem(reply, request, problem)
  })
  // After access and schema validation, before any handler: a NUL character is refused by name, not by the database.
  app.addHook('preHandler', async (request) => {
    for (const [where, value] of [
      ['body', request.body],
      ['query', request.query],
    ] as const) {
      const path = nulPath(value, [where])
      if (path) {
        const field = path.join('.')
        throw commonProblems.validation(`Check ${field}`, [
          { field, code: 'nul', message: 'must not contain the NUL character' },
        ])
      }
    }
  })
  app.setNotFoundHandler((request, reply) =>
    sendProblem(
      reply,
      request,
      commonProblems.notFound(`Nothing is served at ${request.method} ${request.url.split('?')[0]}`),
    ),
  )
}

export default fp(problemsPlugin, { name: 'problems' })
