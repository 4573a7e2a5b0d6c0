import { sql } from 'drizzle-orm'
import { date } from 'drizzle-orm/pg-core'
import { check, index, integer, pgEnum, pgTable, text, timestamptz, uuid } from '../../infra/columns.js'
import { organisations } from '../organisations/organisations.table.js'

export const listingStatusEnum = pgEnum('listing_status', ['draft', 'published', 'archived'])
export const needVisibilityEnum = pgEnum('need_visibility', ['public', 'selected'])

/** What an SME sells. */
export const offers = pgTable(
  'offers',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language').notNull(),
    cpvMain: text('cpv_main').notNull(),
    cpvExtra: text('cpv_extra')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    naceCode: text('nace_code'),
    s3Domain: text('s3_domain'),
    trl: integer('trl').notNull(),
    keywords: text('keywords')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    certifications: text('certifications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    capacity: text('capacity'),
    marketsServed: text('markets_served')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    status: listingStatusEnum('status').notNull().default('draft'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('offers_organisation_id_idx').on(t.organisationId),
    check('offers_trl_range', sql`${t.trl} between 1 and 9`),
    check('offers_cpv_main_format', sql`${t.cpvMain} ~ '^[0-9]{8}$'`),
  ],
)

/** What a buyer wants to source. */
export const needs = pgTable(
  'needs',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    title: text('title').notNull(),
    description: text('description').notNull(),
    language: text('language').notNull(),
    cpvCodes: text('cpv_codes').array().notNull(),
    volume: text('volume'),
    budgetMinEur: integer('budget_min_eur'),
    budgetMaxEur: integer('budget_max_eur'),
    deadline: date('deadline', { mode: 'string' }),
    requiredCertifications: text('required_certifications')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    minTrl: integer('min_trl'),
    visibility: needVisibilityEnum('visibility').notNull().default('public'),
    visibleTo: uuid('visible_to')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    status: listingStatusEnum('status').notNull().default('draft'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('needs_organisation_id_idx').on(t.organisationId),
    check('needs_min_trl_range', sql`${t.minTrl} between 1 and 9`),
    check(
      'needs_budget_order',
      sql`${t.budgetMinEur} is null or ${t.budgetMaxEur} is null or ${t.budgetMinEur} <= ${t.budgetMaxEur}`,
    ),
    check('needs_has_cpv', sql`cardinality(${t.cpvCodes}) >= 1`),
  ],
)
