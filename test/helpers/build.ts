import type { FastifyInstance, FastifyPluginAsync } from 'fastify'
import { buildApp, type AppOptions } from '../../server/app.js'
import { loadConfig, type Config } from '../../server/config.js'
import { createTestDatabase } from './db.js'

interface TestContext {
  teardown(fn: () => unknown): void
}

export interface BuildOptions extends AppOptions {
  /** Environment on top of the test defaults, read through the real config loader. */
  env?: Record<string, string>
  /** Reuse a database (e.g. to start a second instance on it). */
  databaseUrl?: string
  /** Extra plugins registered after the features, before the app is ready. */
  plugins?: FastifyPluginAsync[]
}

/**
 * The test configuration: a fresh database, no demo data, silent logs. Tests
 * often stop the clock, so one rate-limit window would span a whole file: the
 * write limit is raised (test/infra/write-limits.test.ts sets its own).
 */
export async function testConfig(t: TestContext, options: BuildOptions = {}): Promise<Config> {
  const databaseUrl = options.databaseUrl ?? (await createTestDatabase(t))
  return loadConfig({
    DATABASE_URL: databaseUrl,
    LOG_LEVEL: 'silent',
    SEED_DEMO: 'false',
    SERVE_WEB: 'false',
    RATE_LIMIT_WRITES: '100000',
    ...options.env,
  })
}

/** The whole app on its own database, driven through `app.inject`; closed on teardown. */
export async function build(t: TestContext, options: BuildOptions = {}): Promise<FastifyInstance> {
  const config = await testConfig(t, options)
  const { env: _env, databaseUrl: _url, plugins = [], ...appOptions } = options
  const app = await buildApp(config, { logger: false, ...appOptions })
  t.teardown(() => app.close())
  for (const plugin of plugins) await app.register(plugin)
  await app.ready()
  return app
}
