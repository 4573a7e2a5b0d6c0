import { sql } from 'drizzle-orm'
import { bigint, customType, date } from 'drizzle-orm/pg-core'
import {
  bigserial,
  check,
  index,
  integer,
  pgEnum,
  pgTable,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'
import { editions, events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { meetingRequests } from '../requests/requests.table.js'
import { meetings } from '../schedules/schedules.table.js'
import {
  CONTRACT_KINDS,
  CONTRACT_STATUSES,
  DOCUMENT_TYPES,
  REPORT_SOURCES,
  VOUCHER_CATEGORIES,
} from './outcomes.model.js'

const bytea = customType<{ data: Buffer }>({ dataType: () => 'bytea' })

export const contractKindEnum = pgEnum('contract_kind', CONTRACT_KINDS)
export const contractStatusEnum = pgEnum('contract_status', CONTRACT_STATUSES)
export const documentTypeEnum = pgEnum('document_type', DOCUMENT_TYPES)
export const reportSourceEnum = pgEnum('report_source', REPORT_SOURCES)
export const voucherCategoryEnum = pgEnum('voucher_category', VOUCHER_CATEGORIES)
export const voucherClaimStatusEnum = pgEnum('voucher_claim_status', ['pending', 'approved', 'rejected'])

/**
 * Evidence files (contract documents, voucher receipts), kept in PostgreSQL so
 * they share the database's transactions and backups. The type is the one read
 * from the magic bytes, never the one the uploader claimed.
 */
export const documents = pgTable(
  'documents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    fileName: text('file_name').notNull(),
    type: documentTypeEnum('type').notNull(),
    size: integer('size').notNull(),
    sha256: text('sha256').notNull(),
    content: bytea('content').notNull(),
    uploadedBy: uuid('uploaded_by').references(() => users.id, { onDelete: 'set null' }),
    uploadedAt: timestamptz('uploaded_at').notNull().defaultNow(),
  },
  (t) => [
    index('documents_organisation_id_idx').on(t.organisationId),
    index('documents_uploaded_by_idx').on(t.uploadedBy),
    check('documents_size_range', sql`${t.size} > 0 and ${t.size} <= 5242880`),
  ],
)

/** A supply contract an SME signed with a buyer; KPI iv counts the verified ones. */
export const contracts = pgTable(
  'contracts',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    eventId: uuid('event_id').references(() => events.id, { onDelete: 'set null' }),
    requestId: uuid('request_id').references(() => meetingRequests.id, { onDelete: 'set null' }),
    meetingId: uuid('meeting_id').references(() => meetings.id, { onDelete: 'set null' }),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    reportedByOrganisationId: uuid('reported_by_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    kind: contractKindEnum('kind').notNull(),
    signedOn: date('signed_on', { mode: 'string' }).notNull(),
    valueEur: bigint('value_eur', { mode: 'number' }).notNull(),
    status: contractStatusEnum('status').notNull().default('reported'),
    evidenceId: uuid('evidence_id').references(() => documents.id, { onDelete: 'set null' }),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    reportedAt: timestamptz('reported_at').notNull().defaultNow(),
    confirmedBy: uuid('confirmed_by').references(() => users.id, { onDelete: 'set null' }),
    confirmedAt: timestamptz('confirmed_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamptz('decided_at'),
    decisionNote: text('decision_note'),
  },
  (t) => [
    index('contracts_edition_id_idx').on(t.editionId, t.status),
    index('contracts_event_id_idx').on(t.eventId),
    index('contracts_request_id_idx').on(t.requestId),
    index('contracts_meeting_id_idx').on(t.meetingId),
    index('contracts_sme_id_idx').on(t.smeId),
    index('contracts_buyer_id_idx').on(t.buyerId),
    index('contracts_reported_by_organisation_id_idx').on(t.reportedByOrganisationId),
    index('contracts_evidence_id_idx').on(t.evidenceId),
    index('contracts_reported_by_idx').on(t.reportedBy),
    index('contracts_confirmed_by_idx').on(t.confirmedBy),
    index('contracts_decided_by_idx').on(t.decidedBy),
    check('contracts_value_not_negative', sql`${t.valueEur} >= 0`),
    check('contracts_sides_differ', sql`${t.smeId} <> ${t.buyerId}`),
    check(
      'contracts_verified_is_confirmed',
      sql`${t.status} not in ('confirmed', 'verified') or ${t.confirmedAt} is not null`,
    ),
  ],
)

/** Every step of a contract (reported, evidence, confirmed, verified, rejected), for the organiser's trail. */
export const contractTrail = pgTable(
  'contract_trail',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    contractId: uuid('contract_id')
      .notNull()
      .references(() => contracts.id, { onDelete: 'cascade' }),
    action: text('action').notNull(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    actorOrganisationId: uuid('actor_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    note: text('note'),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    index('contract_trail_contract_id_idx').on(t.contractId, t.at),
    index('contract_trail_actor_user_id_idx').on(t.actorUserId),
    index('contract_trail_actor_organisation_id_idx').on(t.actorOrganisationId),
  ],
)

/** An SME's turnover and export volume for one year (KPI v). */
export const performanceReports = pgTable(
  'performance_reports',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    turnoverEur: bigint('turnover_eur', { mode: 'number' }).notNull(),
    exportEur: bigint('export_eur', { mode: 'number' }).notNull(),
    source: reportSourceEnum('source').notNull(),
    reportedBy: uuid('reported_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('performance_reports_sme_year_unique').on(t.smeId, t.year),
    index('performance_reports_reported_by_idx').on(t.reportedBy),
    check(
      'performance_reports_values',
      sql`${t.turnoverEur} >= 0 and ${t.exportEur} >= 0 and ${t.exportEur} <= ${t.turnoverEur}`,
    ),
    check('performance_reports_year_range', sql`${t.year} between 1990 and 2100`),
  ],
)

/** Yearly follow-up requests sent (once per SME and year), so the sweep never mails twice. */
export const performanceRequests = pgTable(
  'performance_requests',
  {
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    year: integer('year').notNull(),
    sentAt: timestamptz('sent_at').notNull().defaultNow(),
  },
  (t) => [uniqueIndex('performance_requests_sme_year_unique').on(t.smeId, t.year)],
)

/** An SME's voucher budget in an edition (events outside the region, coaching). */
export const voucherBudgets = pgTable(
  'voucher_budgets',
  {
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    budgetEur: integer('budget_eur').notNull(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('voucher_budgets_edition_sme_unique').on(t.editionId, t.smeId),
    index('voucher_budgets_sme_id_idx').on(t.smeId),
    check('voucher_budgets_not_negative', sql`${t.budgetEur} >= 0`),
  ],
)

export const voucherClaims = pgTable(
  'voucher_claims',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    category: voucherCategoryEnum('category').notNull(),
    amountEur: integer('amount_eur').notNull(),
    description: text('description').notNull(),
    receiptId: uuid('receipt_id').references(() => documents.id, { onDelete: 'set null' }),
    status: voucherClaimStatusEnum('status').notNull().default('pending'),
    reason: text('reason'),
    claimedBy: uuid('claimed_by').references(() => users.id, { onDelete: 'set null' }),
    claimedAt: timestamptz('claimed_at').notNull().defaultNow(),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
    decidedAt: timestamptz('decided_at'),
  },
  (t) => [
    index('voucher_claims_edition_id_idx').on(t.editionId),
    index('voucher_claims_sme_id_idx').on(t.smeId),
    index('voucher_claims_receipt_id_idx').on(t.receiptId),
    index('voucher_claims_claimed_by_idx').on(t.claimedBy),
    index('voucher_claims_decided_by_idx').on(t.decidedBy),
    check('voucher_claims_amount_positive', sql`${t.amountEur} > 0`),
  ],
)
