import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import postgres, { type Sql, type TransactionSql } from 'postgres'
import { drizzle, type PostgresJsDatabase } from 'drizzle-orm/postgres-js'
import type { Config } from '../config.js'
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded-postgres.js'
import { runMigrations } from './migrate.js'
import * as schema from './schema.js'

type DrizzleDatabase = PostgresJsDatabase<typeof schema>
/** A transaction handle; repositories accept either a `Database` or a `Tx`. */
export type Tx = Parameters<Parameters<DrizzleDatabase['transaction']>[0]>[0]

/**
 * Transactions run READ COMMITTED, PostgreSQL's default: the triggers that keep
 * the KPI totals refuse any other level (server/features/outcomes/kpi-totals.contract.ts).
 */
export type TransactionConfig = Omit<NonNullable<Parameters<DrizzleDatabase['transaction']>[1]>, 'isolationLevel'> & {
  isolationLevel?: 'read committed'
}

/** The database, whose transactions take only a READ COMMITTED `TransactionConfig`. */
export type Database = Omit<DrizzleDatabase, 'transaction'> & {
  transaction<T>(run: (tx: Tx) => Promise<T>, config?: TransactionConfig): Promise<T>
}
export type DbOrTx = Database | Tx

export const EMBEDDED_DATABASE_NAME = 'meet_the_buyer'

export interface DatabaseHandle {
  url: string
  sql: Sql
  db: Database
  engine: 'embedded' | 'external'
  /** Statements sent by the pool since it opened: what a test or a benchmark reads to count round trips. */
  statements: { count: number }
  close(): Promise<void>
}

declare module 'fastify' {
  interface FastifyInstance {
    sql: Sql
    db: Database
    database: Pick<DatabaseHandle, 'url' | 'engine' | 'statements'>
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
  const statements = { count: 0 }
  try {
    sql = await openPool(url, statements)
  } catch (error) {
    await embedded?.stop()
    throw error
  }
  return {
    url,
    sql,
    db: drizzle(sql, { schema, casing: 'snake_case' }),
    engine: embedded ? 'embedded' : 'external',
    statements,
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
async function openPool(url: string, statements: { count: number }): Promise<Sql> {
  // Reconnection waits at most 2 s (postgres.js waits up to 20 s by default), so service and LISTEN resume soon after the database does.
  const sql = postgres(url, {
    max: 20,
    onnotice: () => {},
    backoff: (retries) => Math.min(2 ** retries / 20, 2),
    connection: { application_name: 'meet-the-buyer' },
    debug: () => {
      statements.count++
    },
  })
  await sql`select 1`
  sql.options.fetch_types = false
  guardTransactions(sql)
  return sql
}

/** Errors that mean the connection itself is gone (closed, reset, or the server shutting down). */
const CONNECTION_LOST = new Set(['CONNECTION_CLOSED', 'CONNECTION_DESTROYED', 'ECONNRESET', 'EPIPE', '57P01', '57P02'])

function connectionLost(error: unknown): boolean {
  for (let e = error; e instanceof Error; e = e.cause) {
    if (CONNECTION_LOST.has(String((e as { code?: unknown }).code))) return true
  }
  return false
}

type TransactionBody = (tx: TransactionSql) => unknown

/**
 * postgres.js writes on a transaction's connection after it closed: ROLLBACK
 * after a body that failed because of the close, COMMIT after a body that
 * ended after it, or the body's next statement. The write then runs on a
 * closed socket and throws outside any promise (porsager/postgres#1208),
 * ending the process; a database restart under load did exactly that. Once
 * the connection is gone the transaction already rejects with the close
 * (postgres.js races the body against it), so the guard keeps the body from
 * writing: its statements are refused, and its outcome is left unsettled so
 * no ROLLBACK or COMMIT follows.
 */
function guardTransactions(sql: Sql): void {
  const begin = sql.begin.bind(sql) as (options: string, body: TransactionBody) => Promise<unknown>
  const guarded = (options: string | TransactionBody, body?: TransactionBody) => {
    const [mode, fn] = typeof options === 'string' ? [options, body!] : ['', options]
    const state = { lost: false }
    const done = begin(mode, (tx) => unlessLost(fn(guardHandle(tx, state)), state))
    done.catch((error: unknown) => {
      if (connectionLost(error)) state.lost = true
    })
    return done
  }
  Object.assign(sql, { begin: guarded })
}

const never = () => new Promise<never>(() => {})

function unlessLost(result: unknown, state: { lost: boolean }): Promise<unknown> {
  return Promise.resolve(Array.isArray(result) ? Promise.all(result) : result).then(
    (value) => (state.lost ? never() : value),
    (error: unknown) => (state.lost || connectionLost(error) ? never() : Promise.reject(error)),
  )
}

function guardHandle(tx: TransactionSql, state: { lost: boolean }): TransactionSql {
  const refuse = () => {
    if (state.lost) throw Object.assign(new Error("the transaction's connection closed"), { code: 'CONNECTION_CLOSED' })
  }
  return new Proxy(tx, {
    apply: (target, thisArg, args: unknown[]) => (refuse(), Reflect.apply(target, thisArg, args)),
    get: (target, property, receiver) => {
      if (property === 'unsafe')
        return (...args: Parameters<TransactionSql['unsafe']>) => (refuse(), target.unsafe(...args))
      if (property === 'savepoint') {
        return (name: string | TransactionBody, body?: TransactionBody) => {
          const [label, fn] = typeof name === 'string' ? [name, body!] : [undefined, name]
          refuse()
          const wrapped = (sp: TransactionSql) => unlessLost(fn(guardHandle(sp, state)), state)
          return label === undefined ? target.savepoint(wrapped) : target.savepoint(label, wrapped)
        }
      }
      return Reflect.get(target, property, receiver) as unknown
    },
  })
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
  app.decorate('database', { url: handle.url, engine: handle.engine, statements: handle.statements })
  app.addHook('onClose', async () => {
    await handle.close()
  })
}

export default fp(dbPlugin, { name: 'db' })
