import { freePort } from '../../server/infra/ports.js'

/** Environment for the real server entry (`startServerProcess`) on an existing database: its own port, no demo data, no web app. */
export async function serverEnv(
  databaseUrl: string,
  extra: Record<string, string> = {},
): Promise<Record<string, string>> {
  return {
    DATABASE_URL: databaseUrl,
    PORT: String(await freePort()),
    SEED_DEMO: 'false',
    SERVE_WEB: 'false',
    LOG_LEVEL: 'warn',
    ...extra,
  }
}
