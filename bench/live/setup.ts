import { randomUUID } from 'node:crypto'
import postgres from 'postgres'
import { hashToken, newToken } from '../../server/infra/tokens.js'

/**
 * One organiser, one edition, one event of one day, and `count` participant
 * organisations (half SMEs, half buyers), each with one user, a membership
 * and a session whose token we know. Rows go in by SQL (thousands of argon2
 * sign-ins would take minutes); the edition and the event through the API.
 * Each SME asked two neighbouring buyers to meet and they accepted, so every
 * participant has two meetings to place.
 */

export interface Participant {
  orgId: string
  token: string
}

export interface World {
  eventId: string
  organiser: { cookie: string; csrf: string }
  participants: Participant[]
}

const CHUNK = 500

async function insertChunked(sql: postgres.Sql, table: string, rows: Record<string, unknown>[]) {
  for (let i = 0; i < rows.length; i += CHUNK)
    await sql`insert into ${sql(table)} ${sql(rows.slice(i, i + CHUNK) as never)}`
}

function person(index: number, kind: string) {
  const userId = randomUUID()
  const token = newToken()
  const expiresAt = new Date(Date.now() + 86_400_000)
  return {
    token,
    user: { id: userId, name: `${kind} person ${index}`, email: `${kind}${index}@bench.example`, language: 'en' },
    session: { token_hash: hashToken(token), user_id: userId, csrf_token: newToken(), expires_at: expiresAt },
  }
}

async function api(baseUrl: string, organiser: World['organiser'], method: string, url: string, body?: unknown) {
  const res = await fetch(`${baseUrl}${url}`, {
    method,
    headers: {
      cookie: `mtb_session=${organiser.cookie}`,
      'x-csrf-token': organiser.csrf,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await res.text()
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${text}`)
  return JSON.parse(text) as Record<string, unknown>
}

export async function createWorld(input: { databaseUrl: string; baseUrl: string; count: number }): Promise<World> {
  const sql = postgres(input.databaseUrl, { max: 1, onnotice: () => {} })
  try {
    const hubId = randomUUID()
    const hub = person(0, 'hub')
    await sql`insert into organisations ${sql({ id: hubId, kind: 'organiser', legal_name: 'Bench Hub', country: 'IT', nuts2: 'ITC1' })}`
    await sql`insert into users ${sql(hub.user)}`
    await sql`insert into memberships ${sql({ user_id: hub.user.id, organisation_id: hubId, role: 'admin' })}`
    await sql`insert into sessions ${sql(hub.session)}`
    const organiser = { cookie: hub.token, csrf: hub.session.csrf_token }

    const smes = Math.ceil(input.count / 2)
    const people = Array.from({ length: input.count }, (_, i) => ({
      orgId: randomUUID(),
      kind: i < smes ? 'sme' : 'buyer',
      ...person(i, i < smes ? 'sme' : 'buyer'),
    }))
    await insertChunked(
      sql,
      'organisations',
      people.map((p, i) => ({
        id: p.orgId,
        kind: p.kind,
        legal_name: `${p.kind === 'sme' ? 'SME' : 'Buyer'} ${i}`,
        country: 'IT',
        nuts2: 'ITC1',
      })),
    )
    await insertChunked(
      sql,
      'users',
      people.map((p) => p.user),
    )
    await insertChunked(
      sql,
      'memberships',
      people.map((p) => ({ user_id: p.user.id, organisation_id: p.orgId, role: 'admin' })),
    )
    await insertChunked(
      sql,
      'sessions',
      people.map((p) => p.session),
    )

    const edition = await api(input.baseUrl, organiser, 'POST', `/api/organisers/${hubId}/editions`, {
      name: 'Bench edition',
      periodStart: '2027-01-01',
      periodEnd: '2027-12-31',
      homeNuts2: 'ITC1',
      targetS3: [],
      kpiTargets: {
        events: 1,
        smesInvolved: 1,
        buyersOutsideTargeted: 1,
        buyersOutsideInvolved: 1,
        contracts: 1,
        turnoverChangePct: 1,
        exportChangePct: 1,
      },
      coOrganiserIds: [],
    })
    const event = await api(input.baseUrl, organiser, 'POST', `/api/editions/${String(edition.id)}/events`, {
      name: 'Bench live day',
      kind: 'own',
      format: 'venue',
      venue: 'Lingotto',
      timeZone: 'Europe/Rome',
      days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '10:20' }] }],
      slotMinutes: 20,
      gapMinutes: 0,
      maxMeetingsPerParticipant: 8,
    })
    const eventId = String(event.id)

    await insertChunked(
      sql,
      'participations',
      people.map((p) => ({ event_id: eventId, organisation_id: p.orgId, status: 'selected' })),
    )
    const buyers = people.slice(smes)
    const requests = people.slice(0, smes).flatMap((sme, i) =>
      [...new Set([i % buyers.length, (i + 1) % buyers.length])].map((b) => ({
        event_id: eventId,
        from_organisation_id: sme.orgId,
        to_organisation_id: buyers[b]!.orgId,
        origin: 'sme',
        priority: 'meet',
        status: 'accepted',
        created_by: sme.user.id,
        decided_at: new Date(),
      })),
    )
    await insertChunked(sql, 'meeting_requests', requests)
    return { eventId, organiser, participants: people.map((p) => ({ orgId: p.orgId, token: p.token })) }
  } finally {
    await sql.end({ timeout: 5 })
  }
}

/** Queues a run through the API and waits until the outbox worker has stored the draft. */
export async function draftSchedule(input: {
  baseUrl: string
  world: World
  timeLimitSeconds: number
}): Promise<{ scheduleId: string; scheduled: number; requests: number }> {
  const { baseUrl, world } = input
  const queued = await api(baseUrl, world.organiser, 'POST', `/api/events/${world.eventId}/schedules`, {
    timeLimitSeconds: input.timeLimitSeconds,
  })
  const deadline = Date.now() + (input.timeLimitSeconds + 120) * 1000
  while (Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 250))
    const runs = (await fetch(`${baseUrl}/api/events/${world.eventId}/schedules`, {
      headers: { cookie: `mtb_session=${world.organiser.cookie}` },
    }).then((r) => r.json())) as {
      id: string
      status: string
      error: string | null
      stats: { scheduled: number; requests: number } | null
    }[]
    const run = runs.find((r) => r.id === queued.id)
    if (run?.status === 'failed') throw new Error(`schedule run failed: ${run.error}`)
    if (run?.status === 'draft')
      return { scheduleId: run.id, scheduled: run.stats?.scheduled ?? 0, requests: run.stats?.requests ?? 0 }
  }
  throw new Error('the schedule run did not finish in time')
}

/** Publishes the draft through the API: the product's own path (meetings, mails and live messages in one transaction). */
export async function publishSchedule(input: { baseUrl: string; world: World; scheduleId: string }): Promise<void> {
  await api(
    input.baseUrl,
    input.world.organiser,
    'POST',
    `/api/events/${input.world.eventId}/schedules/${input.scheduleId}/publish`,
  )
}
