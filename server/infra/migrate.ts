import path from 'node:path'
import { drizzle } from 'drizzle-orm/postgres-js'
import { migrate } from 'drizzle-orm/postgres-js/migrator'
import postgres from 'postgres'
import { PROJECT_ROOT } from '../config.js'

export const MIGRATIONS_FOLDER = path.join(PROJECT_ROOT, 'drizzle')

/** Any number from our own range; several instances starting together migrate one at a time. */
const MIGRATION_LOCK = 7_240_311

/** Applies the committed SQL migrations in `drizzle/` on one connection, under an advisory lock. */
export async function runMigrations(databaseUrl: string): Promise<void> {
  const sql = postgres(databaseUrl, { max: 1, onnotice: () => {} })
  try {
    await sql`select pg_advisory_lock(${MIGRATION_LOCK})`
    await migrate(drizzle(sql), { migrationsFolder: MIGRATIONS_FOLDER })
    await sql`select pg_advisory_unlock(${MIGRATION_LOCK})`
  } finally {
    await sql.end({ timeout: 5 })
  }
}
