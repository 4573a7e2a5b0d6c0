import WebSocket from 'ws'
import type { Participant } from './setup.js'

/**
 * Websocket clients, each signed in with its own session and following its
 * own organisation. Every 'agenda_changed' is stamped on arrival under a
 * round key (the payload's `round`, or its `reason` for the product's own
 * publish), so one round's latencies are read after the fact.
 */

export interface Client {
  orgId: string
  socket: WebSocket
  arrivals: Map<string, number>
}

interface AgendaMessage {
  type: string
  payload?: { round?: string; reason?: string }
}

export class Crowd {
  readonly clients: Client[] = []
  private readonly counts = new Map<string, number>()
  private readonly waiters = new Map<string, () => void>()
  private readonly target = new Map<string, number>()

  constructor(private readonly baseUrl: string) {}

  /** Opens one socket and resolves once the server said 'ready'. */
  connect(participant: Participant): Promise<Client> {
    return new Promise((resolve, reject) => {
      const socket = new WebSocket(
        `${this.baseUrl.replace(/^http/, 'ws')}/api/live?organisation=${participant.orgId}`,
        { headers: { cookie: `mtb_session=${participant.token}` } },
      )
      const client: Client = { orgId: participant.orgId, socket, arrivals: new Map() }
      socket.on('message', (data) => {
        const at = performance.now()
        const message = JSON.parse(String(data)) as AgendaMessage
        if (message.type === 'ready') {
          this.clients.push(client)
          resolve(client)
          return
        }
        if (message.type !== 'agenda_changed') return
        const key = message.payload?.round ?? message.payload?.reason ?? ''
        if (client.arrivals.has(key)) return
        client.arrivals.set(key, at)
        this.arrived(key)
      })
      socket.on('unexpected-response', (_request, response) => reject(new Error(`refused: ${response.statusCode}`)))
      socket.on('error', reject)
    })
  }

  /** Connects everyone, `batch` handshakes at a time. */
  async connectAll(participants: Participant[], batch: number, progress: (done: number) => void): Promise<void> {
    for (let i = 0; i < participants.length; i += batch) {
      await Promise.all(participants.slice(i, i + batch).map((p) => this.connect(p)))
      progress(Math.min(participants.length, i + batch))
    }
  }

  /** Resolves when `expected` clients have the round, or after `timeoutMs` (then some are missing). */
  waitFor(key: string, expected: number, timeoutMs: number): Promise<void> {
    if ((this.counts.get(key) ?? 0) >= expected) return Promise.resolve()
    return new Promise((resolve) => {
      const timer = setTimeout(done, timeoutMs)
      function done() {
        clearTimeout(timer)
        resolve()
      }
      this.target.set(key, expected)
      this.waiters.set(key, done)
    })
  }

  /** Arrival times of one round, one per client that received it. */
  arrivalsOf(key: string, clients: Client[] = this.clients): number[] {
    return clients.flatMap((c) => (c.arrivals.has(key) ? [c.arrivals.get(key)!] : []))
  }

  /** Drops every socket at once (no closing handshake: the server may already be gone). */
  terminateAll(): void {
    for (const c of this.clients) c.socket.terminate()
  }

  private arrived(key: string) {
    const count = (this.counts.get(key) ?? 0) + 1
    this.counts.set(key, count)
    if (count >= (this.target.get(key) ?? Infinity)) this.waiters.get(key)?.()
  }
}
