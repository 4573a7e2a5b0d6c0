import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import { buildApp } from '../../server/app.js'
import { loadConfig } from '../../server/config.js'
import { startEmbeddedPostgres } from '../../server/infra/embedded-postgres.js'
import { runMigrations } from '../../server/infra/migrate.js'
import { freePort } from '../../server/infra/ports.js'
import { eventWithManyPairs } from './generate.js'

/**
 * Matches-tab benchmark: an event with SMEs × buyers recommended pairs on the
 * embedded PostgreSQL; the server time and size of the tab's first page (50
 * pairs, best first, with the total), of a filtered and of a later page,
 * beside the whole list in one answer (what the tab loaded before it paged)
 * and beside a one-row read of the same event, all measured in the same run.
 *
 *   npm run bench:curation -- [--smes 100] [--buyers 50] [--loads 30]
 */

const { values } = parseArgs({
  options: {
    smes: { type: 'string', default: '100' },
    buyers: { type: 'string', default: '50' },
    loads: { type: 'string', default: '30' },
  },
})
const log = (message: string) => process.stderr.write(`${message}\n`)

function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { p50: at(0.5), p95: at(0.95) }
}

async function main() {
  const dataDir = path.join(os.tmpdir(), `mtb-bench-curation-${process.pid}`)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  const database = await startEmbeddedPostgres({ dataDir, port: await freePort() })
  try {
    const url = new URL(database.url)
    await runMigrations(url.toString())
    const app = await buildApp(
      loadConfig({
        DATABASE_URL: url.toString(),
        LOG_LEVEL: 'silent',
        SEED_DEMO: 'false',
        SERVE_WEB: 'false',
        RATE_LIMIT_WRITES: '100000',
      }),
      { logger: false, outbox: { start: false } },
    )
    await app.ready()
    const smes = Number(values.smes)
    const buyers = Number(values.buyers)
    log(`generating ${smes} SMEs × ${buyers} buyers = ${smes * buyers} pairs…`)
    const { eventId, hub } = await eventWithManyPairs(app, { smes, buyers })
    await app.sql`analyze`
    const loads = Number(values.loads)
    const cases: [string, string][] = [
      ['one-row read of the event (baseline)', `/api/events/${eventId}`],
      ['Matches tab, first page (50, best first)', `/api/events/${eventId}/curation`],
      ['Matches tab, page 40 sorted by buyer', `/api/events/${eventId}/curation?sort=buyer&page=40`],
      ['Matches tab, filtered: approved, "PMI 0004"', `/api/events/${eventId}/curation?status=approved&q=PMI%200004`],
      ['whole list in one answer (before paging)', `/api/events/${eventId}/curation?pageSize=5000`],
    ]
    const rows: string[] = []
    let baseline = 0
    for (const [label, address] of cases) {
      const first = await hub.inject({ method: 'GET', url: address })
      if (first.statusCode !== 200) throw new Error(`${address}: ${first.statusCode} ${first.body.slice(0, 200)}`)
      const times: number[] = []
      for (let i = 0; i < loads; i++) {
        const t0 = performance.now()
        await hub.inject({ method: 'GET', url: address })
        times.push(performance.now() - t0)
      }
      const { p50, p95 } = percentiles(times)
      if (!baseline) baseline = p50
      const body = first.json() as { total?: number; items?: unknown[] }
      rows.push(
        `${label.padEnd(46)} p50 ${p50.toFixed(1).padStart(7)} ms  p95 ${p95.toFixed(1).padStart(7)} ms  ×${(p50 / baseline).toFixed(1).padStart(6)}  ${(first.rawPayload.length / 1024).toFixed(1).padStart(7)} KiB${body.items ? `  ${body.items.length} of ${body.total}` : ''}`,
      )
    }
    process.stdout.write(
      `\n${smes * buyers} pairs, ${loads} loads each (server time through the HTTP stack, no network)\n`,
    )
    for (const row of rows) process.stdout.write(`${row}\n`)
    await app.close()
  } finally {
    await database.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

main().catch((error: unknown) => {
  console.error(error)
  process.exit(1)
})
