import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import fc from 'fast-check'
import { build } from './build.js'
import {
  bindRoute,
  callAs,
  changedTables,
  fingerprint,
  makeApiWorld,
  pathFor,
  type ApiWorld,
  type RouteBinding,
} from './api-world.js'
import { check, hostileString, sample, type Hint, type JsonSchema } from './schema-inputs.js'

/**
 * What the property tests of the API share: the app on its own database with
 * the world of api-world.ts, every route it serves with a caller its access
 * rule lets through and a valid request built from its schema, and the checks
 * every answer to bad input must pass.
 */

interface TestContext {
  teardown(fn: () => unknown): void
}

export interface RouteCase {
  method: string
  url: string
  label: string
  binding: RouteBinding
  body: JsonSchema | undefined
  query: JsonSchema | undefined
  params: JsonSchema | undefined
  /** A valid body and querystring for the route, from its schema and the world's ids. */
  validBody: unknown
  validQuery: Record<string, string>
  /** The largest body the route reads: its own limit (uploads), else the app's. */
  bodyLimit: number
}

/** Ids by property name, so a valid body points at real records; other values come from the schema. */
function hintsFor(world: ApiWorld, binding: RouteBinding): Hint {
  const ids: Record<string, string> = {
    organiserId: world.ids.hub,
    counterpartId: binding.role === 'buyer' ? world.ids.sme : world.ids.buyer,
    editionId: world.ids.edition,
    eventId: world.ids.event,
    fromOrganisationId: world.ids.sme,
    toOrganisationId: world.ids.buyer,
    smeId: world.ids.sme,
    buyerId: world.ids.buyer,
    organisationId: world.ids.sme,
    meetingId: world.ids.meeting,
    requestId: world.ids.request,
    offerId: world.ids.offer,
    needId: world.ids.need,
  }
  return (name, schema) => {
    if (schema.format === 'uuid' && ids[name]) return ids[name]
    if (name === 'email' && schema.format === 'email') return 'new.person@world.example'
    return undefined
  }
}

function asQuery(value: unknown): Record<string, string> {
  return Object.fromEntries(Object.entries((value ?? {}) as Record<string, unknown>).map(([k, v]) => [k, String(v)]))
}

export async function propertyWorld(
  t: TestContext,
): Promise<{ app: FastifyInstance; world: ApiWorld; routes: RouteCase[] }> {
  const app = await build(t, { outbox: { start: false }, env: { RATE_LIMIT_WRITES: '0', RATE_LIMIT_AUTH: '0' } })
  const world = await makeApiWorld(app)
  const routes: RouteCase[] = []
  // PROPERTY_ROUTES=<regex> narrows a run to some routes while one is investigated.
  const only = process.env.PROPERTY_ROUTES ? new RegExp(process.env.PROPERTY_ROUTES) : undefined
  for (const rule of app.routeRules()) {
    if (rule.method === 'HEAD' || rule.url.startsWith('/docs')) continue
    const label = `${rule.method} ${rule.url}`
    if (only && !only.test(label)) continue
    const binding = await bindRoute(world, rule, (name, schema) =>
      String(sample(schema as JsonSchema, () => undefined, name)),
    )
    if (!binding) throw new Error(`${label}: no role of the world passes its access rule`)
    const schema = rule.schema as { body?: JsonSchema; querystring?: JsonSchema; params?: JsonSchema } | undefined
    const hint = hintsFor(world, binding)
    const validBody = schema?.body ? sample(schema.body, hint) : undefined
    if (schema?.body && !check(schema.body, 'body', validBody).valid)
      throw new Error(
        `${label}: the sample body is not valid: ${check(schema.body, 'body', validBody).fields.join(', ')}`,
      )
    const requiredQuery = schema?.querystring
      ? {
          ...schema.querystring,
          properties: Object.fromEntries(
            Object.entries(schema.querystring.properties ?? {}).filter(([k]) =>
              schema.querystring!.required?.includes(k),
            ),
          ),
        }
      : undefined
    const validQuery = requiredQuery ? asQuery(sample(requiredQuery, hint)) : {}
    routes.push({
      method: rule.method,
      url: rule.url,
      label,
      binding,
      body: schema?.body,
      query: schema?.querystring,
      params: schema?.params,
      validBody,
      validQuery,
      bodyLimit: rule.bodyLimit ?? BODY_LIMIT,
    })
  }
  return { app, world, routes }
}

export function urlOf(
  route: RouteCase,
  params: Record<string, string> = route.binding.params,
  query: Record<string, string> | URLSearchParams = route.validQuery,
): string {
  const search = new URLSearchParams(query).toString()
  return `/api${pathFor(route.url.replace(/^\/api/, ''), params)}${search ? `?${search}` : ''}`
}

export function send(
  world: ApiWorld,
  route: RouteCase,
  options: { url?: string; payload?: unknown; headers?: Record<string, string> },
): Promise<LightMyRequestResponse> {
  return callAs(world, route.binding.role, {
    method: route.method,
    url: options.url ?? urlOf(route),
    ...(options.payload === undefined ? {} : { payload: options.payload }),
    ...(options.headers ? { headers: options.headers } : {}),
  })
}

/** What `problemOf` reads of an answer: an inject response, or one read off a socket. */
export type Answer = Pick<LightMyRequestResponse, 'statusCode' | 'body'> & {
  headers: Record<string, unknown>
  json(): unknown
}

/** An RFC 9457 problem body with content type, title, status and code, and a 4xx status; the description says what is wrong otherwise. */
export function problemOf(res: Answer): { code: string; errors?: { field: string }[] } {
  const describe = () => `${res.statusCode} ${String(res.headers['content-type'])} ${res.body.slice(0, 300)}`
  if (res.statusCode < 400 || res.statusCode >= 500) throw new Error(`expected a 4xx problem, got ${describe()}`)
  if (!String(res.headers['content-type']).startsWith('application/problem+json'))
    throw new Error(`a ${res.statusCode} that is not application/problem+json: ${describe()}`)
  const body = res.json() as {
    title?: unknown
    status?: unknown
    code?: unknown
    type?: unknown
    errors?: { field: string }[]
  }
  if (
    typeof body.title !== 'string' ||
    body.status !== res.statusCode ||
    typeof body.code !== 'string' ||
    typeof body.type !== 'string'
  )
    throw new Error(`a problem without type, title, status or code: ${describe()}`)
  if (
    body.code === 'validation.failed' &&
    (!Array.isArray(body.errors) || body.errors.length === 0 || body.errors.some((e) => typeof e.field !== 'string'))
  )
    throw new Error(`a validation problem naming no field: ${describe()}`)
  return { code: body.code, ...(body.errors ? { errors: body.errors } : {}) }
}

/** The app's body limit (server/app.ts): a larger JSON body is a 413 before anything reads it. */
export const BODY_LIMIT = 1024 * 1024

/** A 400 `validation.failed` naming the field (or something inside it); a body over the limit is a 413 problem instead. */
export function namesField(
  res: LightMyRequestResponse,
  field: string,
  payload?: string,
  bodyLimit: number = BODY_LIMIT,
): void {
  const problem = problemOf(res)
  if (payload !== undefined && Buffer.byteLength(payload) > bodyLimit) {
    if (res.statusCode !== 413 || problem.code !== 'request.body_too_large')
      throw new Error(
        `expected 413 request.body_too_large for a body of ${Buffer.byteLength(payload)} bytes, got ${res.statusCode} ${problem.code}`,
      )
    return
  }
  const fields = (problem.errors ?? []).map((e) => e.field)
  if (
    res.statusCode !== 400 ||
    problem.code !== 'validation.failed' ||
    !fields.some((f) => f === field || f.startsWith(`${field}.`))
  ) {
    throw new Error(
      `expected 400 validation.failed naming ${field}, got ${res.statusCode} ${problem.code} naming ${fields.join(', ') || 'nothing'}`,
    )
  }
}

function describe(result: unknown): string {
  const res = result as Partial<LightMyRequestResponse> | undefined
  return typeof res?.statusCode === 'number' ? `${res.statusCode} ${String(res.body).slice(0, 200)}` : ''
}

/** Runs the call and throws when it changed any table. */
export async function unchanged<T>(app: FastifyInstance, call: () => Promise<T>): Promise<T> {
  const before = await fingerprint(app)
  const result = await call()
  const after = await fingerprint(app)
  if (after !== before)
    throw new Error(`the call changed the database (${changedTables(before, after).join(', ')}): ${describe(result)}`)
  return result
}

/** Checks the property; a failure is reported with its seed, a shortened counterexample and the error, so huge inputs stay readable. */
export async function holds<Ts extends [unknown, ...unknown[]]>(
  property: fc.IAsyncPropertyWithHooks<Ts>,
  numRuns: number,
): Promise<string | undefined> {
  const details = await fc.check(property, { numRuns })
  if (!details.failed) return undefined
  const shown = JSON.stringify(details.counterexample, (_key, value: unknown) =>
    typeof value === 'string' && value.length > 80 ? `${value.slice(0, 40)}…(${value.length} chars)` : value,
  )
  const error = details.errorInstance instanceof Error ? details.errorInstance.message : String(details.errorInstance)
  return `seed ${details.seed}, path "${details.counterexamplePath ?? ''}": ${error.slice(0, 600)} — input ${shown.slice(0, 600)}`
}

/** One share of the routes, so a property runs over every route across several files that tap runs in parallel. */
export function share<T>(routes: T[], part: { index: number; of: number }): T[] {
  return routes.filter((_, i) => i % part.of === part.index)
}

export const WRITE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE'])

/** Runs per property; PROPERTY_RUNS_FACTOR scales them (CI may raise it, a quick local run lower it). */
export function runs(base: number): number {
  const factor = Number(process.env.PROPERTY_RUNS_FACTOR ?? '1')
  return Math.max(1, Math.round(base * (Number.isFinite(factor) && factor > 0 ? factor : 1)))
}

/** Malformed values for a path or query parameter: hostile text, long runs of `lengths`, ids that are almost uuids, numbers and punctuation. */
export function malformedValue(lengths: fc.Arbitrary<number>): fc.Arbitrary<string> {
  return fc.oneof(
    hostileString,
    lengths.map((n) => 'x'.repeat(n)),
    fc.uuid().map((id) => id.replace(/-/g, '')),
    fc.uuid().map((id) => `${id}x`),
    fc.uuid().map((id) => ` ${id}`),
    fc.constantFrom('0', '-1', '1.5', '1e999', 'true', '[]', '{}', '%', '..', '.'),
  )
}

/** A URL can carry any text but lone surrogates, which have no UTF-8 form. */
export function encodable(text: string): boolean {
  try {
    encodeURIComponent(text)
    return true
  } catch {
    return false
  }
}
