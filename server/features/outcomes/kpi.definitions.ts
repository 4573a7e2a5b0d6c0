import { sql, type SQL } from 'drizzle-orm'

/**
 * The KPIs of section 4.2 of the brief, each defined once as the SQL query of
 * the rows behind it. A figure is always an aggregate over exactly those rows,
 * so the drill-down and the exports re-add to the dashboard by construction.
 *
 * Words used below:
 * - scope: a set of editions (or all), optionally one event of them;
 * - involved: a participation at `selected` or a later step (taken into the
 *   programme by the hub); `targeted`, `invited`, `applied`, `rejected` are not;
 * - outside the region: a buyer whose headquarters' NUTS-2 is known and differs
 *   from the home region of the edition it takes part in.
 *
 * The dashboards of editions, hubs and the authority read the same figures from
 * running totals (`kpi-totals.ts`); the words below are shared by both, and the
 * totals' triggers (migration 0013) follow the same rules.
 */

export interface KpiScope {
  /** Editions in scope; 'all' for the authority. */
  editionIds: string[] | 'all'
  eventId?: string
}

export const INVOLVED = sql.raw(`('selected', 'prepared', 'attended', 'followed_up')`)
/** KPI i counts the hub's own events (`ev`); external ones are only tracked. */
export const OWN_EVENT = sql.raw(`ev.kind = 'own'`)
/** KPI iv counts contracts verified by the organiser; reported or confirmed ones are shown apart; the funnel's "reported" is every one not rejected. */
export const CONTRACTS_SIGNED = sql.raw(`('verified')`)
export const CONTRACTS_UNVERIFIED = sql.raw(`('reported', 'confirmed')`)
export const CONTRACTS_REPORTED = sql.raw(`('reported', 'confirmed', 'verified')`)
/** The funnel's first steps: meeting requests accepted, meetings published. */
export const FUNNEL_ACCEPTED = sql.raw(`'accepted'`)
export const FUNNEL_SCHEDULED = sql.raw(`'scheduled'`)

export const TABLE_KEYS = [
  'events',
  'smes',
  'buyersOutsideTargeted',
  'buyersOutsideInvolved',
  'contracts',
  'contractsUnverified',
  'turnover',
  'exports',
  'eligibility',
  'pipeline',
] as const
export type TableKey = (typeof TABLE_KEYS)[number]

const uuidList = (ids: string[]) => sql`string_to_array(${ids.join(',')}, ',')::uuid[]`

const orderBy = (ordered: boolean, by: SQL): SQL => (ordered ? sql`order by ${by}` : sql``)

/** `ed` is an edition in scope. */
export function editionFilter(scope: KpiScope): SQL {
  return scope.editionIds === 'all'
    ? sql`true`
    : scope.editionIds.length === 0
      ? sql`false`
      : sql`ed.id = any(${uuidList(scope.editionIds)})`
}

/** `ev` is an event in scope (its edition `ed` in scope too). */
function eventFilter(scope: KpiScope): SQL {
  return scope.eventId ? sql`${editionFilter(scope)} and ev.id = ${scope.eventId}::uuid` : editionFilter(scope)
}

/** Participations of one kind of organisation in scope: aliases p, ev, ed, o. */
function participationsIn(scope: KpiScope, kind: 'sme' | 'buyer'): SQL {
  return sql`participations p
    join events ev on ev.id = p.event_id
    join editions ed on ed.id = ev.edition_id
    join organisations o on o.id = p.organisation_id and o.kind = ${kind}
    where ${eventFilter(scope)}`
}

/** KPI i — events organised: the hub's own events (external ones are only tracked). */
function eventsRows(scope: KpiScope, ordered: boolean): SQL {
  return sql`select ev.id as "eventId", ev.name as "event", ed.name as "edition", ev.format as "format", ev.days->0->>'date' as "firstDay", 1 as "count"
    from events ev join editions ed on ed.id = ev.edition_id
    where ${OWN_EVENT} and ${eventFilter(scope)}
    ${orderBy(ordered, sql`ev.days->0->>'date', ev.name`)}`
}

/** KPI ii — SMEs involved: distinct SMEs with an involved participation in an event in scope. */
function smesRows(scope: KpiScope, ordered: boolean): SQL {
  return sql`select o.id as "organisationId", o.legal_name as "legalName", o.nuts2 as "nuts2", count(distinct ev.id)::int as "events", string_agg(distinct ev.name, '; ') as "eventNames", 1 as "count"
    from ${participationsIn(scope, 'sme')} and p.status in ${INVOLVED}
    group by o.id ${orderBy(ordered, sql`o.legal_name`)}`
}

/** KPI iii — buyers outside the region, targeted (any step) or involved; public buyers (from TED) marked apart. */
function buyersOutsideRows(scope: KpiScope, involvedOnly: boolean, ordered: boolean): SQL {
  return sql`select o.id as "organisationId", o.legal_name as "legalName", o.country as "country", o.nuts2 as "nuts2", o.public_buyer as "publicBuyer", count(distinct ev.id)::int as "events", string_agg(distinct ev.name, '; ') as "eventNames", 1 as "count"
    from ${participationsIn(scope, 'buyer')} and o.nuts2 is not null and o.nuts2 <> ed.home_nuts2 ${involvedOnly ? sql`and p.status in ${INVOLVED}` : sql``}
    group by o.id ${orderBy(ordered, sql`o.legal_name`)}`
}

/** Contracts in scope: of its editions, and of the event when the scope is one event. */
function contractFilter(scope: KpiScope): SQL {
  return scope.eventId ? sql`${editionFilter(scope)} and c.event_id = ${scope.eventId}::uuid` : editionFilter(scope)
}

/** KPI iv — supply contracts signed: verified by the organiser. `unverified`: reported or confirmed, shown apart.
 * Both sides are NOT NULL foreign keys, so the left joins to `organisations`
 * give the same rows as inner ones; the planner drops them when a figure only
 * counts and sums.
 */
function contractsRows(scope: KpiScope, verified: boolean, ordered: boolean): SQL {
  return sql`select c.id as "contractId", c.signed_on::text as "signedOn", c.title as "title", c.kind as "kind", c.value_eur::float8 as "valueEur", c.status as "status",
      s.legal_name as "sme", b.legal_name as "buyer", ev.name as "event", ed.name as "edition", d.sha256 as "evidenceSha256", 1 as "count"
    from contracts c
    join editions ed on ed.id = c.edition_id
    left join organisations s on s.id = c.sme_id
    left join organisations b on b.id = c.buyer_id
    left join events ev on ev.id = c.event_id
    left join documents d on d.id = c.evidence_id
    where ${contractFilter(scope)} and c.status in ${verified ? CONTRACTS_SIGNED : CONTRACTS_UNVERIFIED}
    ${orderBy(ordered, sql`c.signed_on, c.id`)}`
}

/**
 * KPI v — change in turnover (or export volume) of involved SMEs. Baseline: the
 * year before the first edition in scope the SME was involved in. Follow-up: the
 * latest report of the three years after. Included only with both reports and a
 * baseline above zero; the others are listed with `included` false (coverage).
 */
function performanceRows(scope: KpiScope, measure: 'turnover' | 'export', ordered: boolean): SQL {
  const column = sql.raw(measure === 'turnover' ? 'turnover_eur' : 'export_eur')
  return sql`with involved as (
      select o.id as sme_id, o.legal_name, (min(extract(year from ed.period_start::date)) - 1)::int as baseline_year
      from ${participationsIn(scope, 'sme')} and p.status in ${INVOLVED}
      group by o.id
    )
    select i.sme_id as "organisationId", i.legal_name as "legalName", i.baseline_year as "baselineYear",
      b.${column}::float8 as "baselineEur", b.source as "baselineSource", f.year as "followUpYear", f.${column}::float8 as "followUpEur", f.source as "followUpSource",
      case when b.${column} > 0 and f.year is not null then round(((f.${column} - b.${column}) * 100.0 / b.${column})::numeric, 2)::float8 end as "changePct",
      (b.${column} > 0 and f.year is not null) is true as "included"
    from involved i
    left join performance_reports b on b.sme_id = i.sme_id and b.year = i.baseline_year
    left join lateral (select r.year, r.${column}, r.source from performance_reports r
      where r.sme_id = i.sme_id and r.year between i.baseline_year + 1 and i.baseline_year + 3 order by r.year desc limit 1) f on true
    ${orderBy(ordered, sql`i.legal_name`)}`
}

/** Finance eligibility: SMEs with at least one verified contract, with the evidence behind the flag. */
function eligibilityRows(scope: KpiScope, ordered: boolean): SQL {
  return sql`select s.id as "organisationId", s.legal_name as "legalName", s.vat_id as "vatId", count(*)::int as "verifiedContracts", sum(c.value_eur)::float8 as "valueEur",
      string_agg(c.id::text, '; ' order by c.signed_on) as "contractIds", string_agg(coalesce(d.sha256, ''), '; ' order by c.signed_on) as "evidenceSha256", 1 as "count"
    from contracts c join editions ed on ed.id = c.edition_id join organisations s on s.id = c.sme_id left join documents d on d.id = c.evidence_id
    where ${contractFilter(scope)} and c.status in ${CONTRACTS_SIGNED}
    group by s.id ${orderBy(ordered, sql`s.legal_name`)}`
}

/**
 * Follow-up pipeline: accepted meetings with no contract yet between the pair in
 * the edition, oldest first. The stage is the furthest known step; event-day
 * feedback ("follow-up planned") becomes one more stage here when it exists.
 */
function pipelineRows(scope: KpiScope, now: Date, ordered: boolean): SQL {
  return sql`select r.id as "requestId", ev.name as "event", s.legal_name as "sme", b.legal_name as "buyer",
      case when ps.status = 'followed_up' then 'followed_up' when m.status = 'scheduled' then 'scheduled' else 'accepted' end as "stage",
      r.decided_at as "since", greatest(0, floor(extract(epoch from (${now.toISOString()}::timestamptz - coalesce(r.decided_at, r.created_at))) / 86400))::int as "ageDays", 1 as "count"
    from meeting_requests r
    join events ev on ev.id = r.event_id join editions ed on ed.id = ev.edition_id
    join organisations f on f.id = r.from_organisation_id join organisations t on t.id = r.to_organisation_id
    join organisations s on s.id = case when f.kind = 'sme' then f.id else t.id end
    join organisations b on b.id = case when f.kind = 'sme' then t.id else f.id end
    left join meetings m on m.request_id = r.id
    left join participations ps on ps.event_id = r.event_id and ps.organisation_id = s.id
    where r.status = 'accepted' and ${eventFilter(scope)} and (m.id is null or m.status = 'scheduled')
      and not exists (select 1 from contracts c where c.edition_id = ed.id and c.sme_id = s.id and c.buyer_id = b.id and c.status <> 'rejected')
    ${orderBy(ordered, sql`coalesce(r.decided_at, r.created_at), r.id`)}`
}

/**
 * The rows behind a figure. `ordered` false leaves out only the ORDER BY (the
 * same rows, unsorted): figures aggregate them and need no order.
 */
export function rowsQuery(key: TableKey, scope: KpiScope, now: Date, ordered = true): SQL {
  switch (key) {
    case 'events':
      return eventsRows(scope, ordered)
    case 'smes':
      return smesRows(scope, ordered)
    case 'buyersOutsideTargeted':
      return buyersOutsideRows(scope, false, ordered)
    case 'buyersOutsideInvolved':
      return buyersOutsideRows(scope, true, ordered)
    case 'contracts':
      return contractsRows(scope, true, ordered)
    case 'contractsUnverified':
      return contractsRows(scope, false, ordered)
    case 'turnover':
      return performanceRows(scope, 'turnover', ordered)
    case 'exports':
      return performanceRows(scope, 'export', ordered)
    case 'eligibility':
      return eligibilityRows(scope, ordered)
    case 'pipeline':
      return pipelineRows(scope, now, ordered)
  }
}

/** A count figure: the number of rows behind it (and their value, for contracts). */
export function countFigure(rows: SQL, withValue = false): SQL {
  return sql`select count(*)::int as "count", ${withValue ? sql`coalesce(sum(x."valueEur"), 0)::float8` : sql`0::float8`} as "valueEur" from (${rows}) x`
}

/** KPI v figures over the performance rows: coverage, sums, change of the sums, median and distribution of % change. */
export function performanceFigure(rows: SQL): SQL {
  return sql`select count(*)::int as "involved", count(*) filter (where x."included")::int as "covered",
      coalesce(sum(x."baselineEur") filter (where x."included"), 0)::float8 as "baselineEur",
      coalesce(sum(x."followUpEur") filter (where x."included"), 0)::float8 as "followUpEur",
      percentile_cont(0.5) within group (order by x."changePct") filter (where x."included") as "medianPct",
      coalesce(json_agg(x."changePct" order by x."changePct") filter (where x."included"), '[]') as "changes"
    from (${rows}) x`
}

/** The contracts funnel: accepted meeting requests → published meetings → followed up → contracts reported → verified. */
export function funnelFigure(scope: KpiScope): SQL {
  return sql`select
      (select count(*)::int from meeting_requests r join events ev on ev.id = r.event_id join editions ed on ed.id = ev.edition_id where r.status = ${FUNNEL_ACCEPTED} and ${eventFilter(scope)}) as "accepted",
      (select count(*)::int from meetings m join events ev on ev.id = m.event_id join editions ed on ed.id = ev.edition_id where m.status = ${FUNNEL_SCHEDULED} and ${eventFilter(scope)}) as "scheduled",
      (select count(*)::int from ${participationsIn(scope, 'sme')} and p.status = 'followed_up') as "followedUp",
      (select count(*)::int from contracts c join editions ed on ed.id = c.edition_id where c.status in ${CONTRACTS_REPORTED} and ${contractFilter(scope)}) as "reported",
      (select count(*)::int from contracts c join editions ed on ed.id = c.edition_id where c.status in ${CONTRACTS_SIGNED} and ${contractFilter(scope)}) as "verified"`
}

/**
 * The count KPIs per edition (trend across editions), or per organiser across
 * its editions (authority view): the same definitions, grouped. Set-based: each
 * table is read once and grouped, not once per edition or organiser.
 */
export function breakdownQuery(by: 'edition' | 'organiser', scope: KpiScope): SQL {
  const groups =
    by === 'edition'
      ? sql`select ed.id, ed.name, ed.period_start::text as "periodStart", ed.kpi_targets as "targets" from editions ed where ${editionFilter(scope)}`
      : sql`select o.id, o.legal_name as name, null::text as "periodStart", null::jsonb as "targets" from organisations o where o.kind = 'organiser' and exists (select 1 from edition_organisers eo join editions ed on ed.id = eo.edition_id where eo.organiser_id = o.id and ${editionFilter(scope)})`
  /** The editions each group adds up: the edition itself, or every edition of the organiser. */
  const editionsOf =
    by === 'edition'
      ? sql`select g.id as gid, g.id as edition_id from g`
      : sql`select g.id as gid, eo.edition_id from g join edition_organisers eo on eo.organiser_id = g.id`
  const outside = sql`o.kind = 'buyer' and o.nuts2 is not null and o.nuts2 <> ed.home_nuts2`
  return sql`with g as (${groups}), ge as (${editionsOf}),
    ev_counts as (select ge.gid, count(*)::int as n from ge join events ev on ev.edition_id = ge.edition_id where ${OWN_EVENT} group by ge.gid),
    part_counts as (
      select ge.gid,
        count(distinct p.organisation_id) filter (where o.kind = 'sme' and p.status in ${INVOLVED})::int as smes,
        count(distinct p.organisation_id) filter (where ${outside})::int as targeted,
        count(distinct p.organisation_id) filter (where ${outside} and p.status in ${INVOLVED})::int as involved
      from ge join editions ed on ed.id = ge.edition_id join events ev on ev.edition_id = ed.id
        join participations p on p.event_id = ev.id join organisations o on o.id = p.organisation_id
      group by ge.gid),
    contract_counts as (select ge.gid, count(*)::int as n from ge join contracts c on c.edition_id = ge.edition_id where c.status in ${CONTRACTS_SIGNED} group by ge.gid)
    select g.id as "id", g.name as "name", g."periodStart", g."targets",
      coalesce(e.n, 0) as "events", coalesce(pc.smes, 0) as "smes", coalesce(pc.targeted, 0) as "buyersOutsideTargeted",
      coalesce(pc.involved, 0) as "buyersOutsideInvolved", coalesce(c.n, 0) as "contracts"
    from g left join ev_counts e on e.gid = g.id left join part_counts pc on pc.gid = g.id left join contract_counts c on c.gid = g.id
    order by g."periodStart" nulls last, g.name`
}
