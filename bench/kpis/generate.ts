import type { Sql } from 'postgres'

/**
 * Generated data in SQL (generate_series), deterministic: 5 hubs running 4
 * editions each, events spread over the editions, SMEs in two events each,
 * buyers (half from outside the region) in ten, accepted requests each with a
 * published meeting, contracts of every status, two performance reports per SME.
 */
export async function generate(
  sql: Sql,
  n: { events: number; smes: number; meetings: number; contracts: number },
  log: (m: string) => void,
) {
  const buyers = Math.max(10, Math.round(n.smes / 25))
  const step = async (label: string, query: string) => {
    const t0 = performance.now()
    await sql.unsafe(query)
    log(`  ${label} (${((performance.now() - t0) / 1000).toFixed(1)} s)`)
  }
  await step(
    'organisations',
    `
    create temp table ord_org as select g as n, gen_random_uuid() as id, case when g <= 5 then 'organiser' when g <= 5 + ${n.smes} then 'sme' else 'buyer' end as kind
      from generate_series(1, 5 + ${n.smes} + ${buyers}) g;
    insert into organisations (id, kind, legal_name, country, nuts2)
      select id, kind::organisation_kind, kind || ' ' || n, case when kind = 'buyer' and n % 2 = 0 then 'DE' else 'IT' end, case when kind = 'buyer' and n % 2 = 0 then 'DE21' else 'ITC1' end from ord_org;
    create temp table ord_sme as select row_number() over (order by n) - 1 as k, id from ord_org where kind = 'sme';
    create temp table ord_buyer as select row_number() over (order by n) - 1 as k, id from ord_org where kind = 'buyer';
    create temp table ord_hub as select row_number() over (order by n) - 1 as k, id from ord_org where kind = 'organiser';`,
  )
  await step(
    'editions and events',
    `
    create temp table ord_edition as select g - 1 as k, gen_random_uuid() as id from generate_series(1, 20) g;
    insert into editions (id, name, period_start, period_end, home_nuts2, kpi_targets)
      select id, 'Edition ' || k, make_date(2020 + k / 4, 1, 1), make_date(2020 + k / 4, 12, 31), 'ITC1', '{"events":50,"smesInvolved":2500,"buyersOutsideTargeted":100,"buyersOutsideInvolved":50,"contracts":5000,"turnoverChangePct":5,"exportChangePct":5}' from ord_edition;
    insert into edition_organisers (edition_id, organiser_id) select e.id, h.id from ord_edition e join ord_hub h on h.k = e.k % 5;
    create temp table ord_event as select g - 1 as k, gen_random_uuid() as id from generate_series(1, ${n.events}) g;
    insert into events (id, edition_id, name, kind, format, time_zone, days, slot_minutes, gap_minutes, max_meetings_per_participant)
      select v.id, e.id, 'Event ' || v.k, (case when v.k % 10 = 9 then 'external' else 'own' end)::event_kind, 'venue', 'Europe/Rome', '[{"date":"2024-03-10","sessions":[{"name":"m","start":"09:00","end":"17:00"}]}]', 20, 0, 20
      from ord_event v join ord_edition e on e.k = v.k % 20;`,
  )
  await step(
    'participations',
    `
    insert into participations (event_id, organisation_id, status)
      select v.id, s.id, (array['selected','attended','followed_up','targeted','invited'])[1 + (s.k + r) % 5]::participation_status
      from ord_sme s cross join generate_series(0, 1) r join ord_event v on v.k = (s.k * 7 + r * 13) % ${n.events};
    insert into participations (event_id, organisation_id, status)
      select v.id, b.id, (array['selected','targeted','attended','invited'])[1 + (b.k + r) % 4]::participation_status
      from ord_buyer b cross join generate_series(0, 9) r join ord_event v on v.k = (b.k * 11 + r * 97) % ${n.events};`,
  )
  await step(
    'meeting requests and meetings',
    `
    create temp table gen_req as select g as i, gen_random_uuid() as id, g % ${n.events} as ev, (((g % ${n.events}) * 50 + g / ${n.events}) % ${n.smes}) as sk, ((g / ${n.events}) % ${buyers}) as bk from generate_series(0, ${n.meetings - 1}) g;
    insert into meeting_requests (id, event_id, from_organisation_id, to_organisation_id, origin, priority, status, decided_at)
      select r.id, v.id, s.id, b.id, 'sme', 'meet', 'accepted', now() - ((r.i % 300) || ' days')::interval from gen_req r join ord_event v on v.k = r.ev join ord_sme s on s.k = r.sk join ord_buyer b on b.k = r.bk;
    insert into meetings (event_id, request_id, sme_id, buyer_id, slot, table_index)
      select v.id, r.id, s.id, b.id, r.i % 24, r.i % 40 from gen_req r join ord_event v on v.k = r.ev join ord_sme s on s.k = r.sk join ord_buyer b on b.k = r.bk;`,
  )
  await step(
    'contracts',
    `
    insert into contracts (edition_id, event_id, request_id, sme_id, buyer_id, reported_by_organisation_id, title, kind, signed_on, value_eur, status, confirmed_at)
      select ev.edition_id, ev.id, r.id, s.id, b.id, s.id, 'Contract ' || r.i, 'purchase_order', date '2024-06-01' + (r.i % 365), 1000 + (r.i * 37) % 500000,
        (array['verified','verified','verified','reported','confirmed','rejected'])[1 + r.i % 6]::contract_status, case when r.i % 6 in (0, 1, 2, 4) then now() end
      from gen_req r join events ev on ev.id = (select id from ord_event where k = r.ev) join ord_sme s on s.k = r.sk join ord_buyer b on b.k = r.bk
      where r.i % ${Math.max(1, Math.floor(n.meetings / n.contracts))} = 0 limit ${n.contracts};`,
  )
  await step(
    'performance reports',
    `
    insert into performance_reports (sme_id, year, turnover_eur, export_eur, source)
      select s.id, y, 100000 + (s.k * 7919) % 900000 + (y - 2019) * 1000 * (s.k % 7), ((100000 + (s.k * 7919) % 900000) / 4), 'self_declared'
      from ord_sme s cross join generate_series(2019, 2024) y where (s.k + y) % 3 <> 0;`,
  )
  // vacuum as autovacuum would on a live database: index-only scans need the visibility map
  await step('vacuum and analyse', 'vacuum analyze')
  const [ids] = await sql<
    { edition: string; event: string; organiser: string }[]
  >`select (select id from ord_edition where k = 0) as edition, (select id from ord_event where k = 0) as event, (select id from ord_hub where k = 0) as organiser`
  return ids!
}
