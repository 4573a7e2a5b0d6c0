import { sql } from 'drizzle-orm'
import {
  bigserial,
  boolean,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  text,
  timestamptz,
  uuid,
} from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { meetings } from '../schedules/schedules.table.js'

export const interestEnum = pgEnum('meeting_interest', [
  'none',
  'informative',
  'follow_up_planned',
  'quote_requested',
  'pilot',
  'contract_expected',
])
export const checkInMethodEnum = pgEnum('check_in_method', ['organiser', 'self'])

/**
 * Every live message, in order: what websockets deliver and what a client
 * that reconnects reads again from its last id. Instances learn of new rows
 * by LISTEN/NOTIFY, so two servers serve one event.
 */
export const liveMessages = pgTable(
  'live_messages',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    /** `org:<organisation id>` for a participant, `event:<event id>` for the event's hubs. */
    channel: text('channel').notNull(),
    type: text('type').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    index('live_messages_channel_id_idx').on(t.channel, t.id),
    index('live_messages_created_at_idx').on(t.createdAt),
  ],
)

/** Who arrived at the event, and how. */
export const checkIns = pgTable(
  'check_ins',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    method: checkInMethodEnum('method').notNull(),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** Marked absent by the hub: their meetings of the day become no-shows. */
    absent: boolean('absent').notNull().default(false),
    /** The meetings marking them absent turned into no-shows: what "Undo" gives back. */
    cancelledMeetings: uuid('cancelled_meetings')
      .array()
      .notNull()
      .default(sql`'{}'::uuid[]`),
    at: timestamptz('at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'check_ins_pk', columns: [t.eventId, t.organisationId] }),
    index('check_ins_organisation_id_idx').on(t.organisationId),
  ],
)

/** Each side's word on a meeting: held or not, how interesting, and a comment only the hub reads. */
export const meetingFeedback = pgTable(
  'meeting_feedback',
  {
    meetingId: uuid('meeting_id')
      .notNull()
      .references(() => meetings.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    held: boolean('held').notNull(),
    interest: interestEnum('interest'),
    comment: text('comment'),
    byUserId: uuid('by_user_id').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'meeting_feedback_pk', columns: [t.meetingId, t.organisationId] }),
    index('meeting_feedback_organisation_id_idx').on(t.organisationId),
  ],
)

/** Reminders already queued, so a sweep that runs twice sends nothing twice. */
export const remindersSent = pgTable('reminders_sent', {
  key: text('key').primaryKey(),
  at: timestamptz('at')
    .notNull()
    .default(sql`now()`),
})
