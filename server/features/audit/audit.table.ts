import { bigserial, index, jsonb, pgTable, text, timestamptz, uuid } from '../../infra/columns.js'
import { users } from '../accounts/accounts.table.js'
import { organisations } from '../organisations/organisations.table.js'

/** Who did what, when, with the record before and after: security- and KPI-relevant actions. */
export const auditEvents = pgTable(
  'audit_events',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamptz('at').notNull().defaultNow(),
    actorUserId: uuid('actor_user_id').references(() => users.id, { onDelete: 'set null' }),
    /** The organisation the action concerns; organisers read the events of their participants. */
    organisationId: uuid('organisation_id').references(() => organisations.id, { onDelete: 'set null' }),
    action: text('action').notNull(),
    subjectType: text('subject_type').notNull(),
    subjectId: text('subject_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
  },
  (t) => [
    index('audit_events_actor_user_id_idx').on(t.actorUserId),
    index('audit_events_organisation_id_idx').on(t.organisationId, t.id),
  ],
)
