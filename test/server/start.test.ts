import t from 'tap'
import { existsSync, mkdirSync, rmSync } from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { freePort } from '../../server/infra/ports.js'
import { startServerProcess } from '../helpers/process.js'

t.test(
  'npm start on an empty data folder runs an embedded PostgreSQL, serves, and stops cleanly; a second start reuses the data',
  async (t) => {
    const dataDir = path.join(os.tmpdir(), `mtb-start-${process.pid}`)
    mkdirSync(dataDir, { recursive: true, mode: 0o755 })
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    }
    const base = `http://127.0.0.1:${env.PORT}`

    for (const run of ['first', 'second']) {
      const server = await startServerProcess(env)
      t.match(server.output(), `Meet the Buyer is running at ${base}`, `${run} start prints its address`)
      const health = await fetch(`${base}/health`)
      t.equal(health.status, 200, `${run} start is healthy`)
      t.match(await health.json(), { status: 'ok', database: { state: 'up', engine: 'postgres (embedded)' } })
      const page = await fetch(`${base}/`, { headers: { accept: 'text/html' } })
      t.equal(page.status, 200)
      t.match(page.headers.get('content-type'), /^text\/html; charset=utf-8/)
      t.match(await page.text(), /<div id="root">/)
      t.equal(await server.stop('SIGTERM'), 0, `${run} start exits 0 on SIGTERM`)
      t.notOk(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'the embedded PostgreSQL stopped with it')
    }
    t.ok(existsSync(path.join(dataDir, 'pg', 'PG_VERSION')), 'the data folder is kept')
  },
)

t.test(
  'a server killed with SIGKILL leaves PostgreSQL behind; the next start stops it and starts cleanly',
  async (t) => {
    const dataDir = path.join(os.tmpdir(), `mtb-kill-${process.pid}`)
    mkdirSync(dataDir, { recursive: true, mode: 0o755 })
    t.teardown(() => rmSync(dataDir, { recursive: true, force: true }))
    const env = {
      DATA_DIR: dataDir,
      EMBEDDED_DB_PORT: String(await freePort()),
      PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
      SEED_DEMO: 'false',
    }
    const killed = await startServerProcess(env)
    await killed.stop('SIGKILL')
    t.ok(existsSync(path.join(dataDir, 'pg', 'postmaster.pid')), 'PostgreSQL is still running')
    const server = await startServerProcess(env)
    const health = await fetch(`http://127.0.0.1:${env.PORT}/health`)
    t.equal(health.status, 200)
    t.equal(await server.stop('SIGINT'), 0)
  },
)

t.test('bad configuration stops start-up with one clear message', async (t) => {
  await t.rejects(
    startServerProcess({ PORT: 'http', SMTP_URL: 'ftp://x' }, 20_000),
    /Invalid configuration:\n {2}- PORT must be a port number[\s\S]*SMTP_URL must start with smtp:\/\/ or smtps:\/\//,
  )
})
