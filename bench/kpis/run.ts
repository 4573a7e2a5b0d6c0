import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { parseArgs } from 'node:util'
import postgres from 'postgres'
import { drizzle } from 'drizzle-orm/postgres-js'
import { sql } from 'drizzle-orm'
import { startEmbeddedPostgres } from '../../server/infra/embedded-postgres.js'
import { runMigrations } from '../../server/infra/migrate.js'
import { freePort } from '../../server/infra/ports.js'
import { systemClock } from '../../server/infra/clock.js'
import * as schema from '../../server/infra/schema.js'
import { createKpisService, type ScopeRef } from '../../server/features/outcomes/kpis.service.js'
import { generate } from './generate.js'

/**
 * KPI benchmark: generated editions, events, SMEs, buyers, meeting requests,
 * meetings, contracts and performance reports on the embedded PostgreSQL; the
 * server time of each dashboard load (the whole KPI report of an edition, an
 * event, a hub and the authority), beside a primary-key lookup measured in the
 * same run.
 *
 *   npm run bench:kpis -- [--events 1000] [--smes 50000] [--meetings 1000000] [--contracts 100000] [--loads 30]
 */

const { values } = parseArgs({ options: { events: { type: 'string', default: '1000' }, smes: { type: 'string', default: '50000' }, meetings: { type: 'string', default: '1000000' }, contracts: { type: 'string', default: '100000' }, loads: { type: 'string', default: '30' } } })
const log = (message: string) => process.stderr.write(`${message}\n`)

function percentiles(ms: number[]) {
  const sorted = [...ms].sort((a, b) => a - b)
  const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0
  return { p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] ?? 0 }
}

async function time(loads: number, fn: () => Promise<unknown>): Promise<number[]> {
  await fn()
  const out: number[] = []
  for (let i = 0; i < loads; i++) {
    const t0 = performance.now()
    await fn()
    out.push(performance.now() - t0)
  }
  return out
}

async function main() {
  const dataDir = path.join(os.tmpdir(), `mtb-bench-kpis-${process.pid}`)
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o755 })
  const embedded = await startEmbeddedPostgres({ dataDir, port: await freePort() })
  const client = postgres(embedded.url, { max: 1, onnotice: () => {} })
  await client.unsafe('create database bench')
  await client.end()
  const url = embedded.urlFor('bench')
  const db = postgres(url, { max: 20, onnotice: () => {} })
  try {
    await runMigrations(url)
    const sizes = { events: Number(values.events), smes: Number(values.smes), meetings: Number(values.meetings), contracts: Number(values.contracts) }
    const t0 = performance.now()
    const ids = await generate(db, sizes, log)
    log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    const kpis = createKpisService({ db: drizzle(db, { schema, casing: 'snake_case' }), clock: systemClock })
    const loads = Number(values.loads)
    const orm = drizzle(db, { schema, casing: 'snake_case' })
    const baseline = percentiles(await time(loads, () => orm.execute(sql`select id, name, kpi_targets from editions where id = ${ids.edition}`)))
    const scopes: [string, ScopeRef][] = [['edition', { kind: 'edition', id: ids.edition }], ['event', { kind: 'event', id: ids.event }], ['organiser', { kind: 'organiser', id: ids.organiser }], ['authority', { kind: 'all' }]]
    const lines = [`data: ${sizes.events} events, ${sizes.smes} SMEs, ${sizes.meetings} meetings, ${sizes.contracts} contracts; ${loads} loads each`, `baseline (edition by primary key): p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms`]
    for (const [name, ref] of scopes) {
      const ms = await time(loads, () => kpis.report(ref))
      const p = percentiles(ms)
      lines.push(`dashboard ${name.padEnd(9)} p50 ${p.p50.toFixed(1).padStart(7)} ms  p95 ${p.p95.toFixed(1).padStart(7)} ms  max ${p.max.toFixed(1).padStart(7)} ms  p95/baseline ×${(p.p95 / baseline.p95).toFixed(0)}  goal p95 < 200 ms: ${p.p95 < 200 ? 'met' : 'missed'}`)
    }
    process.stdout.write(`${lines.join('\n')}\n`)
  } finally {
    await db.end()
    await embedded.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
