import { spawn, type ChildProcess } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { hash } from '@node-rs/argon2'
import autocannon from 'autocannon'
import postgres from 'postgres'
import { PROJECT_ROOT } from '../../server/config.js'
import { startEmbeddedPostgres } from '../../server/infra/embedded-postgres.js'
import { runMigrations } from '../../server/infra/migrate.js'
import { buildServer } from '../../server/infra/build.js'
import { freePort } from '../../server/infra/ports.js'
import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js'

/**
 * API benchmark: the platform with its demo data on an embedded PostgreSQL,
 * loaded by autocannon on sign-in, catalogue search, agenda read and request
 * accept, beside a Fastify hello-world measured in the same run (ratios).
 * `--soak MINUTES` (10 when no number follows) then runs a mixed load for that
 * long, sampling the server's memory after a garbage collection.
 *
 *   npm run bench:api -- [--connections 100] [--duration 10] [--soak [MINUTES]]
 */

const argv = process.argv.slice(2)
const soakAt = argv.indexOf('--soak')
if (soakAt >= 0 && !/^\d+(\.\d+)?$/.test(argv[soakAt + 1] ?? '')) argv.splice(soakAt + 1, 0, '10')
const { values } = parseArgs({
  args: argv,
  options: {
    connections: { type: 'string', default: '100' },
    duration: { type: 'string', default: '10' },
    soak: { type: 'string' },
  },
})
const CONNECTIONS = Number(values.connections)
const DURATION = Number(values.duration)
const SOAK_MINUTES = values.soak === undefined ? 0 : Number(values.soak)
const BENCH_SMES = 100
const BENCH_BUYERS = 60
const SIGN_IN_PEOPLE = 5000
const log = (message: string) => process.stderr.write(`${message}\n`)

function startChild(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit', 'ipc'],
    })
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes(ready)) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)))
  })
}

interface Agent {
  cookie: string
  csrf: string
}

async function signIn(base: string, email: string): Promise<Agent> {
  const res = await fetch(`${base}/api/auth/password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ email, password: DEMO_PASSWORD }),
  })
  if (!res.ok) throw new Error(`sign-in of ${email}: ${res.status} ${await res.text()}`)
  return {
    cookie: /mtb_session=[^;]+/.exec(res.headers.get('set-cookie') ?? '')![0],
    csrf: ((await res.json()) as { csrfToken: string }).csrfToken,
  }
}

async function call<T>(base: string, agent: Agent, method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(`${base}${url}`, {
    method,
    headers: { cookie: agent.cookie, 'x-csrf-token': agent.csrf, 'content-type': 'application/json' },
    body: JSON.stringify(body),
  })
  if (!res.ok) throw new Error(`${method} ${url}: ${res.status} ${await res.text()}`)
  return (await res.json()) as T
}

/** An event of the demo hub with BENCH_SMES × BENCH_BUYERS pending requests, the buyers all run by one person who accepts them. */
async function pendingRequests(base: string, sql: postgres.Sql): Promise<string[]> {
  const organiser = await signIn(base, 'organiser@demo.meet-the-buyer.eu')
  const [hub] = await sql<
    { id: string }[]
  >`select m.organisation_id as id from memberships m join users u on u.id = m.user_id where u.email = 'organiser@demo.meet-the-buyer.eu'`
  const edition = await call<{ id: string }>(base, organiser, 'POST', `/api/organisers/${hub!.id}/editions`, {
    name: 'Bench edition',
    periodStart: '2030-01-01',
    periodEnd: '2030-12-31',
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
  const event = await call<{ id: string }>(base, organiser, 'POST', `/api/editions/${edition.id}/events`, {
    name: 'Bench event',
    kind: 'own',
    format: 'venue',
    venue: 'Lingotto',
    timeZone: 'Europe/Rome',
    days: [{ date: '2030-03-10', sessions: [{ name: 'day', start: '09:00', end: '17:00' }] }],
    slotMinutes: 20,
    gapMinutes: 0,
    tables: [],
    maxMeetingsPerParticipant: 100,
  })
  const smes = await sql<
    { id: string }[]
  >`insert into organisations (kind, legal_name, country, nuts2, languages) select 'sme', 'Bench SME ' || g, 'IT', 'ITC1', '{it}' from generate_series(1, ${BENCH_SMES}) g returning id`
  const buyers = await sql<
    { id: string }[]
  >`insert into organisations (kind, legal_name, country, nuts2, languages) select 'buyer', 'Bench Buyer ' || g, 'DE', 'DE21', '{en}' from generate_series(1, ${BENCH_BUYERS}) g returning id`
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 })
  const [user] = await sql<
    { id: string }[]
  >`insert into users (name, email, language, time_zone, password_hash) values ('Bench Buyer', 'bench-buyer@bench.example', 'en', 'Europe/Rome', ${passwordHash}) returning id`
  // People who only sign in: each signs in a few times, so the per-e-mail limit on sign-in is not what the run measures.
  await sql`insert into users (name, email, language, time_zone, password_hash) select 'Bench person ' || g, 'person' || g || '@bench.example', 'en', 'Europe/Rome', ${passwordHash} from generate_series(1, ${SIGN_IN_PEOPLE}) g`
  await sql`insert into memberships (user_id, organisation_id, role) select ${user!.id}, id, 'admin' from unnest(${buyers.map((b) => b.id)}::uuid[]) as id`
  await sql`insert into participations (event_id, organisation_id, status) select ${event.id}, id, 'selected' from unnest(${[...smes, ...buyers].map((o) => o.id)}::uuid[]) as id`
  const requests = await sql<{ id: string }[]>`
    insert into meeting_requests (event_id, from_organisation_id, to_organisation_id, origin, priority)
    select ${event.id}, s, b, 'sme', 'meet' from unnest(${smes.map((s) => s.id)}::uuid[]) as s, unnest(${buyers.map((b) => b.id)}::uuid[]) as b
    order by random() returning id`
  return requests.map((r) => r.id)
}

interface Figures {
  name: string
  rps: number
  p50: number
  p99: number
  ok: number
  other: number
  /** Per request, on the platform's server (absent for the baseline): statements sent, CPU milliseconds. */
  statements?: number
  cpuMs?: number
}

interface Counters {
  statements: number
  cpuMicros: number
}

function counters(server: ChildProcess): Promise<Counters> {
  return new Promise((resolve) => {
    const listener = (message: { type?: string } & Counters) => {
      if (message.type !== 'counters') return
      server.off('message', listener)
      resolve(message)
    }
    server.on('message', listener)
    server.send({ type: 'counters' })
  })
}

/** Until the server answers a health check within a second again (the previous run's backlog is gone). */
async function settle(url: string): Promise<void> {
  for (let i = 0; i < 60; i++) {
    const t0 = performance.now()
    const ok = await fetch(`${url}/health`).then(
      (r) => r.ok,
      () => false,
    )
    if (ok && performance.now() - t0 < 1000) return
    await new Promise((resolve) => setTimeout(resolve, 1000))
  }
}

async function measure(name: string, options: autocannon.Options, server?: ChildProcess): Promise<Figures> {
  if (typeof options.url === 'string' && !options.url.endsWith('/')) await settle(options.url)
  log(`measuring ${name} (${CONNECTIONS} connections, ${DURATION} s)…`)
  const before = server ? await counters(server) : undefined
  const result = await autocannon({ connections: CONNECTIONS, duration: DURATION, ...options })
  const after = server ? await counters(server) : undefined
  const answered = Math.max(1, result.requests.total)
  return {
    name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    ok: result['2xx'],
    other: result.non2xx + result.errors + result.timeouts,
    ...(before && after
      ? {
          statements: (after.statements - before.statements) / answered,
          cpuMs: (after.cpuMicros - before.cpuMicros) / 1000 / answered,
        }
      : {}),
  }
}

async function main() {
  const dataDir = path.join(os.tmpdir(), `mtb-bench-api-${process.pid}`)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() })
  const children: ChildProcess[] = []
  try {
    const admin = postgres(embedded.url, { max: 1, onnotice: () => {} })
    await admin`create database bench`
    await admin.end()
    const url = embedded.urlFor('bench')
    await runMigrations(url)
    const [apiPort, helloPort] = [await freePort(), await freePort()]
    log('starting the platform with the demo data…')
    // Measured as production runs it: compiled JavaScript, no TypeScript loader.
    await buildServer({ 'bench-api-serve': 'bench/api/serve.ts', 'bench-hello': 'bench/hello.ts' })
    const server = await startChild(
      ['--expose-gc', 'dist/bench-api-serve.js'],
      {
        DATABASE_URL: url,
        PORT: String(apiPort),
        SEED_DEMO: 'true',
        SERVE_WEB: 'false',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_AUTH: '0',
        RATE_LIMIT_WRITES: '0',
        TRUST_PROXY: '127.0.0.1',
      },
      'listening on',
    )
    children.push(server)
    children.push(await startChild(['dist/bench-hello.js'], { PORT: String(helloPort) }, 'listening'))
    const base = `http://127.0.0.1:${apiPort}`
    const sql = postgres(url, { max: 2, onnotice: () => {} })
    const requestIds = await pendingRequests(base, sql)
    const buyer = await signIn(base, 'buyer@demo.meet-the-buyer.eu')
    const sme = await signIn(base, 'sme@demo.meet-the-buyer.eu')
    const organiser = await signIn(base, 'organiser@demo.meet-the-buyer.eu')
    const benchBuyer = await signIn(base, 'bench-buyer@bench.example')
    // The demo SME reads its own agenda, as participants' phones do on the event day.
    const [agendaOf] = await sql<{ eventId: string; orgId: string; meetings: number }[]>`
      select m.event_id as "eventId", m.sme_id as "orgId", count(*)::int as meetings from meetings m
      where m.status = 'scheduled' and m.sme_id = (select ms.organisation_id from memberships ms join users u on u.id = ms.user_id
        where u.email = 'sme@demo.meet-the-buyer.eu' limit 1)
      group by 1, 2 order by 3 desc limit 1`
    const [smeOrg] = await sql<
      { id: string }[]
    >`select m.organisation_id as id from memberships m join users u on u.id = m.user_id where u.email = 'sme@demo.meet-the-buyer.eu'`
    await sql.end()
    const agendaPath = agendaOf ? `/api/events/${agendaOf.eventId}/agenda/${agendaOf.orgId}` : undefined
    log(
      `${requestIds.length} pending requests; agenda: ${agendaOf ? `${agendaOf.meetings} meetings` : 'no published meeting in the demo data'}`,
    )
    const words = [
      'sensori',
      'robot',
      'software',
      'energia',
      'logistica',
      'manutenzione predittiva',
      'idrogeno',
      'packaging',
    ]
    let w = 0
    let next = 0

    const figures: Figures[] = []
    figures.push(await measure('hello-world (baseline)', { url: `http://127.0.0.1:${helloPort}/` }))
    figures.push(
      await measure(
        'search offers',
        {
          url: base,
          requests: [
            {
              method: 'GET',
              headers: { cookie: buyer.cookie },
              setupRequest: (req) => ({
                ...req,
                path: `/api/search/offers?q=${encodeURIComponent(words[w++ % words.length]!)}`,
              }),
            },
          ],
        },
        server,
      ),
    )
    if (agendaPath)
      figures.push(
        await measure(
          'agenda read',
          {
            url: base,
            requests: [{ method: 'GET', path: agendaPath, headers: { cookie: sme.cookie } }],
          },
          server,
        ),
      )
    figures.push(
      await measure(
        'request accept',
        {
          url: base,
          requests: [
            {
              method: 'POST',
              headers: {
                cookie: benchBuyer.cookie,
                'x-csrf-token': benchBuyer.csrf,
                'content-type': 'application/json',
              },
              body: '{}',
              setupRequest: (req) => ({
                ...req,
                path: `/api/requests/${requestIds[next++ % requestIds.length]}/accept`,
              }),
            },
          ],
        },
        server,
      ),
    )
    let person = 0
    // Each sign-in from another person and another address (the server trusts X-Forwarded-For here), as when many people sign in at once.
    const signInRequest: autocannon.Request = {
      method: 'POST',
      path: '/api/auth/password',
      setupRequest: (req) => {
        const k = person++
        return {
          ...req,
          headers: {
            'content-type': 'application/json',
            'x-forwarded-for': `10.${(k >> 16) & 255}.${(k >> 8) & 255}.${k & 255}`,
          },
          body: JSON.stringify({ email: `person${(k % SIGN_IN_PEOPLE) + 1}@bench.example`, password: DEMO_PASSWORD }),
        }
      },
    }
    // Last: argon2id work still queued when its run ends would slow the next route.
    figures.push(await measure('sign-in (argon2id)', { url: base, requests: [signInRequest] }, server))
    const hello = figures[0]!
    console.log(
      `\nAPI benchmark — ${CONNECTIONS} connections, ${DURATION} s per route, ${os.cpus().length} cores, demo data on the embedded PostgreSQL\n`,
    )
    console.log(
      `${'route'.padEnd(24)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'2xx'.padStart(8)} ${'other'.padStart(6)} ${'req/s vs hello'.padStart(15)} ${'p99 vs hello'.padStart(13)} ${'stmts/req'.padStart(10)} ${'CPU ms/req'.padStart(11)}`,
    )
    for (const f of figures) {
      console.log(
        `${f.name.padEnd(24)} ${f.rps.toFixed(0).padStart(8)} ${f.p50.toFixed(1).padStart(8)} ${f.p99.toFixed(1).padStart(8)} ${String(f.ok).padStart(8)} ${String(f.other).padStart(6)} ${`${((f.rps / hello.rps) * 100).toFixed(1)}%`.padStart(15)} ${(f.ok === 0 ? 'n/a' : `${(f.p99 / Math.max(hello.p99, 1)).toFixed(1)}×`).padStart(13)} ${(f.statements?.toFixed(1) ?? '').padStart(10)} ${(f.cpuMs?.toFixed(2) ?? '').padStart(11)}`,
      )
    }
    console.log(
      '\nstmts/req, CPU ms/req: statements the server sent to PostgreSQL and CPU time of the server process, per answer.',
    )
    console.log(
      `\n"other": answers other than 2xx, errors and timeouts (autocannon gives up after 10 s). Request accept: ${requestIds.length} pending requests; answers beyond them are 409 (already accepted).`,
    )

    if (SOAK_MINUTES > 0) await soak(server, base, { buyer, sme, organiser, smeOrg: smeOrg!.id, agendaPath, words })
  } finally {
    for (const child of children) child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await embedded.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

interface Sample {
  minutes: number
  rss: number
  heapUsed: number
}

function sampleMemory(server: ChildProcess): Promise<{ rss: number; heapUsed: number }> {
  return new Promise((resolve) => {
    server.once('message', (message: { rss: number; heapUsed: number }) => resolve(message))
    server.send({ type: 'memory' })
  })
}

/** Least-squares slope of y over x. */
function slope(points: [number, number][]): number {
  const n = points.length
  const mx = points.reduce((s, [x]) => s + x, 0) / n
  const my = points.reduce((s, [, y]) => s + y, 0) / n
  const sxy = points.reduce((s, [x, y]) => s + (x - mx) * (y - my), 0)
  const sxx = points.reduce((s, [x]) => s + (x - mx) ** 2, 0)
  return sxx === 0 ? 0 : sxy / sxx
}

async function soak(
  server: ChildProcess,
  base: string,
  context: {
    buyer: Agent
    sme: Agent
    organiser: Agent
    smeOrg: string
    agendaPath: string | undefined
    words: string[]
  },
) {
  const { buyer, sme, organiser, smeOrg, agendaPath, words } = context
  log(`soak: a mixed load for ${SOAK_MINUTES} min, memory sampled every 5 s…`)
  let w = 0
  let n = 0
  const requests: autocannon.Request[] = [
    {
      method: 'GET',
      headers: { cookie: buyer.cookie },
      setupRequest: (req) => ({
        ...req,
        path: `/api/search/offers?q=${encodeURIComponent(words[w++ % words.length]!)}`,
      }),
    },
    { method: 'GET', path: agendaPath ?? '/api/me', headers: { cookie: organiser.cookie } },
    { method: 'GET', path: '/api/me', headers: { cookie: sme.cookie } },
    {
      method: 'POST',
      path: `/api/organisations/${smeOrg}/offers`,
      headers: { cookie: sme.cookie, 'x-csrf-token': sme.csrf, 'content-type': 'application/json' },
      setupRequest: (req) => ({
        ...req,
        body: JSON.stringify({
          title: `Soak offer ${n++}`,
          description: 'An offer written by the soak benchmark.',
          language: 'en',
          cpvMain: '34121000',
          cpvExtra: [],
          naceCode: '29.10',
          s3Domain: 'sustainable-mobility',
          trl: 7,
          keywords: [],
          certifications: [],
          marketsServed: ['IT'],
          status: 'draft',
        }),
      }),
    },
  ]
  const samples: Sample[] = []
  const started = performance.now()
  const take = async () =>
    samples.push({ minutes: (performance.now() - started) / 60_000, ...(await sampleMemory(server)) })
  await take()
  const timer = setInterval(() => void take(), 5000)
  const result = await autocannon({ url: base, connections: CONNECTIONS, duration: SOAK_MINUTES * 60, requests })
  clearInterval(timer)
  await take()
  const warm = samples.filter((s) => s.minutes >= SOAK_MINUTES * 0.2)
  const mb = (bytes: number) => bytes / 1024 / 1024
  const heapSlope = slope(warm.map((s) => [s.minutes, mb(s.heapUsed)]))
  const rssSlope = slope(warm.map((s) => [s.minutes, mb(s.rss)]))
  const [first, last] = [warm[0]!, warm.at(-1)!]
  const window = last.minutes - first.minutes
  const meanHeap = warm.reduce((s, x) => s + mb(x.heapUsed), 0) / warm.length
  const flat = Math.abs(heapSlope * window) < Math.max(5, meanHeap * 0.05)
  console.log(
    `\nSoak — ${SOAK_MINUTES} min mixed load (search, agenda, session, offer writes), ${CONNECTIONS} connections: ${result.requests.average.toFixed(0)} req/s, p99 ${result.latency.p99} ms, ${result.non2xx + result.errors} not 2xx`,
  )
  console.log(`memory after a GC, ${samples.length} samples; warm-up (first 20%) left out:`)
  console.log(
    `  heap used ${mb(first.heapUsed).toFixed(1)} → ${mb(last.heapUsed).toFixed(1)} MB, slope ${heapSlope.toFixed(2)} MB/min`,
  )
  console.log(
    `  RSS       ${mb(first.rss).toFixed(1)} → ${mb(last.rss).toFixed(1)} MB, slope ${rssSlope.toFixed(2)} MB/min`,
  )
  console.log(
    `  heap ${flat ? 'stays flat' : 'GROWS'}: ${(heapSlope * window).toFixed(1)} MB over ${window.toFixed(1)} min after warm-up (flat: under 5 MB or 5% of the heap)`,
  )
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
