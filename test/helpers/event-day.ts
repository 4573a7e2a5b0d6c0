import type { FastifyInstance } from 'fastify'
import WebSocket from 'ws'
import { createOrgWithAdmin, signIn, type SignedInAgent } from './accounts.js'
import { createEdition, createEvent, finishedRun } from './builders.js'

/**
 * A published one-day event: Alpha and Beta (SMEs) each meet Nordbahn and
 * Torino Trasporti (buyers); Zeta (a third buyer) asked Alpha to meet but was
 * never accepted. Two 20-minute slots from 09:00 Rome time on 10 March 2027,
 * which is 08:00 UTC.
 */
export async function publishedEvent(app: FastifyInstance) {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const a = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const b = await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' })
  const x = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'xena@nordbahn.example' })
  const y = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Torino Trasporti SpA', email: 'yuri@tt.example' })
  const z = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Zeta Rail AG', email: 'zoe@zeta.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const event = await createEvent(organiser, edition.id, {
    venue: 'Lingotto',
    days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '09:40' }] }],
    tables: [{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }],
  })
  for (const org of [a, b, x, y, z])
    for (const status of ['invited', 'selected'])
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/participations/${org.orgId}`,
        payload: { status },
      })
  const agents: Record<'a' | 'b' | 'x' | 'y' | 'z', SignedInAgent> = {
    a: await signIn(app, 'ada@alpha.example'),
    b: await signIn(app, 'bea@beta.example'),
    x: await signIn(app, 'xena@nordbahn.example'),
    y: await signIn(app, 'yuri@tt.example'),
    z: await signIn(app, 'zoe@zeta.example'),
  }
  for (const [sme, smeAgent] of [
    [a, agents.a],
    [b, agents.b],
  ] as const) {
    for (const [buyer, buyerAgent] of [
      [x, agents.x],
      [y, agents.y],
    ] as const) {
      const sent = (
        await smeAgent.inject({
          method: 'POST',
          url: `/api/events/${event.id}/requests`,
          payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
        })
      ).json()
      await buyerAgent.inject({ method: 'POST', url: `/api/requests/${sent.id}/accept`, payload: {} })
    }
  }
  await agents.z.inject({
    method: 'POST',
    url: `/api/events/${event.id}/requests`,
    payload: { fromOrganisationId: z.orgId, toOrganisationId: a.orgId, priority: 'must_meet' },
  })
  const queued = (
    await organiser.inject({
      method: 'POST',
      url: `/api/events/${event.id}/schedules`,
      payload: { timeLimitSeconds: 2 },
    })
  ).json()
  await app.outbox.drain()
  await finishedRun(organiser, { eventId: event.id, scheduleId: queued.id })
  await organiser.inject({ method: 'POST', url: `/api/events/${event.id}/schedules/${queued.id}/publish` })
  return { hub, a, b, x, y, z, organiser, agents, event }
}

export interface LiveClient {
  messages: { id?: number; type: string; payload?: Record<string, unknown> }[]
  /** Resolves with the first message of that type (already received or to come). */
  next(type: string, timeoutMs?: number): Promise<{ id?: number; type: string; payload?: Record<string, unknown> }>
  close(): Promise<void>
}

/** A real websocket client on a listening app, signed in with the agent's cookie. */
export function connectLive(baseUrl: string, agent: SignedInAgent, query: string): Promise<LiveClient> {
  return new Promise((resolve, reject) => {
    const socket = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}/api/live?${query}`, {
      headers: { cookie: `mtb_session=${agent.cookie}` },
    })
    const messages: LiveClient['messages'] = []
    const waiters: { type: string; resolve: (m: LiveClient['messages'][number]) => void }[] = []
    socket.on('message', (data) => {
      const message = JSON.parse(String(data)) as LiveClient['messages'][number]
      messages.push(message)
      for (const waiter of waiters.filter((w) => w.type === message.type)) {
        waiters.splice(waiters.indexOf(waiter), 1)
        waiter.resolve(message)
      }
      if (message.type === 'ready') resolve(client)
    })
    socket.on('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)))
    socket.on('error', reject)
    const client: LiveClient = {
      messages,
      next: (type, timeoutMs = 5000) => {
        const found = messages.find((m) => m.type === type)
        if (found) return Promise.resolve(found)
        return new Promise((done, fail) => {
          const timer = setTimeout(() => fail(new Error(`no ${type} message within ${timeoutMs} ms`)), timeoutMs)
          waiters.push({ type, resolve: (m) => (clearTimeout(timer), done(m)) })
        })
      },
      close: () =>
        new Promise((done) =>
          socket.readyState === WebSocket.CLOSED ? done() : (socket.once('close', () => done()), socket.close()),
        ),
    }
  })
}
