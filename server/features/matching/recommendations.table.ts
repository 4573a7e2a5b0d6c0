import { sql } from 'drizzle-orm'
import { doublePrecision } from 'drizzle-orm/pg-core'
import {
  boolean,
  check,
  index,
  jsonb,
  pgEnum,
  pgTable,
  primaryKey,
  timestamptz,
  uniqueIndex,
  uuid,
} from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'
import { events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { RECOMMENDATION_MARKS, RECOMMENDATION_STATUSES } from './recommendations.model.js'

export const recommendationStatusEnum = pgEnum('recommendation_status', RECOMMENDATION_STATUSES)
export const recommendationMarkEnum = pgEnum('recommendation_mark', RECOMMENDATION_MARKS)

/**
 * An SME–buyer pair proposed for one event: the best offer–need pair's score,
 * parts and reason, and every scored pair behind it. Rewritten by the
 * `matching.recompute` worker; `status` is the hub's curation and survives it.
 */
export const recommendations = pgTable(
  'recommendations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    score: doublePrecision('score').notNull(),
    parts: jsonb('parts').notNull(),
    reason: jsonb('reason').notNull(),
    pairs: jsonb('pairs').notNull(),
    status: recommendationStatusEnum('status').notNull().default('proposed'),
    computedAt: timestamptz('computed_at').notNull().defaultNow(),
    suggestedAt: timestamptz('suggested_at'),
  },
  (t) => [
    uniqueIndex('recommendations_event_pair_unique').on(t.eventId, t.smeId, t.buyerId),
    index('recommendations_sme_id_idx').on(t.smeId),
    index('recommendations_buyer_id_idx').on(t.buyerId),
    check('recommendations_not_self', sql`${t.smeId} <> ${t.buyerId}`),
  ],
)

/** How one side of a pair rates the recommendation; kept apart so a recompute never loses it. */
export const recommendationMarks = pgTable(
  'recommendation_marks',
  {
    eventId: uuid('event_id')
      .notNull()
      .references(() => events.id, { onDelete: 'cascade' }),
    smeId: uuid('sme_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    buyerId: uuid('buyer_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    /** The side that marked: the SME or the buyer of the pair. */
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    mark: recommendationMarkEnum('mark').notNull(),
    markedBy: uuid('marked_by').references(() => users.id, { onDelete: 'set null' }),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'recommendation_marks_pk', columns: [t.eventId, t.smeId, t.buyerId, t.organisationId] }),
    index('recommendation_marks_sme_id_idx').on(t.smeId),
    index('recommendation_marks_buyer_id_idx').on(t.buyerId),
    index('recommendation_marks_organisation_id_idx').on(t.organisationId),
    index('recommendation_marks_marked_by_idx').on(t.markedBy),
    check('recommendation_marks_side', sql`${t.organisationId} in (${t.smeId}, ${t.buyerId})`),
  ],
)

/** Per-event matching settings the hub controls. */
export const matchingSettings = pgTable('matching_settings', {
  eventId: uuid('event_id')
    .primaryKey()
    .references(() => events.id, { onDelete: 'cascade' }),
  /** Recommend pairs that already met at an earlier event of the edition. */
  allowRepeatMeetings: boolean('allow_repeat_meetings').notNull().default(false),
  updatedAt: timestamptz('updated_at').notNull().defaultNow(),
})
