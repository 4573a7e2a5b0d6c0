import { sql, type SQL } from 'drizzle-orm'
import {
  CONTRACTS_REPORTED,
  CONTRACTS_SIGNED,
  CONTRACTS_UNVERIFIED,
  editionFilter,
  FUNNEL_ACCEPTED,
  FUNNEL_SCHEDULED,
  OWN_EVENT,
  type KpiScope,
} from './kpi.definitions.js'
import { CHANGE_BUCKETS } from './outcomes.model.js'

/**
 * The figures of an edition, a hub or everything read from the running totals
 * (`kpi-totals.table.ts`, kept by the triggers of migration 0013) instead of the
 * base rows: a few hundred lines per figure whatever the number of meetings,
 * contracts or SMEs. Each answers the same question as the definition in
 * `kpi.definitions.ts` it names; the drill-down and the exports read the base
 * rows, and kpi-totals.test.ts checks the two agree after any mix of writes.
 */

/** A totals scope: an edition's id, a hub's id, or `ALL_SCOPE`. */
export interface TotalsScope {
  scope: KpiScope
  totalsId: string
}

const zeroIfMissing = (column: string) => sql.raw(`coalesce(t.${column}, 0)`)

/** KPIs ii, iii, the eligible SMEs, the followed-up SMEs of the funnel and the sums of KPI v: one line of `kpi_scope_totals`. */
export function scopeTotalsFigure({ totalsId }: TotalsScope): SQL {
  return sql`select ${zeroIfMissing('smes')}::int as "smes", ${zeroIfMissing('buyers_outside_targeted')}::int as "buyersOutsideTargeted", ${zeroIfMissing('buyers_outside_involved')}::int as "buyersOutsideInvolved",
      ${zeroIfMissing('members')}::int as "members", ${zeroIfMissing('eligible_smes')}::int as "eligibleSmes", ${zeroIfMissing('sme_followed_up')}::int as "followedUp",
      ${zeroIfMissing('turnover_covered')}::int as "turnoverCovered", ${zeroIfMissing('turnover_baseline_eur')}::float8 as "turnoverBaselineEur", ${zeroIfMissing('turnover_follow_up_eur')}::float8 as "turnoverFollowUpEur",
      ${zeroIfMissing('export_covered')}::int as "exportCovered", ${zeroIfMissing('export_baseline_eur')}::float8 as "exportBaselineEur", ${zeroIfMissing('export_follow_up_eur')}::float8 as "exportFollowUpEur"
    from (select 1) one left join kpi_scope_totals t on t.scope_id = ${totalsId}::uuid`
}

/** KPI iv and the contract steps of the funnel: the contract totals of the editions in scope. */
export function contractTotalsFigure({ scope }: TotalsScope): SQL {
  return sql`select coalesce(sum(ct.contracts) filter (where ct.status in ${CONTRACTS_SIGNED}), 0)::int as "signed", coalesce(sum(ct.value_eur) filter (where ct.status in ${CONTRACTS_SIGNED}), 0)::float8 as "signedValueEur",
      coalesce(sum(ct.contracts) filter (where ct.status in ${CONTRACTS_UNVERIFIED}), 0)::int as "unverified", coalesce(sum(ct.value_eur) filter (where ct.status in ${CONTRACTS_UNVERIFIED}), 0)::float8 as "unverifiedValueEur",
      coalesce(sum(ct.contracts) filter (where ct.status in ${CONTRACTS_REPORTED}), 0)::int as "reported"
    from kpi_contract_totals ct join editions ed on ed.id = ct.edition_id where ${editionFilter(scope)}`
}

/** The meeting steps of the funnel: accepted requests and published meetings of the events in scope. */
export function meetingTotalsFigure({ scope }: TotalsScope): SQL {
  return sql`select coalesce(sum(c.rows) filter (where c.subject = 'meeting_requests' and c.status = ${FUNNEL_ACCEPTED}), 0)::int as "accepted",
      coalesce(sum(c.rows) filter (where c.subject = 'meetings' and c.status = ${FUNNEL_SCHEDULED}), 0)::int as "scheduled"
    from kpi_event_counts c join events ev on ev.id = c.event_id join editions ed on ed.id = ev.edition_id where ${editionFilter(scope)}`
}

/**
 * KPI v: the median and the distribution of the % change of the SMEs included,
 * read along the scope's index of changes (the median is the middle one or two
 * lines, interpolated as `percentile_cont(0.5)` does).
 */
export function changeFigure({ totalsId }: TotalsScope, measure: 'turnover' | 'export'): SQL {
  const change = sql.raw(`${measure}_change_pct`)
  const covered = sql.raw(`${measure}_covered`)
  const inScope = sql`m.scope_id = ${totalsId}::uuid and m.${change} is not null`
  const covers = sql`(select ${covered} from kpi_scope_totals where scope_id = ${totalsId}::uuid)`
  let lower = -Infinity
  const buckets = CHANGE_BUCKETS.map((bucket) => {
    const from = lower
    lower = bucket.max
    const bounds = [
      from === -Infinity ? null : sql`m.${change} >= ${from}`,
      bucket.max === Infinity ? null : sql`m.${change} < ${bucket.max}`,
    ].filter((b) => b !== null)
    return sql`(select count(*)::int from kpi_scope_members m where ${inScope}${sql.join(bounds.map((b) => sql` and ${b}`))}) as ${sql.identifier(bucket.key)}`
  })
  return sql`select (select min(x) + (max(x) - min(x)) * 0.5 from (select m.${change} as x from kpi_scope_members m where ${inScope} order by m.${change}
        offset coalesce((select (${covered} - 1) / 2 from kpi_scope_totals where scope_id = ${totalsId}::uuid), 0) limit coalesce(2 - ${covers} % 2, 0)) middle) as "medianPct",
      ${sql.join(buckets, sql`, `)}`
}

/** The count KPIs per edition in scope (trend) or per hub with an edition in scope (authority view), from the totals of each. */
export function totalsBreakdown(by: 'edition' | 'organiser', scope: KpiScope): SQL {
  const groups =
    by === 'edition'
      ? sql`select ed.id, ed.name, ed.period_start::text as "periodStart", ed.kpi_targets as "targets", array[ed.id] as editions from editions ed where ${editionFilter(scope)}`
      : sql`select o.id, o.legal_name as name, null::text as "periodStart", null::jsonb as "targets", array(select eo.edition_id from edition_organisers eo where eo.organiser_id = o.id) as editions
        from organisations o where o.kind = 'organiser' and exists (select 1 from edition_organisers eo join editions ed on ed.id = eo.edition_id where eo.organiser_id = o.id and ${editionFilter(scope)})`
  return sql`with g as (${groups})
    select g.id as "id", g.name as "name", g."periodStart", g."targets",
      (select count(*)::int from events ev where ev.edition_id = any(g.editions) and ${OWN_EVENT}) as "events",
      coalesce(t.smes, 0) as "smes", coalesce(t.buyers_outside_targeted, 0) as "buyersOutsideTargeted", coalesce(t.buyers_outside_involved, 0) as "buyersOutsideInvolved",
      (select coalesce(sum(ct.contracts), 0)::int from kpi_contract_totals ct where ct.edition_id = any(g.editions) and ct.status in ${CONTRACTS_SIGNED}) as "contracts"
    from g left join kpi_scope_totals t on t.scope_id = g.id
    order by g."periodStart" nulls last, g.name`
}
