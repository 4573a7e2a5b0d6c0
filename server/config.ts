import path from 'node:path'

/**
 * The one reader of the environment. Everything else receives a typed `Config`.
 * Bad values stop start-up with one message naming every bad variable.
 */

export type LogLevel = 'fatal' | 'error' | 'warn' | 'info' | 'debug' | 'trace' | 'silent'

export interface Config {
  port: number
  host: string
  /** Where the embedded PostgreSQL keeps its data (used only without DATABASE_URL). */
  dataDir: string
  /** External PostgreSQL; when absent the embedded server is started. */
  databaseUrl: string | undefined
  /** Port of the embedded PostgreSQL. */
  embeddedDbPort: number
  meiliHost: string | undefined
  meiliApiKey: string | undefined
  /** External SMTP server; when absent mail is captured locally. */
  smtpUrl: string | undefined
  mailFrom: string
  /** Address people reach the platform at, used in e-mail links. */
  publicUrl: string
  logLevel: LogLevel
  /** Load demo data into an empty database at start. */
  seedDemo: boolean
  /** Serve the built web app from web/dist. */
  serveWeb: boolean
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

export const PROJECT_ROOT = path.resolve(import.meta.dirname, '..')

export function loadConfig(env: Env = process.env): Config {
  const problems: string[] = []
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim()
    return value === '' ? undefined : value
  }

  const port = readPort(read('PORT'), 3000, 'PORT', problems)
  const host = read('HOST') ?? '127.0.0.1'
  const databaseUrl = readUrl(read('DATABASE_URL'), ['postgres:', 'postgresql:'], 'DATABASE_URL', problems)
  const meiliHost = readUrl(read('MEILI_HOST'), ['http:', 'https:'], 'MEILI_HOST', problems)
  const smtpUrl = readUrl(read('SMTP_URL'), ['smtp:', 'smtps:'], 'SMTP_URL', problems)
  const publicUrl =
    readUrl(read('PUBLIC_URL'), ['http:', 'https:'], 'PUBLIC_URL', problems) ??
    `http://${host === '0.0.0.0' ? '127.0.0.1' : host}:${port}`
  const logLevel = (read('LOG_LEVEL') ?? 'info') as LogLevel
  if (!LOG_LEVELS.includes(logLevel)) problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`)
  const mailFrom = read('MAIL_FROM') ?? 'Meet the Buyer <no-reply@meet-the-buyer.local>'
  if (!/@/.test(mailFrom)) problems.push(`MAIL_FROM must contain an e-mail address (got "${mailFrom}")`)

  const config: Config = {
    port,
    host,
    dataDir: path.resolve(PROJECT_ROOT, read('DATA_DIR') ?? 'data'),
    databaseUrl,
    embeddedDbPort: readPort(read('EMBEDDED_DB_PORT'), 54329, 'EMBEDDED_DB_PORT', problems),
    meiliHost,
    meiliApiKey: read('MEILI_API_KEY'),
    smtpUrl,
    mailFrom,
    publicUrl: publicUrl.replace(/\/+$/, ''),
    logLevel,
    seedDemo: readBool(read('SEED_DEMO'), true, 'SEED_DEMO', problems),
    serveWeb: readBool(read('SERVE_WEB'), true, 'SERVE_WEB', problems),
  }
  if (meiliHost === undefined && config.meiliApiKey !== undefined) {
    problems.push('MEILI_API_KEY is set but MEILI_HOST is not: set both to use Meilisearch')
  }
  if (problems.length > 0) throw new ConfigError(problems)
  return config
}

function readPort(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 65535) {
    problems.push(`${name} must be a port number between 0 and 65535 (got "${raw}")`)
    return fallback
  }
  return value
}

function readUrl(raw: string | undefined, protocols: string[], name: string, problems: string[]): string | undefined {
  if (raw === undefined) return undefined
  try {
    const url = new URL(raw)
    if (!protocols.includes(url.protocol)) {
      problems.push(`${name} must start with ${protocols.map((p) => `${p}//`).join(' or ')} (got "${redact(raw)}")`)
      return undefined
    }
    return raw
  } catch {
    problems.push(`${name} is not a valid URL (got "${redact(raw)}")`)
    return undefined
  }
}

function readBool(raw: string | undefined, fallback: boolean, name: string, problems: string[]): boolean {
  if (raw === undefined) return fallback
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true
  if (['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false
  problems.push(`${name} must be true or false (got "${raw}")`)
  return fallback
}

/** Hides the password part of a URL so configuration can be printed and logged. */
export function redact(raw: string): string {
  return raw.replace(/\/\/([^:/@]+):([^@]+)@/, '//$1:***@')
}

/** The configuration as it may be shown to an operator: secrets hidden. */
export function describeConfig(config: Config): Record<string, unknown> {
  return {
    ...config,
    databaseUrl: config.databaseUrl === undefined ? undefined : redact(config.databaseUrl),
    smtpUrl: config.smtpUrl === undefined ? undefined : redact(config.smtpUrl),
    meiliApiKey: config.meiliApiKey === undefined ? undefined : '***',
  }
}
