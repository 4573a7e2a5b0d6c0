import { sql } from 'drizzle-orm'
import { boolean, check, index, pgEnum, pgTable, primaryKey, text, timestamptz, uuid } from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'

export const organisationKindEnum = pgEnum('organisation_kind', ['sme', 'buyer', 'organiser', 'authority'])
export const sizeClassEnum = pgEnum('size_class', ['micro', 'small', 'medium', 'large'])
export const roleEnum = pgEnum('membership_role', ['admin', 'member'])
export const affiliationStatusEnum = pgEnum('affiliation_status', ['pending', 'validated', 'rejected'])

/** Profile fields are nullable: an organisation invited by a hub completes its profile later. */
export const organisations = pgTable(
  'organisations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    kind: organisationKindEnum('kind').notNull(),
    legalName: text('legal_name').notNull(),
    vatId: text('vat_id'),
    country: text('country'),
    nuts2: text('nuts2'),
    addressStreet: text('address_street'),
    addressPostalCode: text('address_postal_code'),
    addressCity: text('address_city'),
    website: text('website'),
    sizeClass: sizeClassEnum('size_class'),
    naceCode: text('nace_code'),
    innovativeStartup: boolean('innovative_startup').notNull().default(false),
    isSme: boolean('is_sme').notNull().default(false),
    /** A public buyer (a contracting authority or entity), as its TED notices name it. Buyers only. */
    publicBuyer: boolean('public_buyer').notNull().default(false),
    languages: text('languages')
      .array()
      .notNull()
      .default(sql`'{}'::text[]`),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    updatedAt: timestamptz('updated_at').notNull().defaultNow(),
  },
  (t) => [
    index('organisations_vat_id_idx').on(t.vatId),
    check('organisations_country_format', sql`${t.country} ~ '^[A-Z]{2}$'`),
    check('organisations_nuts2_format', sql`${t.nuts2} ~ '^[A-Z]{2}[0-9A-Z]{2}$'`),
    check('organisations_public_buyer_kind', sql`not ${t.publicBuyer} or ${t.kind} = 'buyer'`),
  ],
)

export const memberships = pgTable(
  'memberships',
  {
    userId: uuid('user_id')
      .notNull()
      .references(() => users.id, { onDelete: 'cascade' }),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    role: roleEnum('role').notNull(),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ name: 'memberships_pk', columns: [t.userId, t.organisationId] }),
    index('memberships_organisation_id_idx').on(t.organisationId),
  ],
)

/** An SME's or buyer's registration with an organiser (hub), validated or rejected by it. */
export const affiliations = pgTable(
  'affiliations',
  {
    organiserId: uuid('organiser_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    participantId: uuid('participant_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    status: affiliationStatusEnum('status').notNull().default('pending'),
    reason: text('reason'),
    registeredAt: timestamptz('registered_at').notNull().defaultNow(),
    decidedAt: timestamptz('decided_at'),
    decidedBy: uuid('decided_by').references(() => users.id, { onDelete: 'set null' }),
  },
  (t) => [
    primaryKey({ name: 'affiliations_pk', columns: [t.organiserId, t.participantId] }),
    index('affiliations_participant_id_idx').on(t.participantId),
    index('affiliations_decided_by_idx').on(t.decidedBy),
    check('affiliations_not_self', sql`${t.organiserId} <> ${t.participantId}`),
  ],
)

export const invitations = pgTable(
  'invitations',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    tokenHash: text('token_hash').notNull().unique('invitations_token_hash_unique'),
    organisationId: uuid('organisation_id')
      .notNull()
      .references(() => organisations.id, { onDelete: 'cascade' }),
    email: text('email').notNull(),
    role: roleEnum('role').notNull(),
    invitedBy: uuid('invited_by').references(() => users.id, { onDelete: 'set null' }),
    createdAt: timestamptz('created_at').notNull().defaultNow(),
    expiresAt: timestamptz('expires_at').notNull(),
    acceptedAt: timestamptz('accepted_at'),
    revokedAt: timestamptz('revoked_at'),
  },
  (t) => [
    index('invitations_organisation_id_idx').on(t.organisationId),
    index('invitations_invited_by_idx').on(t.invitedBy),
  ],
)
