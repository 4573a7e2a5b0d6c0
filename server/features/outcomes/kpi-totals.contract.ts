/**
 * The contract of the KPI running totals (migration drizzle/0013_kpi_totals.sql).
 *
 * Writes to `KPI_TOTALS_SOURCES` fire triggers that refresh `KPI_TOTALS_TABLES`
 * in the same transaction, so the dashboard reads a few rows per figure instead
 * of recounting meetings, contracts and reports. The triggers take one advisory
 * lock and rely on each statement seeing what committed before it, which only
 * READ COMMITTED gives: any other isolation level is refused with SQLSTATE
 * `55000` (object_not_in_prerequisite_state). `TransactionConfig` in
 * server/infra/db.ts therefore only accepts READ COMMITTED, PostgreSQL's default.
 *
 * test/features/outcomes/kpi-totals.test.ts checks that the triggers are on
 * exactly these tables, that the totals equal a recount from the base rows after
 * any mix of writes, and that another isolation level is refused.
 */

/** The tables whose writes the totals follow. */
export const KPI_TOTALS_SOURCES = [
  'contracts',
  'edition_organisers',
  'editions',
  'events',
  'meeting_requests',
  'meetings',
  'organisations',
  'participations',
  'performance_reports',
] as const

/** The tables the triggers keep; only they write them. */
export const KPI_TOTALS_TABLES = [
  'kpi_contract_totals',
  'kpi_event_counts',
  'kpi_scope_members',
  'kpi_scope_totals',
] as const

/** The only isolation level a transaction that writes a source table may use. */
export const KPI_TOTALS_ISOLATION = 'read committed'

/** The SQLSTATE of the triggers' refusal of another isolation level. */
export const KPI_TOTALS_REFUSAL_SQLSTATE = '55000'
