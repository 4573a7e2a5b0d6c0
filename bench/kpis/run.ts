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
 * event, a hub and the authority), beside a primary-key lookup and beside the
 * same report recomputed from the rows (as every load did before the running
 * totals), both measured in the same run, with a check that the two reports
 * agree. Then the cost of the totals' upkeep on single-row writes, beside a
 * write the totals ignore.
 *
 *   npm run bench:kpis -- [--events 1000] [--smes 50000] [--meetings 1000000] [--contracts 100000] [--loads 30]
 *   npm run bench:kpis -- --url postgres://…/bench   (measure a database generated before, as is)
 */

const { values } = parseArgs({
  options: {
    events: { type: 'string', default: '1000' },
    smes: { type: 'string', default: '50000' },
    meetings: { type: 'string', default: '1000000' },
    contracts: { type: 'string', default: '100000' },
    loads: { type: 'string', default: '30' },
    url: { type: 'string' },
  },
})
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

/** Single-row writes in their own transactions: the ones the totals follow, beside one they ignore (unavailable slots). */
async function writeCosts(db: postgres.Sql, loads: number): Promise<string[]> {
  const [p] = await db<
    { id: string; status: string }[]
  >`select p.id, p.status from participations p join organisations o on o.id = p.organisation_id where o.kind = 'sme' and p.status = 'selected' limit 1`
  const [c] = await db<{ id: string }[]>`select id from contracts where status = 'verified' limit 1`
  const [r] = await db<{ sme_id: string; year: number }[]>`select sme_id, year from performance_reports limit 1`
  let flip = false
  const writes: [string, () => Promise<unknown>][] = [
    [
      'participation slots (no upkeep)',
      () => db`update participations set unavailable_slots = ${flip ? '{1}' : '{}'}::int[] where id = ${p!.id}`,
    ],
    [
      'participation status',
      () => db`update participations set status = ${flip ? 'attended' : 'selected'} where id = ${p!.id}`,
    ],
    ['contract status', () => db`update contracts set status = ${flip ? 'reported' : 'verified'} where id = ${c!.id}`],
    [
      'performance report',
      () =>
        db`update performance_reports set turnover_eur = turnover_eur + ${flip ? 1 : -1} where sme_id = ${r!.sme_id} and year = ${r!.year}`,
    ],
  ]
  const lines: string[] = []
  for (const [label, write] of writes) {
    const p = percentiles(await time(loads, () => ((flip = !flip), write())))
    lines.push(
      `write ${label.padEnd(32)} p50 ${p.p50.toFixed(1).padStart(6)} ms  p95 ${p.p95.toFixed(1).padStart(6)} ms`,
    )
  }
  return lines
}

/** Prints each figure as soon as it is measured. */
async function measure(db: postgres.Sql, ids: { edition: string; event: string; organiser: string }, loads: number) {
  const print = (line: string) => process.stdout.write(`${line}\n`)
  const kpis = createKpisService({ db: drizzle(db, { schema, casing: 'snake_case' }), clock: systemClock })
  const orm = drizzle(db, { schema, casing: 'snake_case' })
  const baseline = percentiles(
    await time(loads, () => orm.execute(sql`select id, name, kpi_targets from editions where id = ${ids.edition}`)),
  )
  print(
    `baseline (edition by primary key): p50 ${baseline.p50.toFixed(2)} ms, p95 ${baseline.p95.toFixed(2)} ms; ${loads} loads each`,
  )
  const scopes: [string, ScopeRef][] = [
    ['edition', { kind: 'edition', id: ids.edition }],
    ['event', { kind: 'event', id: ids.event }],
    ['organiser', { kind: 'organiser', id: ids.organiser }],
    ['authority', { kind: 'all' }],
  ]
  const row = (label: string, p: ReturnType<typeof percentiles>) =>
    `${label} p50 ${p.p50.toFixed(1).padStart(7)} ms  p95 ${p.p95.toFixed(1).padStart(7)} ms  max ${p.max.toFixed(1).padStart(7)} ms`
  for (const [name, ref] of scopes) {
    const p = percentiles(await time(loads, () => kpis.report(ref)))
    print(
      `${row(`dashboard ${name.padEnd(9)}`, p)}  p95/baseline ×${(p.p95 / baseline.p95).toFixed(0)}  goal p95 < 200 ms: ${p.p95 < 200 ? 'met' : 'missed'}`,
    )
    if (ref.kind === 'event') continue
    const fromRows = percentiles(await time(loads, () => kpis.report(ref, { source: 'rows' })))
    const { computedAt: _a, ...totals } = await kpis.report(ref)
    const { computedAt: _b, ...rows } = await kpis.report(ref, { source: 'rows' })
    print(
      `${row(`  from rows ${name.padEnd(8)}`, fromRows)}  same figures as the totals: ${JSON.stringify(totals) === JSON.stringify(rows) ? 'yes' : 'NO'}`,
    )
  }
  for (const line of await writeCosts(db, loads)) print(line)
}

async function main() {
  const loads = Number(values.loads)
  if (values.url) {
    const db = postgres(values.url, { max: 20, onnotice: () => {} })
    try {
      const [ids] = await db<
        { edition: string; event: string; organiser: string }[]
      >`select (select id from editions where name = 'Edition 0') as edition, (select id from events where name = 'Event 0') as event,
        (select eo.organiser_id from edition_organisers eo join editions ed on ed.id = eo.edition_id where ed.name = 'Edition 0' limit 1) as organiser`
      await measure(db, ids!, loads)
    } finally {
      await db.end()
    }
    return
  }
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
    const sizes = {
      events: Number(values.events),
      smes: Number(values.smes),
      meetings: Number(values.meetings),
      contracts: Number(values.contracts),
    }
    const t0 = performance.now()
    const ids = await generate(db, sizes, log)
    log(`generated in ${((performance.now() - t0) / 1000).toFixed(1)} s`)
    process.stdout.write(
      `data: ${sizes.events} events, ${sizes.smes} SMEs, ${sizes.meetings} meetings, ${sizes.contracts} contracts\n`,
    )
    await measure(db, ids, loads)
  } finally {
    await db.end()
    await embedded.stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  }
}

await main()
