import { sql } from 'drizzle-orm'
import { check, index, integer, pgEnum, pgTable, text, timestamptz, uniqueIndex, uuid } from '../../infra/columns.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { PARTICIPATION_STATUSES } from './participation.model.js'

export const participationStatusEnum = pgEnum('participation_status', PARTICIPATION_STATUSES)

/** An organisation's place in an event, and the slots it cannot attend. */
export const participations = pgTable(
  'participations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: participationStatusEnum('status').notNull(),
    reason: text('reason'),
    coachingSessions: integer('coaching_sessions').notNull().default(0),
    unavailableSlots: integer('unavailable_slots')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('participations_event_organisation_unique').on(t.eventId, t.organisationId),
    index('participations_organisation_id_idx').on(t.organisationId),
    check('participations_coaching_not_negative', sql`${t.coachingSessions} >= 0`),
  ],
)

/**
 * The people an organisation sends. A buyer with several representatives holds
 * as many meetings at once (each meeting is held by one of them); an SME's people
 * attend its meetings together.
 */
export const representatives = pgTable(
  'representatives',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    participationId: uuid('participation_id')
      .notNull()
      .references(() => participations.id, { onDelete: 'cascade' }),
    name: text('name').notNull(),
    email: text('email'),
    jobTitle: text('job_title'),
    unavailableSlots: integer('unavailable_slots')
      .array()
      .notNull()
      .default(sql`'{}'::int[]`),
    position: integer('position').notNull().default(0),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('representatives_participation_id_idx').on(t.participationId),
    uniqueIndex('representatives_email_unique')
      .on(t.participationId, sql`lower(${t.email})`)
      .where(sql`${t.email} is not null`),
  ],
)
