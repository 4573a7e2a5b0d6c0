import { loadConfig } from '../../server/config.js'
import { buildApp } from '../../server/app.js'
import { loadDemoData } from '../../seeds/index.js'

/**
 * The platform as `npm start` builds it (demo data included), plus what the
 * soak needs: on request over IPC, a garbage collection then the process's
 * memory (RSS and heap used). Run with --expose-gc.
 */
const config = loadConfig()
const app = await buildApp(config)
await app.ready()
if (config.seedDemo) await loadDemoData(app.db, app.log)
const address = await app.listen({ port: config.port, host: config.host })
process.on('message', (message: { type?: string }) => {
  if (message.type === 'counters') {
    // What the benchmark divides by the requests of a route: statements sent and CPU used meanwhile.
    const { user, system } = process.cpuUsage()
    process.send?.({ type: 'counters', statements: app.database.statements.count, cpuMicros: user + system })
    return
  }
  if (message.type !== 'memory') return
  ;(globalThis as { gc?: () => void }).gc?.()
  const { rss, heapUsed } = process.memoryUsage()
  process.send?.({ type: 'memory', rss, heapUsed })
})
process.on('SIGTERM', () => void app.close().then(() => process.exit(0)))
process.stdout.write(`listening on ${address}\n`)
