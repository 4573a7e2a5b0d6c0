import type { FastifyInstance, LightMyRequestResponse } from 'fastify'
import { build } from './build.js'
import { createOrgWithAdmin, signIn, type SignedInAgent } from './accounts.js'
import { EVENT_INPUT } from './api-world.js'
import { editionInput } from './builders.js'

/**
 * Many conflicting writes fired at once through the HTTP API, and the tally
 * of their answers. The app runs with its real pool (20 connections), so the
 * transactions overlap; rate limits are off so every call reaches the rule
 * under test.
 */

interface TestContext {
  teardown(fn: () => unknown): void
}

export const CALLS = 200

export function buildForRaces(t: TestContext): Promise<FastifyInstance> {
  return build(t, { outbox: { start: false }, env: { RATE_LIMIT_WRITES: '0', RATE_LIMIT_AUTH: '0' } })
}

/** Starts every call before awaiting any. */
export function allAtOnce(
  count: number,
  call: (i: number) => Promise<LightMyRequestResponse>,
): Promise<LightMyRequestResponse[]> {
  return Promise.all(Array.from({ length: count }, (_, i) => call(i)))
}

/** `{ '200': 1, '409 requests.illegal_move': 199 }`: each answer by status and, for problems, code. */
export function tally(responses: LightMyRequestResponse[]): Record<string, number> {
  const counts: Record<string, number> = {}
  for (const res of responses) {
    const key =
      res.statusCode >= 400
        ? `${res.statusCode} ${String(res.json().code)}${String(res.headers['content-type']).startsWith('application/problem+json') ? '' : ' (not a problem)'}`
        : String(res.statusCode)
    counts[key] = (counts[key] ?? 0) + 1
  }
  return counts
}

export interface RaceEvent {
  app: FastifyInstance
  hub: SignedInAgent
  hubId: string
  edition: string
  event: string
}

/** A hub with an edition and one own event whose per-participant quota is given. */
export async function raceEvent(
  app: FastifyInstance,
  quota: number,
  event: Record<string, unknown> = {},
): Promise<RaceEvent> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@race.example' })
  const agent = await signIn(app, hub.email)
  const edition = (
    await agent.inject({ method: 'POST', url: `/api/organisers/${hub.orgId}/editions`, payload: editionInput() })
  ).json().id as string
  const created = await agent.inject({
    method: 'POST',
    url: `/api/editions/${edition}/events`,
    payload: { ...EVENT_INPUT, maxMeetingsPerParticipant: quota, ...event },
  })
  if (created.statusCode !== 201 && created.statusCode !== 200) throw new Error(`event: ${created.body}`)
  return { app, hub: agent, hubId: hub.orgId, edition, event: created.json().id as string }
}

/** Organisations of one kind, inserted in one statement, selected for the event and affiliated with its hub. */
export async function selectedOrganisations(
  race: RaceEvent,
  kind: 'sme' | 'buyer',
  count: number,
  prefix: string,
): Promise<string[]> {
  const names = Array.from({ length: count }, (_, i) => `${prefix} ${String(i).padStart(3, '0')}`)
  const rows = await race.app.sql<{ id: string }[]>`
    insert into organisations (kind, legal_name, country, nuts2, languages)
    select ${kind}::organisation_kind, name, 'IT', 'ITC1', '{it}' from unnest(${names}::text[]) as name returning id`
  const ids = rows.map((row) => row.id)
  await race.app
    .sql`insert into participations (event_id, organisation_id, status) select ${race.event}, id, 'selected' from unnest(${ids}::uuid[]) as id`
  await race.app
    .sql`insert into affiliations (organiser_id, participant_id, status) select ${race.hubId}, id, 'validated' from unnest(${ids}::uuid[]) as id`
  return ids
}

/** Pending requests from each organisation to one other, inserted directly. */
export async function pendingRequests(
  race: RaceEvent,
  from: string[],
  to: string,
  origin: 'sme' | 'buyer',
): Promise<string[]> {
  const rows = await race.app.sql<{ id: string }[]>`
    insert into meeting_requests (event_id, from_organisation_id, to_organisation_id, origin, priority, status)
    select ${race.event}, id, ${to}, ${origin}::request_origin, 'meet', 'pending' from unnest(${from}::uuid[]) as id returning id`
  return rows.map((row) => row.id)
}

/** Selects an organisation made with a signed-in admin for the race event. */
export async function selectedWithAgent(
  race: RaceEvent,
  kind: 'sme' | 'buyer',
  email: string,
): Promise<{ orgId: string; agent: SignedInAgent }> {
  const person = await createOrgWithAdmin(race.app, {
    kind,
    name: `${kind} ${email}`,
    email,
    ...(kind === 'buyer' ? { country: 'DE', nuts2: 'DE21' } : {}),
  })
  await race.app
    .sql`insert into participations (event_id, organisation_id, status) values (${race.event}, ${person.orgId}, 'selected')`
  await race.app
    .sql`insert into affiliations (organiser_id, participant_id, status) values (${race.hubId}, ${person.orgId}, 'validated')`
  return { orgId: person.orgId, agent: await signIn(race.app, email) }
}
