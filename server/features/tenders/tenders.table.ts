import { sql } from 'drizzle-orm'
import { date, numeric } from 'drizzle-orm/pg-core'
import { users } from '../accounts/accounts.table.js'
import { needs } from '../catalogue/catalogue.table.js'
import { organisations } from '../organisations/organisations.table.js'
import {
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../../infra/columns.js'

export const tenderStatusEnum = pgEnum('tender_status', ['open', 'cancelled'])
export const noticeFormEnum = pgEnum('notice_form', ['contract', 'prior-information', 'market-consultation'])
export const noticeRoleEnum = pgEnum('notice_role', ['original', 'change', 'cancellation'])

/** Multilingual text of a notice: ISO 639-1 language → text. */
export type Texts = Record<string, string>

/** A public procurement procedure announced on TED: its current notice, and its buyer (a public buyer). */
export const tenders = pgTable(
  'tenders',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The notice now in force (BT-701) and its version (BT-757). */
    noticeId: text('notice_id').notNull(),
    noticeVersion: text('notice_version').notNull(),
    /** BT-04; prior information notices may have none. */
    procedureId: text('procedure_id'),
    form: noticeFormEnum('form').notNull(),
    noticeType: text('notice_type').notNull(),
    subtype: text('subtype').notNull(),
    sdkVersion: text('sdk_version').notNull(),
    languages: text('languages').array().notNull(),
    title: jsonb('title').$type<Texts>().notNull(),
    description: jsonb('description').$type<Texts>().notNull(),
    contact: jsonb('contact')
      .$type<{ point: string | null; email: string | null; telephone: string | null; website: string | null }>()
      .notNull(),
    issueDate: date('issue_date', { mode: 'string' }).notNull(),
    plannedDate: date('planned_date', { mode: 'string' }),
    publicationNumber: text('publication_number'),
    status: tenderStatusEnum('status').notNull().default('open'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('tenders_buyer_id_idx').on(t.buyerId),
    uniqueIndex('tenders_procedure_id_key')
      .on(t.procedureId)
      .where(sql`${t.procedureId} is not null`),
  ],
)

/** Every notice version imported, so importing one again changes nothing. */
export const tenderNotices = pgTable(
  'tender_notices',
  {
    noticeId: text('notice_id').notNull(),
    version: text('version').notNull(),
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    role: noticeRoleEnum('role').notNull(),
    importedAt: timestamptz('imported_at').notNull().defaultNow(),
    importedBy: uuid('imported_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ name: 'tender_notices_pk', columns: [t.noticeId, t.version] }),
    index('tender_notices_tender_id_idx').on(t.tenderId),
    index('tender_notices_imported_by_idx').on(t.importedBy),
  ],
)

/** One lot (or part) of a tender: the need SMEs see, and what a need does not hold. */
export const tenderLots = pgTable(
  'tender_lots',
  {
    tenderId: uuid('tender_id')
      .notNull()
      .references(() => tenders.id, { onDelete: 'cascade' }),
    lotId: text('lot_id').notNull(),
    needId: uuid('need_id')
      .notNull()
      .references(() => needs.id, { onDelete: 'cascade' }),
    title: jsonb('title').$type<Texts>().notNull(),
    description: jsonb('description').$type<Texts>().notNull(),
    places: text('places')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    countries: text('countries')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    estimatedValue: numeric('estimated_value', { precision: 20, scale: 2 }),
    currency: text('currency'),
    deadlineAt: timestamptz('deadline_at'),
    deadlineKind: text('deadline_kind'),
  },
  (t) => [
    primaryKey({ name: 'tender_lots_pk', columns: [t.tenderId, t.lotId] }),
    uniqueIndex('tender_lots_need_id_key').on(t.needId),
    check('tender_lots_value_currency', sql`(${t.estimatedValue} is null) = (${t.currency} is null)`),
    check(
      'tender_lots_deadline_kind',
      sql`${t.deadlineKind} is null or ${t.deadlineKind} in ('tenders', 'requests', 'expressions', 'answers')`,
    ),
  ],
)

/** Notices the TED poller has taken on, by publication number: each is fetched once, unless fetching failed. */
export const tedPolledNotices = pgTable('ted_polled_notices', {
  publicationNumber: text('publication_number').primaryKey(),
  claimedAt: timestamptz('claimed_at').notNull(),
  /** Set once the notice was imported or refused; a claim left unfinished is taken again after a while. */
  doneAt: timestamptz('done_at'),
  outcome: text('outcome'),
  detail: text('detail'),
})
