import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import postgres from 'postgres'
import { loadConfig } from '../../config.js'
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../../infra/embedded-postgres.js'
import { runMigrations } from '../../infra/migrate.js'
import { freePort } from '../../infra/ports.js'

/** A PostgreSQL server for one-off runs: DATABASE_URL's when set, else an embedded one in a temporary folder. */
export interface TemporaryServer {
  /** A fresh, migrated database on the server; dropped by `close`. */
  createDatabase(): Promise<string>
  close(): Promise<void>
}

function withDatabase(url: string, name: string): string {
  const next = new URL(url)
  next.pathname = `/${name}`
  return next.toString()
}

export async function startTemporaryServer(log: (message: string) => void): Promise<TemporaryServer> {
  let embedded: EmbeddedDatabase | undefined
  let dataDir: string | undefined
  let adminUrl = loadConfig().databaseUrl
  if (!adminUrl) {
    // Mode 755: the embedded server may run as the `postgres` user, who must reach the folder.
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'mtb-rank-'))
    fs.chmodSync(dataDir, 0o755)
    log(`starting an embedded PostgreSQL in ${dataDir}…`)
    embedded = await startEmbeddedPostgres({ dataDir, port: await freePort(), log })
    adminUrl = embedded.url
  }
  const admin = postgres(adminUrl, { max: 1, onnotice: () => {} })
  const created: string[] = []
  return {
    async createDatabase() {
      const name = `mtb_rank_${process.pid}_${created.length + 1}`
      await admin.unsafe(`create database "${name}"`)
      created.push(name)
      const url = withDatabase(adminUrl, name)
      await runMigrations(url)
      return url
    },
    async close() {
      for (const name of created) await admin.unsafe(`drop database if exists "${name}" with (force)`)
      await admin.end()
      if (embedded) await embedded.stop()
      if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true })
    },
  }
}
