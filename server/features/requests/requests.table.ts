import { sql } from 'drizzle-orm'
import { check, index, pgEnum, pgTable, text, timestamptz, uniqueIndex, uuid } from '../../infra/columns.js'
import { REQUEST_STATUSES } from '../../../shared/lifecycles/requests.js'
import { users } from '../accounts/accounts.table.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { representatives } from '../participation/participation.table.js'

export const requestStatusEnum = pgEnum('request_status', REQUEST_STATUSES)
export const requestOriginEnum = pgEnum('request_origin', ['sme', 'buyer', 'organiser'])
export const requestPriorityEnum = pgEnum('request_priority', ['must_meet', 'meet'])

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
