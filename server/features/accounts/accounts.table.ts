import { sql } from 'drizzle-orm'
import { customType } from 'drizzle-orm/pg-core'
import { boolean, check, index, pgEnum, pgTable, text, timestamptz, uuid } from '../../infra/columns.js'

export const citext = customType<{ data: string }>({ dataType: () => 'citext' })

export const languageEnum = pgEnum('language', ['it', 'en'])
export const consentPurposeEnum = pgEnum('consent_purpose', ['profile_visible_to_matches', 'email_notifications'])

export const users = pgTable('users', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull(),
  email: citext('email').notNull().unique('users_email_unique'),
  language: languageEnum('language').notNull().default('en'),
  timeZone: text('time_zone').notNull().default('Europe/Rome'),
  passwordHash: text('password_hash'),
  createdAt: timestamptz('created_at').notNull().defaultNow(),
  /** Set when the person deleted their account: personal data is anonymised, the row stays for KPI evidence. */
  deletedAt: timestamptz('deleted_at'),
})

/** Server-side sessions; the cookie holds a random token, the table only its SHA-256. */
export const sessions = pgTable(
  'sessions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique('sessions_token_hash_unique'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    lastSeenAt: timestamptz('last_seen_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    ip: text('ip'),
    userAgent: text('user_agent'),
  },
  (t) => [index('sessions_user_id_idx').on(t.userId)],
)

/** One-time sign-in links: hashed, expiring, used at most once. */
export const loginTokens = pgTable(
  'login_tokens',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique('login_tokens_token_hash_unique'),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    usedAt: timestamptz('used_at'),
  },
  (t) => [index('login_tokens_user_id_idx').on(t.userId)],
)

/** Consent history: the newest row per purpose is in force. */
export const consents = pgTable(
  'consents',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    purpose: consentPurposeEnum('purpose').notNull(),
    granted: boolean('granted').notNull(),
    textVersion: text('text_version').notNull(),
    recordedAt: timestamptz('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    index('consents_user_id_idx').on(t.userId, t.purpose, t.recordedAt),
    check('consents_text_version_not_empty', sql`${t.textVersion} <> ''`),
  ],
)
