import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { PROJECT_ROOT } from '../../server/config.js'
import { startEmbeddedPostgres } from '../../server/infra/embedded-postgres.js'
import { runMigrations } from '../../server/infra/migrate.js'
import { freePort } from '../../server/infra/ports.js'
import { Crowd, type Client } from './crowd.js'
import { createWorld, draftSchedule, publishSchedule, type World } from './setup.js'

/**
 * Live benchmark: N websocket clients, one per participant organisation of one
 * event, and the time from a schedule change to its 'agenda_changed' reaching
 * each of them. The first round is the product's own publish through the API;
 * the measured rounds then commit what publish() writes for every
 * organisation (a live_messages row and a NOTIFY with its id per channel) in
 * one transaction, timed from just before COMMIT. The baseline, in the same
 * run, is one message to one client by the same path.
 *
 *   npm run bench:live -- [--clients 2000] [--rounds 5]
 */

const { values } = parseArgs({
  options: {
    clients: { type: 'string', default: '2000' },
    rounds: { type: 'string', default: '5' },
    batch: { type: 'string', default: '100' },
  },
})
const CLIENTS = Number(values.clients)
const ROUNDS = Number(values.rounds)
const BATCH = Number(values.batch)
const BASELINE_SAMPLES = 20
const ROUND_TIMEOUT_MS = 30_000
const GOAL_P99_MS = 1000
const log = (message: string) => process.stderr.write(`${message}\n`)

function startServer(env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'server/server.ts'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes('is running at')) resolve(child)
      else if (out.length > 100_000) out = out.slice(-1000)
      if (out.includes('"level"')) process.stderr.write(chunk)
    })
    child.on('exit', (code) => reject(new Error(`the server exited with ${code}`)))
  })
}

/** Resident memory of a process in MB, from /proc. */
function rssMb(pid: number): number {
  const kb = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]
  return Number(kb ?? 0) / 1024
}

interface Summary {
  received: number
  p50: number
  p99: number
  max: number
}

function summarise(latencies: number[]): Summary {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? NaN
  return { received: sorted.length, p50: at(0.5), p99: at(0.99), max: sorted[sorted.length - 1] ?? NaN }
}

/**
 * What publish() commits for each organisation whose agenda changed, for
 * `channels` at once: one live_messages row and one pg_notify('live', id) per
 * channel, then the hubs' 'schedule_published'. Returns the instant just
 * before COMMIT (notifications leave at commit) and how long COMMIT took.
 */
async function commitAgendaChanges(
  sql: postgres.Sql,
  input: { eventId: string; channels: string[]; round: string },
): Promise<{ t0: number; commitMs: number }> {
  const conn = await sql.reserve()
  try {
    await conn`begin`
    await conn`
      with rows as (
        insert into live_messages (channel, type, payload)
        select c, 'agenda_changed', jsonb_build_object('eventId', ${input.eventId}::text, 'reason', 'replanned', 'round', ${input.round}::text)
        from unnest(${input.channels}::text[]) with ordinality as u(c, n) order by n
        returning id)
      select pg_notify('live', id::text) from rows order by id`
    await conn`
      with rows as (insert into live_messages (channel, type, payload) values (${`event:${input.eventId}`}, 'schedule_published', ${conn.json({ changedOrganisations: input.channels.length })}) returning id)
      select pg_notify('live', id::text) from rows`
    const t0 = performance.now()
    await conn`commit`
    return { t0, commitMs: performance.now() - t0 }
  } finally {
    conn.release()
  }
}

async function outboxDrained(sql: postgres.Sql, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const [row] = await sql<
      { n: number }[]
    >`select count(*)::int as n from outbox where done_at is null and failed_at is null`
    if (row!.n === 0 || Date.now() > deadline) return row!.n
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
}

/** One message to one client, `samples` times: the floor of the same path. */
async function baseline(
  sql: postgres.Sql,
  input: { crowd: Crowd; client: Client; eventId: string; tag: string },
): Promise<Summary> {
  const latencies: number[] = []
  for (let i = 0; i < BASELINE_SAMPLES; i++) {
    const round = `${input.tag}-${i}`
    const { t0 } = await commitAgendaChanges(sql, {
      eventId: input.eventId,
      channels: [`org:${input.client.orgId}`],
      round,
    })
    await input.crowd.waitFor(round, 1, 5000)
    const at = input.client.arrivals.get(round)
    if (at !== undefined) latencies.push(at - t0)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
  return summarise(latencies)
}

/** Server time of a read as the hub, through HTTP on this machine: 20 reads after one to warm up. */
async function readTimes(baseUrl: string, world: World, address: string) {
  const read = async () => {
    const res = await fetch(`${baseUrl}${address}`, { headers: { cookie: `mtb_session=${world.organiser.cookie}` } })
    if (!res.ok) throw new Error(`${address}: ${res.status}`)
    return (await res.arrayBuffer()).byteLength
  }
  const bytes = await read()
  const times: number[] = []
  for (let i = 0; i < 20; i++) {
    const t0 = performance.now()
    await read()
    times.push(performance.now() - t0)
  }
  times.sort((a, b) => a - b)
  return { p50: times[10]!, p95: times[18]!, bytes }
}

async function main() {
  const dataDir = path.join(os.tmpdir(), `mtb-bench-live-${process.pid}`)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  let server: ChildProcess | undefined
  let sql: postgres.Sql | undefined
  const crowds: Crowd[] = []
  let embedded: Awaited<ReturnType<typeof startEmbeddedPostgres>> | undefined
  let cleaning: Promise<void> | undefined
  const cleanUp = () =>
    (cleaning ??= (async () => {
      for (const crowd of crowds) crowd.terminateAll()
      server?.kill('SIGTERM')
      await new Promise((resolve) => setTimeout(resolve, 1000))
      await sql?.end({ timeout: 2 }).catch(() => undefined)
      await embedded?.stop().catch(() => undefined)
      fs.rmSync(dataDir, { recursive: true, force: true })
    })())
  try {
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() })
    // embedded-postgres hooks signals to stop itself; here Ctrl-C also stops the server and removes the data.
    for (const signal of ['SIGINT', 'SIGTERM'] as const) {
      process.removeAllListeners(signal)
      process.once(signal, () => void cleanUp().finally(() => process.exit(130)))
    }
    const admin = postgres(embedded.url, { max: 1, onnotice: () => {} })
    await admin`create database bench`
    await admin.end()
    const url = embedded.urlFor('bench')
    await runMigrations(url)
    sql = postgres(url, { max: 2, onnotice: () => {} })
    const port = await freePort()
    const baseUrl = `http://127.0.0.1:${port}`
    server = await startServer({
      DATABASE_URL: url,
      PORT: String(port),
      SEED_DEMO: 'false',
      SERVE_WEB: 'false',
      LOG_LEVEL: 'warn',
    })
    const pid = server.pid!

    log(`creating ${CLIENTS} participant organisations with sessions, one event, accepted requests…`)
    let t = performance.now()
    const world = await createWorld({ databaseUrl: url, baseUrl, count: CLIENTS })
    log(`  done in ${((performance.now() - t) / 1000).toFixed(1)} s; scheduling through the API…`)
    t = performance.now()
    const draft = await draftSchedule({ baseUrl, world, timeLimitSeconds: 20 })
    log(
      `  draft: ${draft.scheduled} of ${draft.requests} meetings placed in ${((performance.now() - t) / 1000).toFixed(1)} s`,
    )

    const first = world.participants[0]!
    const lone = new Crowd(baseUrl)
    crowds.push(lone)
    const loneClient = await lone.connect(first)
    log('baseline: one client, one message…')
    const idle = await baseline(sql, { crowd: lone, client: loneClient, eventId: world.eventId, tag: 'idle' })
    loneClient.socket.close()
    await new Promise((resolve) => setTimeout(resolve, 500))

    const memory = { before: rssMb(pid), connected: 0, after: 0 }
    const crowd = new Crowd(baseUrl)
    crowds.push(crowd)
    t = performance.now()
    await crowd.connectAll(world.participants, BATCH, (done) => {
      if (done % 500 === 0 || done === CLIENTS) log(`  ${done} sockets ready`)
    })
    const connectSeconds = (performance.now() - t) / 1000
    await new Promise((resolve) => setTimeout(resolve, 1000))
    memory.connected = rssMb(pid)
    const open = () => crowd.clients.filter((c) => c.socket.readyState === c.socket.OPEN).length

    log('publishing the draft through the API (the product path)…')
    const sentAt = performance.now()
    const publishing = publishSchedule({ baseUrl, world, scheduleId: draft.scheduleId }).then(
      () => performance.now() - sentAt,
    )
    await crowd.waitFor('published', open(), 4 * ROUND_TIMEOUT_MS)
    const publishMs = await publishing
    const product = summarise(crowd.arrivalsOf('published').map((at) => at - sentAt))
    log(`  publish answered in ${publishMs.toFixed(0)} ms; waiting for its mails to leave the outbox…`)
    const pending = await outboxDrained(sql, 120_000)
    if (pending > 0) log(`  ${pending} outbox items still pending`)

    const channels = world.participants.map((p) => `org:${p.orgId}`)
    const rounds: (Summary & { commitMs: number; expected: number })[] = []
    const all: number[] = []
    for (let r = 1; r <= ROUNDS; r++) {
      await new Promise((resolve) => setTimeout(resolve, 1000))
      const key = `round-${r}`
      const expected = open()
      const { t0, commitMs } = await commitAgendaChanges(sql, { eventId: world.eventId, channels, round: key })
      await crowd.waitFor(key, expected, ROUND_TIMEOUT_MS)
      const latencies = crowd.arrivalsOf(key).map((at) => at - t0)
      all.push(...latencies)
      rounds.push({ ...summarise(latencies), commitMs, expected })
      log(`  round ${r}: p99 ${rounds.at(-1)!.p99.toFixed(0)} ms`)
    }
    log('baseline again, one message to one of the connected clients…')
    const busy = await baseline(sql, {
      crowd,
      client: crowd.clients.find((c) => c.socket.readyState === c.socket.OPEN)!,
      eventId: world.eventId,
      tag: 'crowd',
    })
    memory.after = rssMb(pid)
    const overall = summarise(all)
    log('the hub opening the live board, beside reading the event…')
    const board = await readTimes(baseUrl, world, `/api/events/${world.eventId}/board`)
    const eventRead = await readTimes(baseUrl, world, `/api/events/${world.eventId}`)

    const ms = (n: number) => (Number.isNaN(n) ? '—' : n.toFixed(1)).padStart(9)
    const row = (name: string, s: Summary, extra = '') =>
      `${name.padEnd(44)} ${`${s.received}`.padStart(8)} ${ms(s.p50)} ${ms(s.p99)} ${ms(s.max)}  ${extra}`
    console.log(
      `\nLive benchmark — ${CLIENTS} websocket clients on one event (${world.participants.length} organisations, ${draft.scheduled} meetings), ${os.cpus().length} cores, Node ${process.version}`,
    )
    console.log(
      `sockets opened in ${connectSeconds.toFixed(1)} s (${BATCH} handshakes at a time); server RSS ${memory.before.toFixed(0)} MB before, ${memory.connected.toFixed(0)} MB connected (${(((memory.connected - memory.before) * 1024) / CLIENTS).toFixed(1)} KB a socket), ${memory.after.toFixed(0)} MB after the rounds\n`,
    )
    console.log(
      `${'run (latency to each client, ms)'.padEnd(44)} ${'received'.padStart(8)} ${'p50'.padStart(9)} ${'p99'.padStart(9)} ${'max'.padStart(9)}`,
    )
    console.log(row(`baseline: 1 client, 1 message, idle server`, idle))
    console.log(row(`baseline: 1 message, ${CLIENTS} sockets open`, busy))
    console.log(row(`publish via API (from request sent)`, product, `publish answered in ${publishMs.toFixed(0)} ms`))
    rounds.forEach((r, i) =>
      console.log(
        row(
          `round ${i + 1}: ${CLIENTS} channels, 1 commit`,
          r,
          `${r.expected - r.received} missing; COMMIT ${r.commitMs.toFixed(1)} ms`,
        ),
      ),
    )
    console.log(row(`all ${ROUNDS} rounds`, overall))
    console.log(
      `\nlive board for the hub (GET …/board, ${world.participants.length} participants, ${draft.scheduled} meetings): p50 ${board.p50.toFixed(0)} ms, p95 ${board.p95.toFixed(0)} ms, ${(board.bytes / 1024).toFixed(0)} KiB — ${(board.p50 / eventRead.p50).toFixed(0)}× reading the event (p50 ${eventRead.p50.toFixed(1)} ms)`,
    )
    console.log(
      `\nrounds commit what publish() writes per organisation (live_messages row + pg_notify of its id, all ${CLIENTS} channels, one transaction), timed from just before COMMIT; the API publish is timed from the request, so it includes the publish transaction itself.`,
    )
    console.log(
      `p99 = ${(overall.p99 / idle.p50).toFixed(0)}× the idle one-message p50; last client (max over rounds) ${(Math.max(...rounds.map((r) => r.max)) / idle.p50).toFixed(0)}× it`,
    )
    console.log(
      `goal: p99 under ${GOAL_P99_MS} ms for ${CLIENTS} clients: ${overall.p99 < GOAL_P99_MS && rounds.every((r) => r.received === r.expected) ? 'met' : 'NOT met'} (${overall.p99.toFixed(0)} ms)`,
    )
  } finally {
    await cleanUp()
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
