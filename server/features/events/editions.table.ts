import { sql } from 'drizzle-orm'
import { date } from 'drizzle-orm/pg-core'
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamptz,
  uuid,
} from '../../infra/columns.js'
import { organisations } from '../organisations/organisations.table.js'

export const eventKindEnum = pgEnum('event_kind', ['own', 'external'])
export const eventFormatEnum = pgEnum('event_format', ['venue', 'online', 'hybrid'])

/** A call round of the measure; the brief asks for at least two. */
export const editions = pgTable(
  'editions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    name: text('name').notNull(),
    periodStart: date('period_start', { mode: 'string' }).notNull(),
    periodEnd: date('period_end', { mode: 'string' }).notNull(),
    homeNuts2: text('home_nuts2').notNull(),
    targetS3: text('target_s3')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    budgetEur: integer('budget_eur'),
    kpiTargets: jsonb('kpi_targets').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [check('editions_period_order', sql`${t.periodStart} <= ${t.periodEnd}`)],
)

/** The hubs that run an edition together. */
export const editionOrganisers = pgTable(
  'edition_organisers',
  {
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
  },
  (t) => [
    primaryKey({ name: 'edition_organisers_pk', columns: [t.editionId, t.organiserId] }),
    index('edition_organisers_organiser_id_idx').on(t.organiserId),
  ],
)

/** A Meet the Buyer event; the slot grid is computed from days, sessions, slot length and gap in the event's zone. */
export const events = pgTable(
  'events',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    editionId: uuid('edition_id')
      .notNull()
      .references(() => editions.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    kind: eventKindEnum('kind').notNull(),
    externalOrganiser: text('external_organiser'),
    format: eventFormatEnum('format').notNull(),
    venue: text('venue'),
    timeZone: text('time_zone').notNull(),
    days: jsonb('days').notNull(),
    slotMinutes: integer('slot_minutes').notNull(),
    gapMinutes: integer('gap_minutes').notNull(),
    tables: jsonb('tables')
      .notNull()
      .default(sql`'[]'::jsonb`),
    registrationDeadline: timestamptz('registration_deadline'),
    requestDeadline: timestamptz('request_deadline'),
    schedulingDeadline: timestamptz('scheduling_deadline'),
    maxMeetingsPerParticipant: integer('max_meetings_per_participant').notNull(),
    virtualLinkBase: text('virtual_link_base'),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('events_edition_id_idx').on(t.editionId),
    check('events_slot_minutes_range', sql`${t.slotMinutes} between 5 and 240`),
    check(
      'events_deadline_order',
      sql`${t.requestDeadline} is null or ${t.schedulingDeadline} is null or ${t.requestDeadline} <= ${t.schedulingDeadline}`,
    ),
  ],
)
