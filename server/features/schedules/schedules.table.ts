import { sql } from 'drizzle-orm'
import {
  check,
  index,
  integer,
  jsonb,
  pgEnum,
  pgTable,
  text,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { representatives } from '../participation/participation.table.js'
import { meetingRequests } from '../requests/requests.table.js'

export const scheduleStatusEnum = pgEnum('schedule_status', [
  'queued',
  'running',
  'draft',
  'published',
  'superseded',
  'failed',
  'cancelled',
])
export const meetingStatusEnum = pgEnum('meeting_status', ['scheduled', 'cancelled'])
export const meetingOutcomeEnum = pgEnum('meeting_outcome', ['held', 'no_show'])

/**
 * One run of the scheduler for an event: queued, running (with progress, held
 * by one server instance under a lease it renews), a draft the hub reviews
 * and adjusts, then published; or failed, or cancelled by the hub. `assignments` maps each
 * accepted request to its slot, table and representative.
 */
export const schedules = pgTable(
  'schedules',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    status: scheduleStatusEnum('status').notNull().default('queued'),
    options: jsonb('options').notNull(),
    progress: integer('progress').notNull().default(0),
    assignments: jsonb('assignments'),
    stats: jsonb('stats'),
    error: text('error'),
    createdBy: uuid('created_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    finishedAt: timestamptz('finished_at'),
    publishedAt: timestamptz('published_at'),
    /** The server instance solving the run, and until when it holds it: it renews the lease while it solves. */
    leaseOwner: text('lease_owner'),
    leaseUntil: timestamptz('lease_until'),
  },
  (t) => [
    index('schedules_event_id_idx').on(t.eventId),
    index('schedules_created_by_idx').on(t.createdBy),
    uniqueIndex('schedules_one_published_per_event')
      .on(t.eventId)
      .where(sql`${t.status} = 'published'`),
    check('schedules_progress_range', sql`${t.progress} between 0 and 100`),
  ],
)

/**
 * The published agenda: one row per meeting, kept across re-plans so calendar
 * entries keep their UID; `sequence` grows with every change (RFC 5545).
 */
export const meetings = pgTable(
  'meetings',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    requestId: uuid('request_id')
      .notNull()
      .references(() => meetingRequests.id, { onDelete: 'cascade' }),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    representativeId: uuid('representative_id').references(() => representatives.id, { onDelete: 'set null' }),
    slot: integer('slot').notNull(),
    tableIndex: integer('table_index').notNull(),
    status: meetingStatusEnum('status').notNull().default('scheduled'),
    sequence: integer('sequence').notNull().default(0),
    /** What happened on the day: held, or a no-show (and whose). */
    outcome: meetingOutcomeEnum('outcome'),
    absentOrganisationId: uuid('absent_organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    scheduleId: uuid('schedule_id').references(() => schedules.id, { onDelete: 'set null' }),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    uniqueIndex('meetings_request_unique').on(t.requestId),
    index('meetings_event_id_idx').on(t.eventId),
    // KPI funnel: published meetings per event, counted from the index alone.
    index('meetings_scheduled_event_idx')
      .on(t.eventId)
      .where(sql`${t.status} = 'scheduled'`),
    index('meetings_sme_id_idx').on(t.smeId),
    index('meetings_buyer_id_idx').on(t.buyerId),
    index('meetings_representative_id_idx').on(t.representativeId),
    index('meetings_schedule_id_idx').on(t.scheduleId),
    check('meetings_slot_not_negative', sql`${t.slot} >= 0 and ${t.tableIndex} >= 0`),
  ],
)

/** A secret per participant: the address of its iCalendar feed (all its meetings), which calendar apps fetch without a session. */
export const calendarFeeds = pgTable('calendar_feeds', {
  token: text('token').primaryKey(),
  organisationId: uuid('organisation_id')
    .notNull()
    .unique('calendar_feeds_organisation_unique')
    .references(() => organisations.id, { onDelete: 'cascade' }),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
})
