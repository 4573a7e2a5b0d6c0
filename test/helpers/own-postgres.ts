import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../server/infra/embedded-postgres.js'
import { runMigrations } from '../../server/infra/migrate.js'
import { freePort } from '../../server/infra/ports.js'

interface TestContext {
  teardown(fn: () => unknown): void
}

export interface OwnPostgres {
  /** A migrated database on this server. */
  url: string
  /** Stops the server (fast shutdown: open connections are cut). */
  stop(): Promise<void>
  /** Starts it again on the same data and port. */
  start(): Promise<void>
}

/**
 * A PostgreSQL server of the test's own (embedded, in a temporary folder), for
 * tests that stop and restart the database; the shared test server is never touched.
 */
export async function startOwnPostgres(t: TestContext): Promise<OwnPostgres> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtb-own-pg-'))
  fs.chmodSync(dataDir, 0o755)
  const port = await freePort()
  let server: EmbeddedDatabase | undefined = await startEmbeddedPostgres({ dataDir, port })
  const admin = postgres(server.url, { max: 1, onnotice: () => {} })
  await admin`create database app`
  await admin.end()
  const url = server.urlFor('app')
  await runMigrations(url)
  const stop = async () => {
    const running = server
    server = undefined
    await running?.stop()
  }
  t.teardown(async () => {
    await stop()
    fs.rmSync(dataDir, { recursive: true, force: true })
  })
  return {
    url,
    stop,
    start: async () => {
      server ??= await startEmbeddedPostgres({ dataDir, port })
    },
  }
}
