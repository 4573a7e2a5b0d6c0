import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import type { Sql } from 'postgres'
import { build } from '../../helpers/build.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createKpisService, type KpisService, type ScopeRef } from '../../../server/features/outcomes/kpis.service.js'
import { PARTICIPATION_STATUSES, REQUEST_STATUSES } from '../../../server/features/participation/participation.model.js'
import { CONTRACT_STATUSES } from '../../../server/features/outcomes/outcomes.model.js'
import {
  KPI_TOTALS_ISOLATION,
  KPI_TOTALS_REFUSAL_SQLSTATE,
  KPI_TOTALS_SOURCES,
} from '../../../server/features/outcomes/kpi-totals.contract.js'
import { buildFixture, type Fixture } from './fixture.js'

/**
 * The dashboards of editions, hubs and the authority read running totals kept
 * by triggers; each must equal the same report recomputed from the rows behind
 * it, after any mix of writes, concurrent ones included.
 */

const clock = () => fixedClock('2027-03-01T10:00:00Z')

/** A small deterministic random source, so a failure replays. */
function random(seed: number) {
  let a = seed
  const next = () => {
    a = (a + 0x6d2b79f5) | 0
    let x = Math.imul(a ^ (a >>> 15), 1 | a)
    x = (x + Math.imul(x ^ (x >>> 7), 61 | x)) ^ x
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296
  }
  return {
    int: (n: number) => Math.floor(next() * n),
    pick: <T>(list: readonly T[]): T => list[Math.floor(next() * list.length)]!,
  }
}
type Random = ReturnType<typeof random>

/** Every scope with a totals line: each edition, each hub (one without editions too), everything. */
async function scopes(app: FastifyInstance, f: Fixture): Promise<ScopeRef[]> {
  const editions = await app.sql<{ id: string }[]>`select id from editions order by id`
  return [
    ...editions.map((e) => ({ kind: 'edition' as const, id: e.id })),
    { kind: 'organiser', id: f.hub },
    { kind: 'organiser', id: f.hub2 },
    { kind: 'organiser', id: f.org.S1 },
    { kind: 'all' },
  ]
}

async function assertTotalsEqualRows(t: Test, app: FastifyInstance, kpis: KpisService, f: Fixture, label: string) {
  for (const ref of await scopes(app, f)) {
    const { computedAt: _a, ...fromTotals } = await kpis.report(ref)
    const { computedAt: _b, ...fromRows } = await kpis.report(ref, { source: 'rows' })
    t.same(fromTotals, fromRows, `${label}: ${ref.kind} ${'id' in ref ? ref.id : ''}`)
  }
}

/** One write on the KPI base rows, chosen at random among valid ones. */
async function randomWrite(q: Sql, f: Fixture, r: Random): Promise<void> {
  const smes = [f.org.S1, f.org.S2, f.org.S3, f.org.S4, f.org.S5]
  const buyers = [f.org.B1, f.org.B2, f.org.B3, f.org.B4]
  const events = [f.ev1, f.ev2, f.ev3, f.ev4]
  const editions = [f.e1, f.e2]
  const status = r.pick(PARTICIPATION_STATUSES)
  switch (r.int(16)) {
    case 0:
    case 1: {
      await q`insert into participations (event_id, organisation_id, status) values (${r.pick(events)}, ${r.pick([...smes, ...buyers])}, ${status})
        on conflict (event_id, organisation_id) do update set status = excluded.status`
      return
    }
    case 2: {
      await q`delete from participations where id = (select id from participations order by organisation_id, event_id offset ${r.int(8)} limit 1)`
      return
    }
    case 3: {
      await q`update participations set status = ${status} where event_id = ${r.pick(events)}`
      return
    }
    case 4:
    case 5: {
      const edition = r.pick(editions)
      const contractStatus = r.pick(CONTRACT_STATUSES)
      await q`insert into contracts (edition_id, event_id, sme_id, buyer_id, reported_by_organisation_id, title, kind, signed_on, value_eur, status, confirmed_at)
        values (${edition}, (select id from events where edition_id = ${edition} order by id offset ${r.int(3)} limit 1), ${r.pick(smes)}, ${r.pick(buyers)}, ${r.pick(smes)}, 'Random', 'pilot', '2025-05-01', ${1000 * (1 + r.int(90))}, ${contractStatus},
          ${contractStatus === 'confirmed' || contractStatus === 'verified' ? '2025-05-02T00:00:00Z' : null})`
      return
    }
    case 6: {
      await q`update contracts set status = ${r.pick(['verified', 'rejected'])}, confirmed_at = coalesce(confirmed_at, now()), value_eur = value_eur + ${r.int(5000)} where id = (select id from contracts order by id offset ${r.int(6)} limit 1)`
      return
    }
    case 7: {
      await q`update contracts set edition_id = ${r.pick(editions)}, event_id = null where id = (select id from contracts order by id offset ${r.int(6)} limit 1)`
      return
    }
    case 8: {
      await q`delete from contracts where id = (select id from contracts order by id offset ${r.int(6)} limit 1)`
      return
    }
    case 9: {
      const turnover = 100_000 * (1 + r.int(20))
      await q`insert into performance_reports (sme_id, year, turnover_eur, export_eur, source) values (${r.pick(smes)}, ${2023 + r.int(6)}, ${turnover}, ${r.int(turnover)}, 'self_declared')
        on conflict (sme_id, year) do update set turnover_eur = excluded.turnover_eur, export_eur = excluded.export_eur`
      return
    }
    case 10: {
      await q`delete from performance_reports where id = (select id from performance_reports order by id offset ${r.int(4)} limit 1)`
      return
    }
    case 11: {
      await q`update editions set period_start = make_date(${2024 + r.int(3)}, 1, 1), period_end = make_date(2026, 12, 31), home_nuts2 = ${r.pick(['ITC1', 'DE21', 'ES61'])} where id = ${r.pick(editions)}`
      return
    }
    case 12: {
      await q`update organisations set nuts2 = ${r.pick(['ITC1', 'DE21', 'FR10', null])} where id = ${r.pick(buyers)}`
      return
    }
    case 13: {
      await q`update events set edition_id = ${r.pick(editions)} where id = ${r.pick([f.ev2, f.ev3])}`
      return
    }
    case 14: {
      await q`insert into edition_organisers (edition_id, organiser_id) values (${f.e1}, ${f.hub2}) on conflict do nothing`
      return
    }
    default: {
      await q`delete from edition_organisers where edition_id = ${f.e1} and organiser_id = ${f.hub2}`
    }
  }
}

t.test(
  'after the fixture, every edition’s, hub’s and the authority’s totals equal the figures recomputed from the rows',
  async (t) => {
    const app = await build(t, { clock: clock(), outbox: { start: false } })
    const f = await buildFixture(app)
    const kpis = createKpisService({ db: app.db, clock: clock() })
    await assertTotalsEqualRows(t, app, kpis, f, 'fixture')
    const all = await kpis.report({ kind: 'all' })
    t.same(
      [all.smes.figure, all.eligibleSmes, all.funnel.accepted, all.funnel.scheduled, all.funnel.followedUp],
      [4, 3, 1, 1, 1],
      'the totals hold the fixture, not zeros',
    )
  },
)

t.test(
  'the totals follow any mix of inserts, updates and deletes of participations, contracts, reports, editions, hubs, events and organisations',
  async (t) => {
    const app = await build(t, { clock: clock(), outbox: { start: false } })
    const f = await buildFixture(app)
    const kpis = createKpisService({ db: app.db, clock: clock() })
    const r = random(20260301)
    for (let round = 1; round <= 8; round++) {
      for (let i = 0; i < 12; i++) await randomWrite(app.sql, f, r)
      await assertTotalsEqualRows(t, app, kpis, f, `round ${round}`)
    }
  },
)

t.test('meeting requests and meetings changing status or going away move the funnel of the totals', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const kpis = createKpisService({ db: app.db, clock: clock() })
  const funnel = async () => (await kpis.report({ kind: 'edition', id: f.e1 })).funnel
  t.same(await funnel(), { accepted: 1, scheduled: 1, followedUp: 1, reported: 3, verified: 2 })
  await app.sql`update meetings set status = 'cancelled'`
  t.same([(await funnel()).scheduled], [0])
  for (const status of REQUEST_STATUSES) {
    await app.sql`update meeting_requests set status = ${status} where id = ${f.request}`
    t.equal((await funnel()).accepted, status === 'accepted' ? 1 : 0, `request ${status}`)
  }
  await app.sql`update meeting_requests set status = 'accepted' where id = ${f.request}`
  await app.sql`delete from events where id = ${f.ev1}`
  await assertTotalsEqualRows(t, app, kpis, f, 'after deleting an event')
  t.same(
    await funnel(),
    { accepted: 0, scheduled: 0, followedUp: 0, reported: 3, verified: 2 },
    'its requests, meetings and participations go; C1 and C3 stay in the edition, now without an event',
  )
  await app.sql`delete from editions where id = ${f.e2}`
  await assertTotalsEqualRows(t, app, kpis, f, 'after deleting an edition')
  t.same(
    [
      (await kpis.report({ kind: 'all' })).contracts.figure,
      (await kpis.report({ kind: 'organiser', id: f.hub2 })).smes.figure,
    ],
    [2, 0],
    'C5 and S5 went with E2',
  )
})

t.test('a transaction with an older snapshot may not write what the totals follow', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const write = app.sql.begin(
    'isolation level repeatable read',
    (tx) =>
      tx`update participations set status = 'attended' where event_id = ${f.ev1} and organisation_id = ${f.org.S2}`,
  )
  await t.rejects(write, { code: KPI_TOTALS_REFUSAL_SQLSTATE, message: /READ COMMITTED/ })
  const [row] = await app.sql<
    { status: string }[]
  >`select status from participations where event_id = ${f.ev1} and organisation_id = ${f.org.S2}`
  t.equal(row!.status, 'selected', 'the write was undone')
  // And the code cannot ask for it: the type check of the tests fails if this line compiles.
  // @ts-expect-error the totals' triggers refuse any isolation level but READ COMMITTED
  const _refusedByTheTypes = () => app.db.transaction(async () => {}, { isolationLevel: 'repeatable read' })
})

t.test('the triggers keep the totals on exactly the tables the TypeScript contract names', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const rows = await app.sql<{ table: string }[]>`
    select distinct c.relname as table from pg_trigger g join pg_class c on c.oid = g.tgrelid
    join pg_proc p on p.oid = g.tgfoid
    where not g.tgisinternal and starts_with(p.proname, 'kpi_') order by 1`
  t.same(
    rows.map((row) => row.table),
    [...KPI_TOTALS_SOURCES],
  )
  const [setting] = await app.sql<{ level: string }[]>`select current_setting('default_transaction_isolation') as level`
  t.equal(setting!.level, KPI_TOTALS_ISOLATION, 'transactions start READ COMMITTED unless told otherwise')
})

t.test('concurrent transactions, some rolled back, leave the totals equal to the rows', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const kpis = createKpisService({ db: app.db, clock: clock() })
  const r = random(7)
  let committed = 0
  for (let round = 1; round <= 4; round++) {
    const outcomes = await Promise.allSettled(
      Array.from({ length: 8 }, (_, i) =>
        app.sql.begin(async (tx) => {
          const q = tx as unknown as Sql
          for (let w = 0; w < 4; w++) {
            await randomWrite(q, f, r)
            await q`select pg_sleep(${r.int(20) / 1000})`
          }
          if (i % 3 === 2) throw new Error('rolled back on purpose')
        }),
      ),
    )
    committed += outcomes.filter((o) => o.status === 'fulfilled').length
    const unexpected = outcomes.filter(
      (o) =>
        o.status === 'rejected' &&
        !/rolled back on purpose|deadlock detected/.test(String((o.reason as Error).message)),
    )
    t.same(
      unexpected.map((o) => String((o as PromiseRejectedResult).reason)),
      [],
      `round ${round}: no failure but the planned rollbacks (and deadlocks PostgreSQL resolves)`,
    )
    await assertTotalsEqualRows(t, app, kpis, f, `concurrent round ${round}`)
  }
  t.ok(
    committed >= 4,
    `enough transactions committed to test the totals (${committed} of 32; the others rolled back on purpose or lost a deadlock)`,
  )
})
