import { sql } from 'drizzle-orm'
import { bigserial, index, integer, jsonb, pgTable, primaryKey, text, timestamptz } from './columns.js'

/**
 * Work for the outside world (mail, search indexing), written in the same
 * transaction as the change that causes it; a worker does the I/O and retries.
 */
export const outbox = pgTable(
  'outbox',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    availableAt: timestamptz('available_at').notNull().defaultNow(),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    doneAt: timestamptz('done_at'),
    failedAt: timestamptz('failed_at'),
  },
  (t) => [
    index('outbox_pending_idx')
      .on(t.availableAt)
      .where(sql`${t.doneAt} is null and ${t.failedAt} is null`),
  ],
)

/** Mail kept locally when no SMTP server is configured; read at the development mailbox. */
export const capturedMails = pgTable('captured_mails', {
  id: bigserial('id', { mode: 'number' }).primaryKey(),
  to: text('to').notNull(),
  subject: text('subject').notNull(),
  text: text('text').notNull(),
  html: text('html'),
  capturedAt: timestamptz('captured_at').notNull().defaultNow(),
})

/** Fixed-window counters shared by every instance. */
export const rateLimitHits = pgTable(
  'rate_limit_hits',
  {
    key: text('key').notNull(),
    windowStart: timestamptz('window_start').notNull(),
    count: integer('count').notNull().default(0),
  },
  (t) => [primaryKey({ name: 'rate_limit_hits_pk', columns: [t.key, t.windowStart] })],
)
