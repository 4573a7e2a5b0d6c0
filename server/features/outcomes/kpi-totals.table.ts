import { bigint, doublePrecision, unique } from 'drizzle-orm/pg-core'
import { sql } from 'drizzle-orm'
import { boolean, index, integer, pgTable, primaryKey, text, uuid } from '../../infra/columns.js'
import { contractStatusEnum } from './outcomes.table.js'

/**
 * Running totals behind the dashboards of editions, hubs and the authority,
 * kept by triggers in the same transaction as the rows they count (migration
 * 0013), so a figure over many editions reads a few rows instead of scanning
 * the base tables. They are caches: `kpi.definitions.ts` says what each KPI
 * counts, the drill-down reads the base rows, and the tests check that every
 * total equals a recomputation from those rows. No foreign keys: a total of a
 * deleted event or edition goes to zero with its rows, and reads join the
 * live events and editions.
 */

/** Base rows per event and status: `meeting_requests`, `meetings`, `sme_participations`, `buyer_participations`. */
export const kpiEventCounts = pgTable(
  'kpi_event_counts',
  {
    eventId: uuid('event_id').notNull(),
    subject: text('subject').notNull(),
    status: text('status').notNull(),
    rows: integer('rows').notNull(),
  },
  (t) => [primaryKey({ name: 'kpi_event_counts_pk', columns: [t.eventId, t.subject, t.status] })],
)

/** Contracts and their value per edition, event (or none) and status. */
export const kpiContractTotals = pgTable(
  'kpi_contract_totals',
  {
    editionId: uuid('edition_id').notNull(),
    eventId: uuid('event_id'),
    status: contractStatusEnum('status').notNull(),
    contracts: integer('contracts').notNull(),
    valueEur: bigint('value_eur', { mode: 'number' }).notNull(),
  },
  (t) => [unique('kpi_contract_totals_key').on(t.editionId, t.eventId, t.status).nullsNotDistinct()],
)

/**
 * One line per organisation and scope it counts in: each edition, each hub
 * running the edition, and everything (`ALL_SCOPE`). Flags say which distinct
 * counts it adds to, and its participations followed up (an SME's); for an involved SME, the KPI v reports of its baseline
 * year (the year before its first edition in the scope) and of the latest of
 * the three years after. Rebuilt for an organisation whenever a row it depends
 * on changes.
 */
export const kpiScopeMembers = pgTable(
  'kpi_scope_members',
  {
    scopeId: uuid('scope_id').notNull(),
    organisationId: uuid('organisation_id').notNull(),
    smeInvolved: boolean('sme_involved').notNull(),
    buyerOutsideTargeted: boolean('buyer_outside_targeted').notNull(),
    buyerOutsideInvolved: boolean('buyer_outside_involved').notNull(),
    involved: boolean('involved').notNull(),
    eligible: boolean('eligible').notNull(),
    smeFollowedUp: integer('sme_followed_up').notNull(),
    baselineYear: integer('baseline_year'),
    followUpYear: integer('follow_up_year'),
    turnoverBaselineEur: bigint('turnover_baseline_eur', { mode: 'number' }),
    turnoverFollowUpEur: bigint('turnover_follow_up_eur', { mode: 'number' }),
    turnoverChangePct: doublePrecision('turnover_change_pct'),
    exportBaselineEur: bigint('export_baseline_eur', { mode: 'number' }),
    exportFollowUpEur: bigint('export_follow_up_eur', { mode: 'number' }),
    exportChangePct: doublePrecision('export_change_pct'),
  },
  (t) => [
    primaryKey({ name: 'kpi_scope_members_pk', columns: [t.scopeId, t.organisationId] }),
    index('kpi_scope_members_organisation_id_idx').on(t.organisationId),
    index('kpi_scope_members_turnover_change_idx')
      .on(t.scopeId, t.turnoverChangePct)
      .where(sql`${t.turnoverChangePct} is not null`),
    index('kpi_scope_members_export_change_idx')
      .on(t.scopeId, t.exportChangePct)
      .where(sql`${t.exportChangePct} is not null`),
  ],
)

/** The sums of `kpi_scope_members` per scope. */
export const kpiScopeTotals = pgTable('kpi_scope_totals', {
  scopeId: uuid('scope_id').primaryKey(),
  smes: integer('smes').notNull(),
  buyersOutsideTargeted: integer('buyers_outside_targeted').notNull(),
  buyersOutsideInvolved: integer('buyers_outside_involved').notNull(),
  members: integer('members').notNull(),
  eligibleSmes: integer('eligible_smes').notNull(),
  smeFollowedUp: integer('sme_followed_up').notNull(),
  turnoverCovered: integer('turnover_covered').notNull(),
  turnoverBaselineEur: bigint('turnover_baseline_eur', { mode: 'number' }).notNull(),
  turnoverFollowUpEur: bigint('turnover_follow_up_eur', { mode: 'number' }).notNull(),
  exportCovered: integer('export_covered').notNull(),
  exportBaselineEur: bigint('export_baseline_eur', { mode: 'number' }).notNull(),
  exportFollowUpEur: bigint('export_follow_up_eur', { mode: 'number' }).notNull(),
})

/** The scope of every edition of every hub. */
export const ALL_SCOPE = '00000000-0000-0000-0000-000000000000'
