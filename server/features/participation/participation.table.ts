import { sql } from 'drizzle-orm'
import { check, index, integer, pgEnum, pgTable, text, timestamptz, uniqueIndex, uuid } from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { PARTICIPATION_STATUSES, REQUEST_STATUSES } from './participation.model.js'

export const participationStatusEnum = pgEnum('participation_status', PARTICIPATION_STATUSES)
export const requestStatusEnum = pgEnum('request_status', REQUEST_STATUSES)
export const requestOriginEnum = pgEnum('request_origin', ['sme', 'buyer', 'organiser'])
export const requestPriorityEnum = pgEnum('request_priority', ['must_meet', 'meet'])

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

/** A wish to meet, SME→buyer, buyer→SME or imposed by the hub; accepted ones are what the scheduler places. */
export const meetingRequests = pgTable(
  'meeting_requests',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    fromOrganisationId: uuid('from_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    toOrganisationId: uuid('to_organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    origin: requestOriginEnum('origin').notNull(),
    priority: requestPriorityEnum('priority').notNull(),
    message: text('message'),
    status: requestStatusEnum('status').notNull().default('pending'),
    declineReason: text('decline_reason'),
    /** The buyer's representative who holds the meeting; none chosen yet: the scheduler spreads meetings over them. */
    representativeId: uuid('representative_id').references(() => representatives.id, { onDelete: 'set null' }),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    decidedAt: timestamptz('decided_at'),
  },
  (t) => [
    index('meeting_requests_event_id_idx').on(t.eventId),
    // KPI funnel: accepted requests per event, counted from the index alone.
    index('meeting_requests_accepted_event_idx')
      .on(t.eventId)
      .where(sql`${t.status} = 'accepted'`),
    index('meeting_requests_from_idx').on(t.fromOrganisationId),
    index('meeting_requests_to_idx').on(t.toOrganisationId),
    index('meeting_requests_created_by_idx').on(t.createdBy),
    index('meeting_requests_representative_id_idx').on(t.representativeId),
    // One open request per pair and event, whichever side asked: a UNIQUE index, not a hope.
    uniqueIndex('meeting_requests_open_pair_unique')
      .on(
        t.eventId,
        sql`least(${t.fromOrganisationId}, ${t.toOrganisationId})`,
        sql`greatest(${t.fromOrganisationId}, ${t.toOrganisationId})`,
      )
      .where(sql`${t.status} in ('pending', 'accepted')`),
    check('meeting_requests_not_self', sql`${t.fromOrganisationId} <> ${t.toOrganisationId}`),
  ],
)
