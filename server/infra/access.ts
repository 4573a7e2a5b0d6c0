import type { FastifyInstance, FastifyRequest, FastifySchema, RouteOptions } from 'fastify'
import fp from 'fastify-plugin'
import cookie from '@fastify/cookie'
import type { OrganisationKind, Role } from '../../shared/schemas/accounts.js'
import type { Config } from '../config.js'
import { defineProblem } from './problems.js'

/**
 * Who may call a route, declared on the route itself as `config.access`, and
 * enforced here before validation. A route without a declaration stops the app
 * at start. Tenant data is further scoped by organisation in every query.
 */

export type Access =
  | { kind: 'public' }
  | { kind: 'signedIn' }
  /** A member of the organisation named by a route parameter (or a body or query field), optionally with a role. */
  | { kind: 'member'; param: string; roles?: Role[]; in?: 'body' | 'query' }
  /** A member of an organisation of one of these kinds (its id named by a route parameter when given). */
  | { kind: 'orgKind'; orgKinds: OrganisationKind[]; param?: string }
  /** A member of an organisation that owns the record named by the parameter (a hub owns its participants, editions and events). */
  | { kind: 'ownedBy'; owner: OwnerKind; param: string }
  | { kind: 'anyOf'; options: Access[] }
  /** Every rule; a refusal is the first failing rule's. */
  | { kind: 'allOf'; rules: Access[] }
  /** The rule, refused with the record's own not-found problem: outsiders cannot tell it exists. */
  | { kind: 'hidden'; rule: Access; notFound: () => Error }

export const access = {
  public: { kind: 'public' } as Access,
  signedIn: { kind: 'signedIn' } as Access,
  member: (param: string, roles?: Role[]): Access => ({ kind: 'member', param, ...(roles ? { roles } : {}) }),
  orgKind: (orgKinds: OrganisationKind[], param?: string): Access => ({
    kind: 'orgKind',
    orgKinds,
    ...(param ? { param } : {}),
  }),
  /** A hub the organisation named by the parameter registered with. */
  organiserOf: (param: string): Access => ({ kind: 'ownedBy', owner: 'participant', param }),
  /** A hub that runs the edition named by the parameter. */
  editionOrganiser: (param: string): Access => ({ kind: 'ownedBy', owner: 'edition', param }),
  /** A hub that runs the edition of the event named by the parameter. */
  eventOrganiser: (param: string): Access => ({ kind: 'ownedBy', owner: 'event', param }),
  /** An organisation that takes part in the event named by the parameter (at any step). */
  eventParticipant: (param: string): Access => ({ kind: 'ownedBy', owner: 'eventParticipant', param }),
  /** A member of the organisation whose id is the named field of the JSON body. */
  memberOfBodyField: (field: string): Access => ({ kind: 'member', param: field, in: 'body' }),
  /** A member of the organisation whose id is the named query parameter. */
  memberOfQueryField: (field: string): Access => ({ kind: 'member', param: field, in: 'query' }),
  /** A member of either organisation of the meeting request named by the parameter. */
  requestParty: (param: string): Access => ({ kind: 'ownedBy', owner: 'requestParty', param }),
  /** A hub that runs the event of the meeting request named by the parameter. */
  requestEventOrganiser: (param: string): Access => ({ kind: 'ownedBy', owner: 'requestEvent', param }),
  anyOf: (...options: Access[]): Access => ({ kind: 'anyOf', options }),
  /** A member of either side of the supply contract named by the parameter. */
  contractParty: (param: string): Access => ({ kind: 'ownedBy', owner: 'contractParty', param }),
  /** A hub that runs the edition of the supply contract named by the parameter. */
  contractEditionOrganiser: (param: string): Access => ({ kind: 'ownedBy', owner: 'contractEdition', param }),
  /** A member of the SME that made the voucher claim named by the parameter. */
  claimSme: (param: string): Access => ({ kind: 'ownedBy', owner: 'claimSme', param }),
  /** A hub that runs the edition of the voucher claim named by the parameter. */
  claimEditionOrganiser: (param: string): Access => ({ kind: 'ownedBy', owner: 'claimEdition', param }),
  /** A member of either organisation of the meeting named by the parameter. */
  meetingParty: (param: string): Access => ({ kind: 'ownedBy', owner: 'meetingParty', param }),
  /** A hub that runs the event of the meeting named by the parameter. */
  meetingEventOrganiser: (param: string): Access => ({ kind: 'ownedBy', owner: 'meetingEvent', param }),
  allOf: (...rules: Access[]): Access => ({ kind: 'allOf', rules }),
  hidden: (rule: Access, notFound: () => Error): Access => ({ kind: 'hidden', rule, notFound }),
}

export interface AuthMembership {
  organisationId: string
  kind: OrganisationKind
  role: Role
}

export interface AuthContext {
  userId: string
  sessionId: string
  csrfToken: string
  memberships: AuthMembership[]
}

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: Access
  }
  interface FastifyRequest {
    auth: AuthContext | null
  }
  interface FastifyInstance {
    /** Every route with its access rule and schema, e.g. for the authorisation test matrix and the property tests. */
    routeRules(): {
      method: string
      url: string
      access: Access | undefined
      schema: FastifySchema | undefined
      /** The route's own body limit, when it sets one above the app's. */
      bodyLimit: number | undefined
    }[]
  }
}

export const authProblems = {
  unauthenticated: defineProblem({ code: 'auth.unauthenticated', status: 401, title: 'Sign in first' }),
  forbidden: defineProblem({ code: 'auth.forbidden', status: 403, title: 'You may not do this' }),
  csrf: defineProblem({ code: 'auth.csrf_failed', status: 403, title: 'Missing or wrong CSRF token' }),
  origin: defineProblem({
    code: 'auth.origin_rejected',
    status: 403,
    title: 'Requests from this origin are not accepted',
  }),
}

export const SESSION_COOKIE = 'mtb_session'
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

export type OwnerKind =
  | 'participant'
  | 'edition'
  | 'event'
  | 'eventParticipant'
  | 'requestParty'
  | 'requestEvent'
  | 'contractParty'
  | 'contractEdition'
  | 'claimSme'
  | 'claimEdition'
  | 'meetingParty'
  | 'meetingEvent'

export interface AccessOptions {
  config: Config
  resolveSession(token: string): Promise<AuthContext | null>
  /** For each kind of owned record: the ids of the organisations that own the record with this id. */
  owners: Record<OwnerKind, (id: string) => Promise<string[]>>
}

function paramOf(
  request: FastifyRequest,
  name: string,
  from: 'params' | 'body' | 'query' = 'params',
): string | undefined {
  const source = from === 'params' ? request.params : from === 'body' ? request.body : request.query
  const value = source && typeof source === 'object' ? (source as Record<string, unknown>)[name] : undefined
  return typeof value === 'string' && UUID.test(value) ? value.toLowerCase() : undefined
}

export async function isAllowed(
  rule: Access,
  request: FastifyRequest,
  options: Pick<AccessOptions, 'owners'>,
): Promise<boolean> {
  const auth = request.auth
  switch (rule.kind) {
    case 'public':
      return true
    case 'signedIn':
      return auth !== null
    case 'member': {
      const id = paramOf(request, rule.param, rule.in)
      return !!auth?.memberships.some((m) => m.organisationId === id && (!rule.roles || rule.roles.includes(m.role)))
    }
    case 'orgKind': {
      const id = rule.param ? paramOf(request, rule.param) : undefined
      if (rule.param && !id) return false
      return !!auth?.memberships.some((m) => rule.orgKinds.includes(m.kind) && (!id || m.organisationId === id))
    }
    case 'ownedBy': {
      const id = paramOf(request, rule.param)
      if (!id || !auth || auth.memberships.length === 0) return false
      const owners = await options.owners[rule.owner](id)
      return auth.memberships.some((m) => owners.includes(m.organisationId))
    }
    case 'anyOf':
      for (const option of rule.options) if (await isAllowed(option, request, options)) return true
      return false
    case 'allOf':
      for (const each of rule.rules) if (!(await isAllowed(each, request, options))) return false
      return true
    case 'hidden':
      return isAllowed(rule.rule, request, options)
  }
}

/** What a signed-in caller the rule refuses is told: 403, or the record's own 404 where the rule hides it. */
async function refusalOf(
  rule: Access,
  request: FastifyRequest,
  options: Pick<AccessOptions, 'owners'>,
): Promise<Error> {
  if (rule.kind === 'hidden') return rule.notFound()
  if (rule.kind === 'allOf')
    for (const each of rule.rules)
      if (!(await isAllowed(each, request, options))) return refusalOf(each, request, options)
  return authProblems.forbidden()
}

async function accessPlugin(app: FastifyInstance, options: AccessOptions) {
  const routes: RouteOptions[] = []
  const allowedOrigins = new Set([new URL(options.config.publicUrl).origin, ...options.config.corsOrigins])
  await app.register(cookie)
  app.decorateRequest('auth', null)

  app.addHook('onRoute', (route) => {
    routes.push(route)
  })
  app.decorate('routeRules', () =>
    routes.flatMap((route) =>
      [route.method].flat().map((method) => ({
        method: String(method),
        url: route.url,
        access: route.config?.access,
        schema: route.schema,
        bodyLimit: route.bodyLimit,
      })),
    ),
  )
  app.addHook('onReady', async () => {
    const undeclared = routes
      .filter((route) => !route.config?.access)
      .map((route) => `${String(route.method)} ${route.url}`)
    if (undeclared.length > 0) throw new Error(`Routes without an access rule: ${undeclared.join(', ')}`)
  })

  app.addHook('onRequest', async (request) => {
    const token = request.cookies[SESSION_COOKIE]
    if (token) request.auth = await options.resolveSession(token)
  })

  app.addHook('preValidation', async (request) => {
    const rule = request.routeOptions.config?.access
    if (!rule) return // unknown routes reach the not-found handler
    if (!SAFE_METHODS.has(request.method)) {
      const origin = request.headers.origin
      if (origin && !allowedOrigins.has(origin) && origin !== `${request.protocol}://${request.host}`)
        throw authProblems.origin()
      if (request.auth && request.headers['x-csrf-token'] !== request.auth.csrfToken) throw authProblems.csrf()
    }
    if (await isAllowed(rule, request, options)) return
    if (!request.auth) throw authProblems.unauthenticated()
    throw await refusalOf(rule, request, options)
  })
}

export default fp(accessPlugin, { name: 'access', dependencies: ['problems'] })

/** For plugins that bring their own routes (docs, static files): everything they add is public. */
export function markRoutesPublic(app: FastifyInstance): void {
  app.addHook('onRoute', (route) => {
    route.config = { ...route.config, access: access.public }
  })
}

/** The caller's auth on a route whose access rule already demands sign-in. */
export function authOf(request: FastifyRequest): AuthContext {
  if (!request.auth) throw authProblems.unauthenticated()
  return request.auth
}

export function requestMeta(request: FastifyRequest) {
  return { ip: request.ip, userAgent: request.headers['user-agent'], requestId: String(request.id) }
}
