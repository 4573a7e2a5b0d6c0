import { timestamp } from 'drizzle-orm/pg-core'

export {
  pgTable,
  text,
  uuid,
  integer,
  boolean,
  jsonb,
  index,
  uniqueIndex,
  pgEnum,
  check,
  primaryKey,
  bigserial,
} from 'drizzle-orm/pg-core'

/** Every instant is stored as `timestamptz` (UTC), never as a local time. */
export const timestamptz = (name: string) => timestamp(name, { withTimezone: true, mode: 'date' })
