import { buildApp } from '../app.js'
import { loadConfig } from '../config.js'
import { createServices } from '../features/index.js'
import type { IndexName } from '../infra/search/search.types.js'
import type { CliCommand } from './index.js'
import { progressBar } from './progress.js'

/** Rebuilds the search indexes from PostgreSQL, the source of truth. */
export const runReindex: CliCommand['run'] = async () => {
  const config = { ...loadConfig(), serveWeb: false, seedDemo: false }
  const app = await buildApp(config, { logger: false, outbox: { start: false } })
  try {
    await app.ready()
    const bars: Record<IndexName, ReturnType<typeof progressBar>> = {
      offers: progressBar('offers'),
      needs: progressBar('needs'),
    }
    const started = performance.now()
    const counts = await createServices(app, config).catalogue.reindex((done, total, index) => bars[index](done, total))
    const seconds = (performance.now() - started) / 1000
    process.stdout.write(
      `${JSON.stringify({ engine: app.searchEngine.name, ...counts, seconds: Number(seconds.toFixed(2)) })}\n`,
    )
    return 0
  } finally {
    await app.close()
  }
}
