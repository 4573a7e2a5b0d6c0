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
import { generateQuery, prng } from './generate.js'
import { buildIndex, loadCatalogue, PASSWORD } from './setup.js'

/**
 * Search benchmark: N generated offers on the embedded engine (or Meilisearch
 * with MEILI_HOST), index build time, latency of faceted queries through the
 * HTTP API, and throughput under concurrent clients, beside a Fastify
 * hello-world measured in the same run.
 *
 *   npm run bench:search -- [--offers 50000] [--duration 10] [--concurrency 32]
 */

const { values } = parseArgs({
  options: {
    offers: { type: 'string', default: '50000' },
    duration: { type: 'string', default: '10' },
    concurrency: { type: 'string', default: '32' },
  },
})
const OFFERS = Number(values.offers)
const DURATION_MS = Number(values.duration) * 1000
const CONCURRENCY = Number(values.concurrency)
const log = (message: string) => process.stderr.write(`${message}\n`)

function startChild(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'inherit'],
    })
    let out = ''
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString()
      if (out.includes(ready)) resolve(child)
    })
    child.on('exit', (code) => reject(new Error(`${args.join(' ')} exited with ${code}`)))
  })
}

interface Stats {
  count: number
  seconds: number
  p50: number
  p95: number
  p99: number
  rps: number
  errors: number
}

function stats(latencies: number[], seconds: number, errors: number): Stats {
  const sorted = [...latencies].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return {
    count: sorted.length,
    seconds,
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    rps: sorted.length / seconds,
    errors,
  }
}

/** `clients` loops, each sending its next request as soon as the previous answers, for `durationMs`. */
async function loadTest(
  clients: number,
  durationMs: number,
  next: () => string,
  headers: Record<string, string>,
): Promise<Stats> {
  const latencies: number[] = []
  let errors = 0
  const started = performance.now()
  const deadline = started + durationMs
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < deadline) {
        const t0 = performance.now()
        const res = await fetch(next(), { headers })
        await res.arrayBuffer()
        if (res.ok) latencies.push(performance.now() - t0)
        else errors++
      }
    }),
  )
  return stats(latencies, (performance.now() - started) / 1000, errors)
}

async function main() {
  const dataDir = path.join(os.tmpdir(), `mtb-bench-search-${process.pid}`)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() })
  const children: ChildProcess[] = []
  try {
    const admin = postgres(embedded.url, { max: 1, onnotice: () => {} })
    await admin`create database bench`
    await admin.end()
    const url = embedded.urlFor('bench')
    await runMigrations(url)
    log(`loading ${OFFERS} offers…`)
    let t0 = performance.now()
    await loadCatalogue(url, OFFERS)
    const loadSeconds = (performance.now() - t0) / 1000
    log(`building the ${process.env.MEILI_HOST ? 'Meilisearch' : 'PostgreSQL'} index…`)
    const indexSeconds = await buildIndex(url, log)

    const [apiPort, helloPort] = [await freePort(), await freePort()]
    children.push(
      await startChild(
        ['server/server.ts'],
        { DATABASE_URL: url, PORT: String(apiPort), SEED_DEMO: 'false', SERVE_WEB: 'false', LOG_LEVEL: 'warn' },
        'is running at',
      ),
    )
    children.push(await startChild(['bench/hello.ts'], { PORT: String(helloPort) }, 'listening'))
    const signIn = await fetch(`http://127.0.0.1:${apiPort}/api/auth/password`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: 'buyer@bench.example', password: PASSWORD }),
    })
    const cookie = `mtb_session=${/mtb_session=([^;]+)/.exec(signIn.headers.get('set-cookie') ?? '')?.[1]}`
    const random = prng(7)
    const searchUrl = () => `http://127.0.0.1:${apiPort}/api/search/offers?${generateQuery(random)}`
    const sample = (await (await fetch(searchUrl(), { headers: { cookie } })).json()) as {
      total: number
      facets: object
    }
    log(`sample query: ${sample.total} hits, ${Object.keys(sample.facets).length} facets`)

    t0 = performance.now()
    await loadTest(4, 2000, searchUrl, { cookie })
    log(`warm-up done in ${((performance.now() - t0) / 1000).toFixed(1)} s; measuring…`)
    const single = await loadTest(1, DURATION_MS / 2, searchUrl, { cookie })
    const loaded = await loadTest(CONCURRENCY, DURATION_MS, searchUrl, { cookie })
    const hello = await loadTest(CONCURRENCY, DURATION_MS, () => `http://127.0.0.1:${helloPort}/`, {})

    const row = (name: string, s: Stats) =>
      `${name.padEnd(34)} ${String(s.count).padStart(7)} ${s.p50.toFixed(1).padStart(8)} ${s.p95.toFixed(1).padStart(8)} ${s.p99.toFixed(1).padStart(8)} ${s.rps.toFixed(0).padStart(8)} ${String(s.errors).padStart(6)}`
    console.log(
      `\nSearch benchmark — ${OFFERS} offers, engine ${process.env.MEILI_HOST ? 'meilisearch' : 'postgres'}, ${os.cpus().length} cores`,
    )
    console.log(
      `data load ${loadSeconds.toFixed(1)} s; index build ${indexSeconds.toFixed(1)} s (${(OFFERS / indexSeconds).toFixed(0)} offers/s)\n`,
    )
    console.log(
      `${'run'.padEnd(34)} ${'requests'.padStart(7)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)} ${'p99 ms'.padStart(8)} ${'req/s'.padStart(8)} ${'errors'.padStart(6)}`,
    )
    console.log(row('faceted search, 1 client', single))
    console.log(row(`faceted search, ${CONCURRENCY} clients`, loaded))
    console.log(row(`hello-world, ${CONCURRENCY} clients`, hello))
    console.log(
      `\nsearch throughput = ${((loaded.rps / hello.rps) * 100).toFixed(1)}% of hello-world; p95 ${(loaded.p95 / hello.p95).toFixed(1)}× hello-world's`,
    )
    console.log(
      `goal: p95 under 50 ms on the embedded engine (1 client): ${single.p95 < 50 ? 'met' : 'NOT met'} (${single.p95.toFixed(1)} ms)`,
    )
  } finally {
    for (const child of children) child.kill('SIGTERM')
    await new Promise((resolve) => setTimeout(resolve, 1000))
    await embedded.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error)
    process.exit(1)
  },
)
