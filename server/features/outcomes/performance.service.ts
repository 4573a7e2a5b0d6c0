import { and, eq, sql } from 'drizzle-orm'
import type { Performance, PerformanceInput } from '../../../shared/schemas/outcomes.js'
import type { AuthContext } from '../../infra/access.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import { commonProblems } from '../../infra/problems.js'
import type { DbOrTx } from '../../infra/db.js'
import type { OutcomesDeps } from './contracts.service.js'
import { INVOLVED } from './kpi.definitions.js'
import { outcomesProblems as problems } from './outcomes.errors.js'
import { performanceRequestMail } from './outcomes.mails.js'
import { followUpYears } from './outcomes.model.js'
import { performanceReports, performanceRequests } from './outcomes.table.js'
import { membersToNotify } from '../organisations/organisations.read.js'

/** SME turnover and exports per year (KPI v), and the yearly requests for them. */
export function createPerformanceService(deps: OutcomesDeps) {
  const { db, clock, audit } = deps

  async function baselineYear(tx: DbOrTx, smeId: string): Promise<number | null> {
    const [row] = await tx.execute<{ year: number | null }>(sql`
      select (min(extract(year from ed.period_start::date)) - 1)::int as year from participations p join events ev on ev.id = p.event_id join editions ed on ed.id = ev.edition_id
      where p.organisation_id = ${smeId} and p.status in ${INVOLVED}`)
    return row?.year ?? null
  }

  return {
    async getPerformance(smeId: string): Promise<Performance> {
      const base = await baselineYear(db, smeId)
      const rows = await db
        .select()
        .from(performanceReports)
        .where(eq(performanceReports.smeId, smeId))
        .orderBy(performanceReports.year)
      return {
        baselineYear: base,
        followUpYears: base === null ? [] : followUpYears(base),
        reports: rows.map((r) => ({
          year: r.year,
          turnoverEur: r.turnoverEur,
          exportEur: r.exportEur,
          source: r.source,
          updatedAt: r.updatedAt.toISOString(),
        })),
      }
    },

    /** Records (or corrects) one year's figures: a year from the baseline on and over, exports within turnover. */
    async reportPerformance(
      actor: AuthContext,
      { smeId, year, input }: { smeId: string; year: number; input: PerformanceInput },
    ): Promise<Performance> {
      if (!actor.memberships.some((m) => m.organisationId === smeId && m.kind === 'sme'))
        throw problems.notSme(undefined, [{ field: 'params.orgId', code: 'kind', message: 'is not an SME' }])
      if (year >= clock.now().getUTCFullYear())
        throw commonProblems.validation('Report a year that is over.', [
          { field: 'params.year', code: 'pastYear', message: 'must be a past year' },
        ])
      const baseline = await baselineYear(db, smeId)
      if (baseline !== null && year < baseline)
        throw commonProblems.validation(
          `The figures start at the baseline year ${baseline}, the year before the SME's first edition.`,
          [{ field: 'params.year', code: 'beforeBaseline', message: `must not be before ${baseline}` }],
          { baselineYear: baseline },
        )
      if (input.exportEur > input.turnoverEur)
        throw commonProblems.validation('Exports are part of turnover.', [
          { field: 'body.exportEur', code: 'exportsOverTurnover', message: 'must not exceed turnoverEur' },
        ])
      await db.transaction(async (tx) => {
        const [before] = await tx
          .select()
          .from(performanceReports)
          .where(and(eq(performanceReports.smeId, smeId), eq(performanceReports.year, year)))
        const values = {
          turnoverEur: input.turnoverEur,
          exportEur: input.exportEur,
          source: input.source,
          reportedBy: actor.userId,
          updatedAt: clock.now(),
        }
        await tx
          .insert(performanceReports)
          .values({ smeId, year, ...values })
          .onConflictDoUpdate({ target: [performanceReports.smeId, performanceReports.year], set: values })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: smeId,
          action: 'performance.reported',
          subjectType: 'performance_report',
          subjectId: smeId,
          before: before
            ? { year, turnoverEur: before.turnoverEur, exportEur: before.exportEur, source: before.source }
            : null,
          after: { year, ...input },
        })
      })
      return this.getPerformance(smeId)
    },

    /**
     * Asks each involved SME, by e-mail through the outbox, for every year from
     * its baseline to three years after that is over and not yet reported; each
     * SME and year is asked once.
     */
    async requestFollowUps(): Promise<number> {
      const currentYear = clock.now().getUTCFullYear()
      return db.transaction(async (tx) => {
        const due = await tx.execute<{ sme_id: string; legal_name: string; year: number }>(sql`
          with base as (
            select p.organisation_id as sme_id, (min(extract(year from ed.period_start::date)) - 1)::int as baseline
            from participations p join events ev on ev.id = p.event_id join editions ed on ed.id = ev.edition_id join organisations o on o.id = p.organisation_id and o.kind = 'sme'
            where p.status in ${INVOLVED} group by p.organisation_id)
          select b.sme_id, o.legal_name, y.year from base b join organisations o on o.id = b.sme_id
          cross join lateral generate_series(b.baseline, b.baseline + 3) as y(year)
          where y.year < ${currentYear}
            and not exists (select 1 from performance_reports r where r.sme_id = b.sme_id and r.year = y.year)
            and not exists (select 1 from performance_requests q where q.sme_id = b.sme_id and q.year = y.year)
          order by b.sme_id, y.year`)
        for (const item of due) {
          await tx
            .insert(performanceRequests)
            .values({ smeId: item.sme_id, year: item.year, sentAt: clock.now() })
            .onConflictDoNothing()
          const people = await membersToNotify(tx, [item.sme_id])
          for (const person of people) {
            await deps.outbox.enqueue(tx, MAIL_TOPIC, {
              ...performanceRequestMail({
                to: person.email,
                name: person.name,
                language: person.language,
                organisation: item.legal_name,
                year: item.year,
                url: `${deps.publicUrl}/organisations/${item.sme_id}/performance?year=${item.year}`,
              }),
            })
          }
        }
        return due.length
      })
    },
  }
}
export type PerformanceService = ReturnType<typeof createPerformanceService>
