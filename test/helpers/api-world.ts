import type { FastifyInstance, FastifyRequest, FastifySchema } from 'fastify'
import { isAllowed, type Access, type OwnerKind } from '../../server/infra/access.js'
import { addUser, affiliate, createOrgWithAdmin, signIn, type Person, type SignedInAgent } from './accounts.js'
import { editionInput, eventInput } from './builders.js'

/**
 * One small world with a record behind every kind of id the API takes (an
 * edition, an event with selected participants, an offer, a need, a request,
 * a schedule run, a meeting, a contract, a voucher claim, an invitation), the
 * people who may reach each route, and a fingerprint of every table so a test
 * can prove that a call changed nothing.
 */

export type WorldRole = 'smeAdmin' | 'buyer' | 'organiser' | 'authority'
export const WORLD_ROLES: WorldRole[] = ['smeAdmin', 'buyer', 'organiser', 'authority']

export interface ApiWorld {
  app: FastifyInstance
  people: Record<WorldRole, Person> & { smeMember: Person; otherSme: Person }
  agents: Record<WorldRole, SignedInAgent>
  ids: Record<
    | 'sme'
    | 'buyer'
    | 'hub'
    | 'authority'
    | 'otherSme'
    | 'offer'
    | 'need'
    | 'edition'
    | 'event'
    | 'request'
    | 'schedule'
    | 'meeting'
    | 'contract'
    | 'claim'
    | 'invitation',
    string
  >
}

const KIND_OF: Record<WorldRole, 'sme' | 'buyer' | 'organiser' | 'authority'> = {
  smeAdmin: 'sme',
  buyer: 'buyer',
  organiser: 'organiser',
  authority: 'authority',
}

/** The access and property suites' event: a morning until noon with 5-minute gaps. */
export const EVENT_INPUT = eventInput({
  days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '12:00' }] }],
  gapMinutes: 5,
})
/** A published offer and need of the world's SME and buyer; the access suites post more of them. */
export const OFFER_INPUT = {
  title: 'Electric bus retrofit',
  description: 'Retrofit kits for diesel city buses.',
  language: 'en',
  cpvMain: '34121000',
  trl: 7,
  keywords: ['bus'],
  certifications: [],
  status: 'published',
}
export const NEED_INPUT = {
  title: 'Electric buses',
  description: 'Thirty electric buses for the city fleet.',
  language: 'en',
  cpvCodes: ['34121000'],
  requiredCertifications: [],
  visibility: 'public',
  status: 'published',
}

async function ok<T = Record<string, string>>(
  response: Promise<{ statusCode: number; body: string; json(): unknown }>,
  what: string,
): Promise<T> {
  const res = await response
  if (res.statusCode >= 300) throw new Error(`${what}: ${res.statusCode} ${res.body}`)
  return res.json() as T
}

export async function makeApiWorld(app: FastifyInstance): Promise<ApiWorld> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@world.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'alpha@world.example' })
  const smeMember = await addUser(app, { orgId: sme.orgId, email: 'alpha-member@world.example', role: 'member' })
  const otherSme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'beta@world.example' })
  const buyer = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'nordbahn@world.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  const authority = await createOrgWithAdmin(app, { kind: 'authority', name: 'Regione', email: 'region@world.example' })
  for (const participant of [sme, otherSme, buyer]) await affiliate(app, hub.orgId, participant.orgId)
  const agents = {
    smeAdmin: await signIn(app, sme.email),
    buyer: await signIn(app, buyer.email),
    organiser: await signIn(app, hub.email),
    authority: await signIn(app, authority.email),
  }
  const offer = await ok(
    agents.smeAdmin.inject({ method: 'POST', url: `/api/organisations/${sme.orgId}/offers`, payload: OFFER_INPUT }),
    'offer',
  )
  const need = await ok(
    agents.buyer.inject({ method: 'POST', url: `/api/organisations/${buyer.orgId}/needs`, payload: NEED_INPUT }),
    'need',
  )
  const edition = await ok(
    agents.organiser.inject({ method: 'POST', url: `/api/organisers/${hub.orgId}/editions`, payload: editionInput() }),
    'edition',
  )
  const event = await ok(
    agents.organiser.inject({ method: 'POST', url: `/api/editions/${edition.id}/events`, payload: EVENT_INPUT }),
    'event',
  )
  for (const org of [sme, otherSme, buyer]) {
    for (const status of ['invited', 'selected'])
      await ok(
        agents.organiser.inject({
          method: 'PUT',
          url: `/api/events/${event.id}/participations/${org.orgId}`,
          payload: { status },
        }),
        'participation',
      )
  }
  const request = await ok(
    agents.smeAdmin.inject({
      method: 'POST',
      url: `/api/events/${event.id}/requests`,
      payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
    }),
    'request',
  )
  // Every selected participant has an accepted meeting, so the minute timer owes nobody a reminder and the tables stay still.
  await ok(agents.buyer.inject({ method: 'POST', url: `/api/requests/${request.id}/accept`, payload: {} }), 'accept')
  await ok(
    agents.organiser.inject({
      method: 'POST',
      url: `/api/events/${event.id}/requests`,
      payload: { fromOrganisationId: otherSme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
    }),
    'imposed request',
  )
  const [schedule] =
    await app.sql`insert into schedules (event_id, options) values (${event.id!}, ${JSON.stringify({ timeLimitSeconds: 1, fairness: 2, seed: 1, keepPublished: true })}::jsonb) returning id`
  const [meeting] =
    await app.sql`insert into meetings (event_id, request_id, sme_id, buyer_id, slot, table_index) values (${event.id!}, ${request.id!}, ${sme.orgId}, ${buyer.orgId}, 0, 0) returning id`
  const contract = await ok(
    agents.smeAdmin.inject({
      method: 'POST',
      url: `/api/organisations/${sme.orgId}/contracts`,
      payload: {
        counterpartId: buyer.orgId,
        editionId: edition.id,
        title: 'Retrofit kits order',
        kind: 'purchase_order',
        signedOn: '2026-10-01',
        valueEur: 25000,
      },
    }),
    'contract',
  )
  await ok(
    agents.organiser.inject({
      method: 'PUT',
      url: `/api/editions/${edition.id}/vouchers/${sme.orgId}`,
      payload: { budgetEur: 100000 },
    }),
    'voucher budget',
  )
  const account = await ok<{ claims: { id: string }[] }>(
    agents.smeAdmin.inject({
      method: 'POST',
      url: `/api/organisations/${sme.orgId}/voucher-claims`,
      payload: { editionId: edition.id, category: 'coaching', amountEur: 10, description: 'Pitch coaching' },
    }),
    'voucher claim',
  )
  const invitation = await ok(
    agents.smeAdmin.inject({
      method: 'POST',
      url: `/api/organisations/${sme.orgId}/invitations`,
      payload: { email: 'invited@world.example', role: 'member' },
    }),
    'invitation',
  )
  return {
    app,
    people: { smeAdmin: sme, buyer, organiser: hub, authority, smeMember, otherSme },
    agents,
    ids: {
      sme: sme.orgId,
      buyer: buyer.orgId,
      hub: hub.orgId,
      authority: authority.orgId,
      otherSme: otherSme.orgId,
      offer: offer.id!,
      need: need.id!,
      edition: edition.id!,
      event: event.id!,
      request: request.id!,
      schedule: schedule!.id as string,
      meeting: meeting!.id as string,
      contract: contract.id!,
      claim: account.claims[0]!.id,
      invitation: invitation.id!,
    },
  }
}

/** Tables whose rows change on reads or count attempts by design; session rows are kept minus their sliding expiry. */
const VOLATILE_TABLES = new Set(['rate_limit_hits'])

/** An md5 of every row of every table, per table: equal before and after a call that changed nothing. */
export async function fingerprint(app: FastifyInstance): Promise<string> {
  const tables = (
    await app.sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`
  )
    .map((row) => row.table_name as string)
    .filter((name) => !VOLATILE_TABLES.has(name))
  const parts = tables.map(
    (name) =>
      `select '${name}' as t, (select md5(coalesce(string_agg((to_jsonb(x) - 'last_seen_at' - 'expires_at')::text, '|' order by (to_jsonb(x) - 'last_seen_at' - 'expires_at')::text), '')) from "${name}" x) as f`,
  )
  const rows = await app.sql.unsafe(parts.join(' union all '))
  return rows.map((row) => `${row.t as string}:${row.f as string}`).join(' ')
}

/** The tables whose rows differ between two fingerprints. */
export function changedTables(before: string, after: string): string[] {
  const old = new Set(before.split(' '))
  return after
    .split(' ')
    .filter((entry) => !old.has(entry))
    .map((entry) => entry.split(':')[0]!)
}

/** Which organisations own a record, read the way the access plugin's owners are (affiliations, edition organisers, participations). */
function ownersBySql(app: FastifyInstance): Record<OwnerKind, (id: string) => Promise<string[]>> {
  const ids = (rows: { id: string }[]) => rows.map((row) => row.id)
  return {
    participant: async (id) =>
      ids(await app.sql<{ id: string }[]>`select organiser_id as id from affiliations where participant_id = ${id}`),
    edition: async (id) =>
      ids(await app.sql<{ id: string }[]>`select organiser_id as id from edition_organisers where edition_id = ${id}`),
    event: async (id) =>
      ids(
        await app.sql<
          { id: string }[]
        >`select eo.organiser_id as id from events e join edition_organisers eo on eo.edition_id = e.edition_id where e.id = ${id}`,
      ),
    eventParticipant: async (id) =>
      ids(await app.sql<{ id: string }[]>`select organisation_id as id from participations where event_id = ${id}`),
    requestParty: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select from_organisation_id as id from meeting_requests where id = ${id}
          union all select to_organisation_id from meeting_requests where id = ${id}`,
      ),
    contractParty: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select sme_id as id from contracts where id = ${id} union all select buyer_id from contracts where id = ${id}`,
      ),
    contractEdition: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select eo.organiser_id as id from contracts c join edition_organisers eo on eo.edition_id = c.edition_id
          where c.id = ${id}`,
      ),
    claimSme: async (id) =>
      ids(await app.sql<{ id: string }[]>`select sme_id as id from voucher_claims where id = ${id}`),
    claimEdition: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select eo.organiser_id as id from voucher_claims c join edition_organisers eo on eo.edition_id = c.edition_id
          where c.id = ${id}`,
      ),
    meetingParty: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select sme_id as id from meetings where id = ${id} union all select buyer_id from meetings where id = ${id}`,
      ),
    meetingEvent: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select eo.organiser_id as id from meetings m
          join events e on e.id = m.event_id join edition_organisers eo on eo.edition_id = e.edition_id
          where m.id = ${id}`,
      ),
    requestEvent: async (id) =>
      ids(
        await app.sql<{ id: string }[]>`
          select eo.organiser_id as id from meeting_requests r
          join events e on e.id = r.event_id join edition_organisers eo on eo.edition_id = e.edition_id
          where r.id = ${id}`,
      ),
  }
}

/** The world's record for a uuid parameter, by its name; orgId-like names get the candidates in turn. */
function uuidCandidates(world: ApiWorld, role: WorldRole, name: string): string[] | undefined {
  const own = world.people[role].orgId
  const byName: Record<string, string[]> = {
    orgId: [own, world.ids.sme, world.ids.buyer],
    participantId: [world.ids.sme],
    otherOrgId: [role === 'buyer' ? world.ids.sme : world.ids.buyer],
    userId: [world.people.smeMember.userId],
    eventId: [world.ids.event],
    editionId: [world.ids.edition],
    offerId: [world.ids.offer],
    needId: [world.ids.need],
    requestId: [world.ids.request],
    scheduleId: [world.ids.schedule],
    meetingId: [world.ids.meeting],
    contractId: [world.ids.contract],
    claimId: [world.ids.claim],
    invitationId: [world.ids.invitation],
  }
  return byName[name]
}

export interface RouteBinding {
  role: WorldRole | 'anonymous'
  params: Record<string, string>
}

type ParamSample = (name: string, schema: unknown) => string

/**
 * The first role (and parameter values) that the route's own access rule lets
 * through, so bad input reaches validation instead of stopping at a 403. A
 * uuid parameter of a kind the world does not know fails loudly: add it above.
 */
export async function bindRoute(
  world: ApiWorld,
  route: { method: string; url: string; access: Access | undefined; schema: FastifySchema | undefined },
  sampleParam: ParamSample,
): Promise<RouteBinding | undefined> {
  const names = [...route.url.matchAll(/:(\w+)/g)].map((m) => m[1]!)
  const properties =
    ((route.schema?.params ?? {}) as { properties?: Record<string, { format?: string }> }).properties ?? {}
  const owners = ownersBySql(world.app)
  const rule = route.access
  if (!rule) throw new Error(`${route.method} ${route.url} declares no access rule`)
  for (const role of [...WORLD_ROLES, 'anonymous' as const]) {
    const choices: Record<string, string>[] = [{}]
    for (const name of names) {
      const isUuid = properties[name]?.format === 'uuid'
      const values = isUuid
        ? uuidCandidates(world, role === 'anonymous' ? 'smeAdmin' : role, name)
        : [sampleParam(name, properties[name] ?? { type: 'string' })]
      if (!values)
        throw new Error(
          `${route.method} ${route.url}: the property tests know no record for the uuid parameter "${name}" (add it to test/helpers/api-world.ts)`,
        )
      choices.splice(0, choices.length, ...choices.flatMap((c) => values.map((v) => ({ ...c, [name]: v }))))
    }
    for (const params of choices) {
      const memberships =
        role === 'anonymous'
          ? []
          : [{ organisationId: world.people[role].orgId, kind: KIND_OF[role], role: 'admin' as const }]
      const request = {
        params,
        auth:
          role === 'anonymous'
            ? null
            : { userId: world.people[role].userId, sessionId: '', csrfToken: '', memberships },
      } as unknown as FastifyRequest
      if (await isAllowed(rule, request, { owners })) return { role, params }
    }
  }
  return undefined
}

/** Sends a request as the binding's role (cookie and CSRF token), or anonymously. */
export function callAs(
  world: ApiWorld,
  role: WorldRole | 'anonymous',
  options: { method: string; url: string; payload?: unknown; headers?: Record<string, string> },
) {
  if (role === 'anonymous')
    return world.app.inject({
      method: options.method as 'GET',
      url: options.url,
      payload: options.payload as string,
      ...(options.headers ? { headers: options.headers } : {}),
    })
  return world.agents[role].inject(options)
}

export function pathFor(url: string, params: Record<string, string>): string {
  return url.replace(/:(\w+)/g, (_, name: string) => encodeURIComponent(params[name] ?? ''))
}
