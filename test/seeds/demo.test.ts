import t, { type Test } from 'tap'
import type { FastifyInstance } from 'fastify'
import { fixedClock } from '../../server/infra/clock.js'
import { cpvByCode, isNuts2, s3ByCode } from '../../seeds/taxonomies/index.js'
import { demoDataSets, loadDemoData } from '../../seeds/index.js'
import { DEMO_PASSWORD, demoSignIns } from '../../seeds/demo/accounts.js'
import { planNetwork } from '../../seeds/demo/network.js'
import { eventDays } from '../../seeds/demo/story.js'
import { build } from '../helpers/build.js'
import { signIn } from '../helpers/accounts.js'

/** The day the demo is loaded in these tests: the events fall three weeks before and four weeks after. */
const LOAD_AT = '2026-11-24T08:00:00Z'
// Two full loads (about fifteen seconds each on an idle machine) and one matching run.
t.setTimeout(600_000)

const quiet = { info: () => {} }

/** Row counts and the natural keys of every seeded row (ids are random, names and times are not). */
async function snapshot(app: FastifyInstance) {
  const [row] = await app.sql<{ snapshot: Record<string, unknown> }[]>`
    select jsonb_build_object(
      'organisations', (select jsonb_agg(o.legal_name || '|' || o.kind || '|' || coalesce(o.nuts2, '') order by o.legal_name) from organisations o),
      'users', (select jsonb_agg(u.email order by u.email) from users u),
      'offers', (select md5(string_agg(k, ',' order by k)) || count(*) from (select g.legal_name || o.title || o.cpv_main || o.language || o.status || o.trl as k from offers o join organisations g on g.id = o.organisation_id) x),
      'needs', (select md5(string_agg(k, ',' order by k)) || count(*) from (select g.legal_name || n.title || n.visibility || cardinality(n.visible_to) || n.created_at as k from needs n join organisations g on g.id = n.organisation_id) x),
      'participations', (select jsonb_agg(e.name || '|' || o.legal_name || '|' || p.status order by e.name, o.legal_name) from participations p join events e on e.id = p.event_id join organisations o on o.id = p.organisation_id),
      'requests', (select jsonb_agg(f.legal_name || '>' || d.legal_name || '|' || r.status || '|' || r.created_at order by r.created_at, f.legal_name, d.legal_name) from meeting_requests r join organisations f on f.id = r.from_organisation_id join organisations d on d.id = r.to_organisation_id),
      'meetings', (select jsonb_agg(e.name || '|' || s.legal_name || '|' || b.legal_name || '|' || m.slot || '|' || m.table_index || '|' || m.status || '|' || coalesce(m.outcome::text, '') order by e.name, m.slot, m.table_index) from meetings m join events e on e.id = m.event_id join organisations s on s.id = m.sme_id join organisations b on b.id = m.buyer_id),
      'checkIns', (select jsonb_agg(o.legal_name || '|' || c.method || '|' || c.absent order by o.legal_name) from check_ins c join organisations o on o.id = c.organisation_id),
      'feedback', (select jsonb_agg(o.legal_name || '|' || coalesce(f.interest::text, '') order by f.updated_at, o.legal_name) from meeting_feedback f join organisations o on o.id = f.organisation_id),
      'contracts', (select jsonb_agg(c.title || '|' || c.status || '|' || c.value_eur || '|' || c.signed_on order by c.title) from contracts c),
      'reports', (select jsonb_agg(o.legal_name || '|' || r.year || '|' || r.turnover_eur || '|' || r.export_eur order by o.legal_name, r.year) from performance_reports r join organisations o on o.id = r.sme_id),
      'vouchers', (select jsonb_agg(o.legal_name || '|' || v.amount_eur || '|' || v.status order by v.claimed_at) from voucher_claims v join organisations o on o.id = v.sme_id),
      'audit', (select count(*) from audit_events),
      'seedRuns', (select jsonb_agg(name || '@' || version order by name) from seed_runs)
    ) as snapshot`
  return row!.snapshot
}

async function loaded(t: Test) {
  const clock = fixedClock(LOAD_AT)
  const app = await build(t, { clock, outbox: { start: false } })
  t.same(await loadDemoData(app.db, quiet, demoDataSets, clock), [
    'demo-accounts',
    'demo-catalogue',
    'demo-network',
    'demo-edition',
  ])
  return app
}

t.test('the generated catalogue speaks the taxonomies: every CPV code, S3 domain and region exists', async (t) => {
  const plan = planNetwork(new Date(LOAD_AT))
  t.equal(plan.organisations.filter((o) => o.kind === 'sme').length + 2, 200, '200 SMEs with the two demo ones')
  t.equal(plan.organisations.filter((o) => o.kind === 'buyer').length + 1, 40, '40 buyers with the demo one')
  t.equal(
    plan.organisations.filter((o) => o.kind === 'buyer' && o.nuts2 !== 'ITC1').length + 1,
    34,
    'most buyers are outside Piemonte',
  )
  t.same(
    plan.offers.flatMap((o) => [o.cpvMain, ...(o.cpvExtra ?? [])]).filter((code) => !cpvByCode(code)),
    [],
  )
  t.same(
    plan.needs.flatMap((n) => n.cpvCodes).filter((code) => !cpvByCode(code)),
    [],
  )
  t.same(
    plan.offers.filter((o) => !s3ByCode(o.s3Domain!)).map((o) => o.title),
    [],
  )
  t.same(
    plan.organisations.filter((o) => !isNuts2(o.nuts2!)).map((o) => o.legalName),
    [],
  )
  t.same(new Set(plan.offers.map((o) => o.language)), new Set(['it', 'en']), 'offers in Italian and English')
  t.same(planNetwork(new Date(LOAD_AT)), plan, 'the same day gives the same rows')
})

t.test('the events fall a few weeks around the load day, midweek, in Rome', async (t) => {
  t.same(eventDays(new Date(LOAD_AT)), { today: '2026-11-24', past: '2026-11-03', upcoming: '2026-12-22' })
  t.same(eventDays(new Date('2026-03-01T23:30:00Z')), {
    today: '2026-03-02',
    past: '2026-02-05',
    upcoming: '2026-03-31',
  })
})

t.test(
  'the demo loads on an empty database, a second load changes nothing, and another database gets the same rows',
  async (t) => {
    const first = await loaded(t)
    const before = await snapshot(first)
    t.same(await loadDemoData(first.db, quiet, demoDataSets, fixedClock(LOAD_AT)), [], 'nothing is loaded twice')
    t.same(await snapshot(first), before, 'the second start changed nothing')
    const second = await loaded(t)
    t.same(await snapshot(second), before, 'the same load day gives the same rows')
    t.same(
      (await second.sql<{ stopped: string }[]>`select stats->>'stoppedBy' as stopped from schedules`).map(
        (r) => r.stopped,
      ),
      ['bound', 'bound'],
      'the scheduler stopped at its lower bound, not its clock',
    )
    // Mail queued later by the running server (yearly follow-up requests) is its own; none may come from the load.
    const [mail] = await first.sql<
      { n: number }[]
    >`select count(*)::int as n from outbox where topic = 'mail' and created_at <= (select max(loaded_at) from seed_runs)`
    t.equal(mail!.n, 0, 'no mail is sent for the seeded history')
    const [backwards] = await first.sql<{ n: number }[]>`
      select count(*)::int as n from affiliations where decided_at < registered_at or registered_at > ${LOAD_AT}::timestamptz`
    t.equal(backwards!.n, 0, 'every registration was made before the hub decided it, and before the load day')

    const [hub] = await first.sql<
      { id: string }[]
    >`select id from organisations where legal_name = 'Polo di Innovazione Piemonte Manifattura'`
    const organiser = await signIn(first, 'organiser@demo.meet-the-buyer.eu', DEMO_PASSWORD)
    const editions = (await organiser.inject({ method: 'GET', url: `/api/organisers/${hub!.id}/editions` })).json() as {
      id: string
    }[]
    t.equal(editions.length, 1, 'the organiser runs one edition')
    const events = (
      await organiser.inject({ method: 'GET', url: `/api/editions/${editions[0]!.id}/events` })
    ).json() as { id: string; days: { date: string }[] }[]
    t.same(events.map((e) => e.days[0]!.date).sort(), ['2026-11-03', '2026-12-22'])
    const [past, upcoming] = [...events].sort((a, b) => a.days[0]!.date.localeCompare(b.days[0]!.date))

    const kpis = (await organiser.inject({ method: 'GET', url: `/api/editions/${editions[0]!.id}/kpis` })).json()
    const [facts] = await first.sql<{ verified: number; smes: number; outside: number }[]>`
    select (select count(*)::int from contracts where status = 'verified') as verified,
      (select count(distinct p.organisation_id)::int from participations p join organisations o on o.id = p.organisation_id where o.kind = 'sme' and p.status in ('selected', 'prepared', 'attended', 'followed_up')) as smes,
      (select count(distinct p.organisation_id)::int from participations p join organisations o on o.id = p.organisation_id where o.kind = 'buyer' and o.nuts2 <> 'ITC1' and p.status in ('selected', 'prepared', 'attended', 'followed_up')) as outside`
    t.match(
      kpis,
      {
        events: { figure: 2, target: 4 },
        smes: { figure: facts!.smes, target: 180 },
        buyersOutsideInvolved: { figure: facts!.outside },
        contracts: { figure: facts!.verified, target: 25 },
      },
      'the KPI dashboard counts the seeded rows',
    )
    t.ok(
      facts!.verified > 0 && kpis.turnover.covered > 0 && kpis.exports.covered > 0 && kpis.funnel.scheduled > 0,
      'every KPI has figures',
    )
    const authority = await signIn(first, 'authority@demo.meet-the-buyer.eu', DEMO_PASSWORD)
    t.match(
      (await authority.inject({ method: 'GET', url: '/api/kpis' })).json(),
      { events: { figure: 2 }, contracts: { figure: facts!.verified } },
      'the authority sees the KPIs',
    )

    const runs = (await organiser.inject({ method: 'GET', url: `/api/events/${upcoming!.id}/schedules` })).json() as {
      id: string
      status: string
    }[]
    t.same(
      runs.map((r) => r.status),
      ['published'],
    )
    const schedule = (
      await organiser.inject({ method: 'GET', url: `/api/events/${upcoming!.id}/schedules/${runs[0]!.id}` })
    ).json() as { assignments: unknown[]; unscheduled: unknown[] }
    const [accepted] = await first.sql<
      { n: number }[]
    >`select count(*)::int as n from meeting_requests where event_id = ${upcoming!.id} and status = 'accepted'`
    t.equal(
      schedule.assignments.length + schedule.unscheduled.length,
      accepted!.n,
      'the published schedule places the accepted requests',
    )
    t.ok(schedule.assignments.length > 0)

    for (const [email, event, counterpart] of [
      ['sme@demo.meet-the-buyer.eu', past!, 'Nordbahn Fahrzeugtechnik GmbH'],
      ['sme@demo.meet-the-buyer.eu', upcoming!, 'Nordbahn Fahrzeugtechnik GmbH'],
      ['buyer@demo.meet-the-buyer.eu', upcoming!, 'Meccatronica Alpina S.r.l.'],
    ] as const) {
      const agent = await signIn(first, email, DEMO_PASSWORD)
      const me = (await agent.inject({ method: 'GET', url: '/api/auth/session' })).json() as {
        memberships: { organisation: { id: string } }[]
      }
      const agenda = (
        await agent.inject({
          method: 'GET',
          url: `/api/events/${event.id}/agenda/${me.memberships[0]!.organisation.id}`,
        })
      ).json() as { published: boolean; items: { counterpartName: string }[] }
      t.ok(
        agenda.published && agenda.items.length >= 2,
        `${email} has an agenda in the event of ${event.days[0]!.date}`,
      )
      t.ok(
        agenda.items.some((item) => item.counterpartName === counterpart),
        `${email} meets ${counterpart}`,
      )
    }
    const sme = await signIn(first, 'sme@demo.meet-the-buyer.eu', DEMO_PASSWORD)
    const [smeOrg] = await first.sql<
      { id: string }[]
    >`select id from organisations where legal_name = 'Meccatronica Alpina S.r.l.'`
    const contracts = (
      await sme.inject({ method: 'GET', url: `/api/organisations/${smeOrg!.id}/contracts` })
    ).json() as { status: string; buyerName: string }[]
    t.ok(
      contracts.some((c) => c.status === 'verified' && c.buyerName === 'Nordbahn Fahrzeugtechnik GmbH'),
      'the demo SME has a verified contract with the demo buyer',
    )
    t.ok(
      contracts.some((c) => c.status === 'reported'),
      'and one waiting for its confirmation',
    )
    const performance = (
      await sme.inject({ method: 'GET', url: `/api/organisations/${smeOrg!.id}/performance` })
    ).json() as { reports: unknown[] }
    t.equal(performance.reports.length, 2, 'the demo SME reported its baseline and follow-up years')

    await first.outbox.drain()
    const recommended = (
      await sme.inject({ method: 'GET', url: `/api/events/${upcoming!.id}/recommendations/${smeOrg!.id}` })
    ).json() as unknown[]
    t.ok(recommended.length > 0, 'recommendations are computed once the outbox has run')
    t.equal(demoSignIns.length, 5)
  },
)
