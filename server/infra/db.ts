import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import postgres, { type Sql } from 'postgres'
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { Config } from '../config.js'
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js'
import { runMigrations } from './migrate.js'
import * as schema from './schema.js'

export type Database = PostgresJsDatabase<typeof schema>
/** A transaction handle; repositories accept either a `Database` or a `Tx`. */
export type Tx = Parameters<Parameters<Database['transaction']>[0]>[0]
export type DbOrTx = Database | Tx

export const EMBEDDED_DATABASE_NAME = 'meet_the_buyer'

export interface DatabaseHandle {
  url: string
  sql: Sql
  db: Database
  engine: 'embedded' | 'external'
  close(): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    sql: Sql
    db: Database
    database: Pick<DatabaseHandle, 'url' | 'engine'>
  }
}

/**
 * Connects to `DATABASE_URL`, or starts the embedded PostgreSQL when it is not
 * set, then applies migrations. Closing ends the pool, then the embedded server.
 */
export async function openDatabase(config: Config, log: (message: string) => void): Promise<DatabaseHandle> {
  let embedded: EmbeddedDatabase | undefined
  let url = config.databaseUrl
  if (url === undefined) {
    embedded = await startEmbeddedPostgres({ dataDir: config.dataDir, port: config.embeddedDbPort, log })
    await ensureDatabase(embedded.url, EMBEDDED_DATABASE_NAME)
    url = embedded.urlFor(EMBEDDED_DATABASE_NAME)
  }
  try {
    await runMigrations(url)
  } catch (error) {
    await embedded?.stop()
    throw error
  }
  let sql: Sql
  try {
    sql = await openPool(url)
  } catch (error) {
    await embedded?.stop()
    throw error
  }
  return {
    url,
    sql,
    db: drizzle(sql, { schema, casing: 'snake_case' }),
    engine: embedded ? 'embedded' : 'external',
    close: async () => {
      await sql.end({ timeout: 5 })
      await embedded?.stop()
    },
  }
}

/**
 * The app's pool. postgres.js reads the server's array types on every new
 * connection, from a promise nobody awaits: a database that goes away while a
 * connection opens would surface as an unhandled rejection and end the
 * process. The types are read once here, by the first connection; the
 * connections opened later (and reconnections) reuse them.
 */
async function openPool(url: string): Promise<Sql> {
  const sql = postgres(url, { max: 20, onnotice: () => {}, connection: { application_name: 'meet-the-buyer' } })
  await sql`select 1`
  sql.options.fetch_types = false
  return sql
}

async function ensureDatabase(serverUrl: string, name: string): Promise<void> {
  const sql = postgres(serverUrl, { max: 1, onnotice: () => {} })
  try {
    const [found] = await sql`select 1 from pg_database where datname = ${name}`
    if (!found) await sql.unsafe(`create database "${name}"`)
  } finally {
    await sql.end({ timeout: 5 })
  }
}

async function dbPlugin(app: FastifyInstance, options: { config: Config }) {
  const handle = await openDatabase(options.config, (message) => app.log.debug({ source: 'postgres' }, message))
  app.decorate('sql', handle.sql)
  app.decorate('db', handle.db)
  app.decorate('database', { url: handle.url, engine: handle.engine })
  app.addHook('onClose', async () => {
    await handle.close()
  })
}

export default fp(dbPlugin, { name: 'db' })
