import { sql } from 'drizzle-orm'
import type { KpiTargets } from '../../../shared/schemas/events.js'
import type { KpiReport } from '../../../shared/schemas/outcomes.js'
import type { Clock } from '../../infra/clock.js'
import type { Database } from '../../infra/db.js'
import { attachment, csvFile, xlsxFile, type ExportLanguage, type Table } from '../../infra/spreadsheets.js'
import {
  breakdownQuery,
  countFigure,
  editionFilter,
  funnelFigure,
  INVOLVED,
  performanceFigure,
  rowsQuery,
  TABLE_KEYS,
  type KpiScope,
  type TableKey,
} from './kpi.definitions.js'
import { ALL_SCOPE } from './kpi-totals.table.js'
import {
  changeFigure,
  contractTotalsFigure,
  meetingTotalsFigure,
  scopeTotalsFigure,
  totalsBreakdown,
} from './kpi-totals.js'
import { outcomesProblems as problems } from './outcomes.errors.js'
import { bucketOf, CHANGE_BUCKETS } from './outcomes.model.js'

/** What a KPI report is about: one edition, one event, one hub's editions, or everything (the authority). */
export type ScopeRef =
  { kind: 'edition'; id: string } | { kind: 'event'; id: string } | { kind: 'organiser'; id: string } | { kind: 'all' }

interface ResolvedScope {
  ref: ScopeRef
  scope: KpiScope
  /** The line of `kpi_scope_totals` of an edition, a hub or everything; none for one event. */
  totalsId: string | null
  name: string
  targets: Partial<KpiTargets> | null
}

type Row = Record<string, unknown>
const COUNT_TARGETS = ['events', 'smesInvolved', 'buyersOutsideTargeted', 'buyersOutsideInvolved', 'contracts'] as const

/** Count targets add up over editions; percentage targets are their mean. */
function combineTargets(list: KpiTargets[]): Partial<KpiTargets> | null {
  if (list.length === 0) return null
  const sum = (key: keyof KpiTargets) => list.reduce((total, t) => total + (t[key] ?? 0), 0)
  return {
    ...Object.fromEntries(COUNT_TARGETS.map((key) => [key, sum(key)])),
    turnoverChangePct: Math.round((sum('turnoverChangePct') / list.length) * 100) / 100,
    exportChangePct: Math.round((sum('exportChangePct') / list.length) * 100) / 100,
  }
}

/** KPI v of a scope, before its target: coverage, sums, median and distribution of the % change. */
interface ChangeFigures {
  involved: number
  covered: number
  baselineEur: number
  followUpEur: number
  medianPct: number | null
  distribution: Record<string, number>
}

/** Every figure of a report, from the base rows or from the running totals. */
interface Figures {
  events: number
  smes: number
  targeted: number
  involved: number
  contracts: { figure: number; valueEur: number; unverified: number; unverifiedValueEur: number }
  turnover: ChangeFigures
  exports: ChangeFigures
  eligibleSmes: number
  funnel: KpiReport['funnel']
  trend: Row[]
  byOrganiser?: Row[] | undefined
  members?: number | undefined
}

/** KPI v from the rows behind it: the distribution counted here from the list of changes. */
function changeFromRows(row: Row): ChangeFigures {
  const distribution = Object.fromEntries(CHANGE_BUCKETS.map((b) => [b.key, 0]))
  for (const pct of (row.changes as number[]) ?? []) distribution[bucketOf(pct)]! += 1
  const medianPct = row.medianPct === null ? null : Number(row.medianPct)
  return {
    involved: row.involved as number,
    covered: row.covered as number,
    baselineEur: row.baselineEur as number,
    followUpEur: row.followUpEur as number,
    medianPct,
    distribution,
  }
}

function changeKpi(f: ChangeFigures, target: number | null | undefined) {
  return {
    involved: f.involved,
    covered: f.covered,
    coveragePct: f.involved === 0 ? null : Math.round((f.covered / f.involved) * 10_000) / 100,
    baselineEur: f.baselineEur,
    followUpEur: f.followUpEur,
    changePctOfSums:
      f.baselineEur > 0 ? Math.round(((f.followUpEur - f.baselineEur) / f.baselineEur) * 10_000) / 100 : null,
    medianPct: f.medianPct === null ? null : Math.round(f.medianPct * 100) / 100,
    distribution: f.distribution,
    target: target ?? null,
  }
}

export function createKpisService(deps: { db: Database; clock: Clock }) {
  const { db, clock } = deps
  const all = async (query: ReturnType<typeof sql>) =>
    (await db.execute<Row>(query)) as unknown as Row[] & { columns?: { name: string }[] }
  const one = async (query: ReturnType<typeof sql>) => (await all(query))[0]!

  async function resolve(ref: ScopeRef): Promise<ResolvedScope> {
    switch (ref.kind) {
      case 'edition': {
        const [row] = await all(sql`select name, kpi_targets from editions where id = ${ref.id}`)
        if (!row) throw problems.editionNotFound()
        return {
          ref,
          scope: { editionIds: [ref.id] },
          totalsId: ref.id,
          name: row.name as string,
          targets: row.kpi_targets as KpiTargets,
        }
      }
      case 'event': {
        const [row] = await all(sql`select name, edition_id from events where id = ${ref.id}`)
        if (!row) throw problems.eventNotFound()
        return {
          ref,
          scope: { editionIds: [row.edition_id as string], eventId: ref.id },
          totalsId: null,
          name: row.name as string,
          targets: null,
        }
      }
      case 'organiser': {
        const rows = await all(
          sql`select ed.id, ed.kpi_targets, o.legal_name from organisations o left join edition_organisers eo on eo.organiser_id = o.id left join editions ed on ed.id = eo.edition_id where o.id = ${ref.id}`,
        )
        const editions = rows.filter((r) => r.id !== null)
        return {
          ref,
          scope: { editionIds: editions.map((r) => r.id as string) },
          totalsId: ref.id,
          name: (rows[0]?.legal_name as string) ?? '',
          targets: combineTargets(editions.map((r) => r.kpi_targets as KpiTargets)),
        }
      }
      case 'all': {
        const rows = await all(sql`select kpi_targets from editions`)
        return {
          ref,
          scope: { editionIds: 'all' },
          totalsId: ALL_SCOPE,
          name: 'all',
          targets: combineTargets(rows.map((r) => r.kpi_targets as KpiTargets)),
        }
      }
    }
  }

  /** Every figure from the rows behind it, as the drill-down reads them (`kpi.definitions.ts`). */
  async function figuresFromRows({ ref, scope }: ResolvedScope): Promise<Figures> {
    const now = clock.now()
    const count = (key: TableKey, value = false) => one(countFigure(rowsQuery(key, scope, now, false), value))
    const [
      events,
      smes,
      targeted,
      involved,
      verified,
      unverified,
      turnover,
      exports,
      eligible,
      funnel,
      trend,
      byOrganiser,
      members,
    ] = await Promise.all([
      count('events'),
      count('smes'),
      count('buyersOutsideTargeted'),
      count('buyersOutsideInvolved'),
      count('contracts', true),
      count('contractsUnverified', true),
      one(performanceFigure(rowsQuery('turnover', scope, now, false))),
      one(performanceFigure(rowsQuery('exports', scope, now, false))),
      count('eligibility'),
      one(funnelFigure(scope)),
      ref.kind === 'event' ? Promise.resolve([]) : all(breakdownQuery('edition', scope)),
      ref.kind === 'all' ? all(breakdownQuery('organiser', scope)) : Promise.resolve(undefined),
      ref.kind === 'organiser'
        ? one(
            sql`select count(distinct p.organisation_id)::int as n from participations p join events ev on ev.id = p.event_id join editions ed on ed.id = ev.edition_id where p.status in ${INVOLVED} and ${editionFilter(scope)}`,
          )
        : Promise.resolve(undefined),
    ])
    return {
      events: events.count as number,
      smes: smes.count as number,
      targeted: targeted.count as number,
      involved: involved.count as number,
      contracts: {
        figure: verified.count as number,
        valueEur: verified.valueEur as number,
        unverified: unverified.count as number,
        unverifiedValueEur: unverified.valueEur as number,
      },
      turnover: changeFromRows(turnover),
      exports: changeFromRows(exports),
      eligibleSmes: eligible.count as number,
      funnel: funnel as KpiReport['funnel'],
      trend,
      byOrganiser,
      members: members?.n as number | undefined,
    }
  }

  /** The same figures from the running totals (`kpi-totals.ts`): a few hundred lines read whatever the size of the scope. */
  async function figuresFromTotals(resolved: ResolvedScope & { totalsId: string }): Promise<Figures> {
    const { ref, scope } = resolved
    const [events, t, contracts, meetings, turnover, exports, trend, byOrganiser] = await Promise.all([
      one(countFigure(rowsQuery('events', scope, clock.now(), false))),
      one(scopeTotalsFigure(resolved)),
      one(contractTotalsFigure(resolved)),
      one(meetingTotalsFigure(resolved)),
      one(changeFigure(resolved, 'turnover')),
      one(changeFigure(resolved, 'export')),
      all(totalsBreakdown('edition', scope)),
      ref.kind === 'all' ? all(totalsBreakdown('organiser', scope)) : Promise.resolve(undefined),
    ])
    const change = (row: Row, measure: 'turnover' | 'export'): ChangeFigures => ({
      involved: t.smes as number,
      covered: t[`${measure}Covered`] as number,
      baselineEur: t[`${measure}BaselineEur`] as number,
      followUpEur: t[`${measure}FollowUpEur`] as number,
      medianPct: row.medianPct === null ? null : Number(row.medianPct),
      distribution: Object.fromEntries(CHANGE_BUCKETS.map((b) => [b.key, row[b.key] as number])),
    })
    return {
      events: events.count as number,
      smes: t.smes as number,
      targeted: t.buyersOutsideTargeted as number,
      involved: t.buyersOutsideInvolved as number,
      contracts: {
        figure: contracts.signed as number,
        valueEur: contracts.signedValueEur as number,
        unverified: contracts.unverified as number,
        unverifiedValueEur: contracts.unverifiedValueEur as number,
      },
      turnover: change(turnover, 'turnover'),
      exports: change(exports, 'export'),
      eligibleSmes: t.eligibleSmes as number,
      funnel: {
        accepted: meetings.accepted as number,
        scheduled: meetings.scheduled as number,
        followedUp: t.followedUp as number,
        reported: contracts.reported as number,
        verified: contracts.signed as number,
      },
      trend,
      byOrganiser,
      members: ref.kind === 'organiser' ? (t.members as number) : undefined,
    }
  }

  return {
    /**
     * The KPI report of a scope. An edition, a hub or everything reads the
     * running totals; one event reads the rows behind each figure (a few
     * hundred). `source: 'rows'` recomputes any scope from the rows, to check the totals.
     */
    async report(ref: ScopeRef, options: { source?: 'totals' | 'rows' } = {}): Promise<KpiReport> {
      const resolved = await resolve(ref)
      const { name, targets, totalsId } = resolved
      const f =
        totalsId !== null && options.source !== 'rows'
          ? await figuresFromTotals({ ...resolved, totalsId })
          : await figuresFromRows(resolved)
      const figure = (value: number, target: number | undefined) => ({ figure: value, target: target ?? null })
      const breakdown = (rows: Row[]) =>
        rows.map((r) => ({
          id: r.id as string,
          name: r.name as string,
          periodStart: (r.periodStart as string | null) ?? null,
          events: r.events as number,
          smes: r.smes as number,
          buyersOutsideTargeted: r.buyersOutsideTargeted as number,
          buyersOutsideInvolved: r.buyersOutsideInvolved as number,
          contracts: r.contracts as number,
          targets: (r.targets as Record<string, number> | null) ?? null,
        }))
      return {
        scope: { kind: ref.kind, id: 'id' in ref ? ref.id : null, name },
        computedAt: clock.now().toISOString(),
        events: figure(f.events, targets?.events),
        smes: figure(f.smes, targets?.smesInvolved),
        buyersOutsideTargeted: figure(f.targeted, targets?.buyersOutsideTargeted),
        buyersOutsideInvolved: figure(f.involved, targets?.buyersOutsideInvolved),
        contracts: {
          ...figure(f.contracts.figure, targets?.contracts),
          valueEur: f.contracts.valueEur,
          unverified: f.contracts.unverified,
          unverifiedValueEur: f.contracts.unverifiedValueEur,
        },
        turnover: changeKpi(f.turnover, targets?.turnoverChangePct),
        exports: changeKpi(f.exports, targets?.exportChangePct),
        eligibleSmes: f.eligibleSmes,
        funnel: f.funnel,
        trend: breakdown(f.trend),
        ...(f.byOrganiser ? { byOrganiser: breakdown(f.byOrganiser) } : {}),
        ...(f.members !== undefined
          ? {
              cluster: {
                membersServed: f.members,
                events: f.events,
                contracts: f.contracts.figure,
                contractsPerEvent: f.events > 0 ? Math.round((f.contracts.figure / f.events) * 100) / 100 : null,
              },
            }
          : {}),
      }
    },

    /** The rows behind one figure, for the drill-down and the exports. */
    async rows(
      ref: ScopeRef,
      key: TableKey,
      page?: { limit: number; offset: number },
    ): Promise<{ columns: string[]; rows: Row[]; total: number }> {
      const { scope } = await resolve(ref)
      const query = rowsQuery(key, scope, clock.now())
      const [result, total] = await Promise.all([
        all(page ? sql`select * from (${query}) x limit ${page.limit} offset ${page.offset}` : query),
        page
          ? one(countFigure(rowsQuery(key, scope, clock.now(), false))).then((r) => r.count as number)
          : Promise.resolve(undefined),
      ])
      const columns = result.columns?.map((c) => c.name) ?? Object.keys(result[0] ?? {})
      const rows = [...result].map((row) =>
        Object.fromEntries(columns.map((c) => [c, row[c] instanceof Date ? (row[c] as Date).toISOString() : row[c]])),
      )
      return { columns, rows, total: total ?? rows.length }
    },

    /** CSV of one table (or of the figures), or XLSX with the figures and every table, each on its own sheet; named after the scope. */
    async exportFile(
      ref: ScopeRef,
      format: 'csv' | 'xlsx',
      table: TableKey | 'figures',
      language: ExportLanguage,
    ): Promise<{ body: Buffer; disposition: string }> {
      const report = await this.report(ref)
      const figures = figureRows(report)
      const day = clock.now().toISOString().slice(0, 10)
      const name = ref.kind === 'all' ? 'all-editions' : report.scope.name
      if (format === 'csv') {
        const data = table === 'figures' ? figures : await this.rows(ref, table)
        return { body: csvFile(data, language), disposition: attachment([name, 'kpis', table], day, 'csv') }
      }
      const tables = await Promise.all(
        TABLE_KEYS.map(async (key) => [key, await this.rows(ref, key)] as [string, Table]),
      )
      return {
        body: await xlsxFile([['figures', figures], ...tables]),
        disposition: attachment([name, 'kpis'], day, 'xlsx'),
      }
    },
  }
}
export type KpisService = ReturnType<typeof createKpisService>

/** The dashboard's figures as a table: one line per KPI, with its target. */
function figureRows(report: KpiReport): { columns: string[]; rows: Row[] } {
  const rows: Row[] = [
    { kpi: 'i', figure: 'events', value: report.events.figure, target: report.events.target },
    { kpi: 'ii', figure: 'smes', value: report.smes.figure, target: report.smes.target },
    {
      kpi: 'iii',
      figure: 'buyersOutsideTargeted',
      value: report.buyersOutsideTargeted.figure,
      target: report.buyersOutsideTargeted.target,
    },
    {
      kpi: 'iii',
      figure: 'buyersOutsideInvolved',
      value: report.buyersOutsideInvolved.figure,
      target: report.buyersOutsideInvolved.target,
    },
    { kpi: 'iv', figure: 'contracts', value: report.contracts.figure, target: report.contracts.target },
    { kpi: 'iv', figure: 'contractsValueEur', value: report.contracts.valueEur, target: null },
    { kpi: 'iv', figure: 'contractsUnverified', value: report.contracts.unverified, target: null },
    ...(['turnover', 'exports'] as const).flatMap((key) => [
      { kpi: 'v', figure: `${key}Covered`, value: report[key].covered, target: null },
      { kpi: 'v', figure: `${key}Involved`, value: report[key].involved, target: null },
      { kpi: 'v', figure: `${key}BaselineEur`, value: report[key].baselineEur, target: null },
      { kpi: 'v', figure: `${key}FollowUpEur`, value: report[key].followUpEur, target: null },
      { kpi: 'v', figure: `${key}MedianPct`, value: report[key].medianPct, target: report[key].target },
    ]),
    { kpi: '', figure: 'eligibleSmes', value: report.eligibleSmes, target: null },
  ]
  return { columns: ['kpi', 'figure', 'value', 'target'], rows }
}
