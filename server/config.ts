import { existsSync } from 'node:fs'
import { isIP } from 'node:net'
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
  /** Origins (`scheme://host[:port]`) besides PUBLIC_URL whose pages may call the API from a browser. */
  corsOrigins: string[]
  /** Writes per minute for one signed-in person, or one address when signed out; 0 turns the limit off. */
  rateLimitWrites: number
  /** Sign-in, sign-up, sign-in-link and invitation requests per 15 minutes from one address; 0 turns the limit off. */
  rateLimitAuth: number
  /** Which proxies' X-Forwarded-For/-Proto/-Host to believe: none, any, or these addresses and ranges. */
  trustProxy: boolean | string[]
  /** The bearer token that opens GET /metrics (Prometheus); absent: no metrics are served. */
  metricsToken: string | undefined
  /** The TED poller: imports new notices matching a query for a hub; off unless TED_POLL_QUERY and TED_POLL_HUB are set. */
  tedPoll: TedPollConfig | undefined
}

export interface TedPollConfig {
  /** A TED expert-search query, e.g. `notice-type IN (cn-standard pin-only pmc) AND buyer-country=ITA`. */
  query: string
  /** The name of the hub whose public buyers the notices become. */
  hub: string
  /** TED's search API (https://api.ted.europa.eu). */
  apiUrl: string
  everyMinutes: number
  /** Each poll asks for the notices published in the last this many days. */
  days: number
}

export class ConfigError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid configuration:\n  - ${problems.join('\n  - ')}`)
    this.name = 'ConfigError'
  }
}

type Env = Record<string, string | undefined>

const LOG_LEVELS: readonly LogLevel[] = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']

/** The checkout: the nearest folder above this module with a package.json (server/ from source, dist/ or dist/chunks/ built). */
function projectRoot(from: string): string {
  for (let dir = from; ; dir = path.dirname(dir)) {
    if (existsSync(path.join(dir, 'package.json'))) return dir
    if (dir === path.dirname(dir)) return path.resolve(from, '..')
  }
}

export const PROJECT_ROOT = projectRoot(import.meta.dirname)

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
  if (!LOG_LEVELS.includes(logLevel))
    problems.push(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`)
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
    corsOrigins: readOrigins(read('CORS_ORIGINS'), 'CORS_ORIGINS', problems),
    rateLimitWrites: readCount(read('RATE_LIMIT_WRITES'), 300, 'RATE_LIMIT_WRITES', problems),
    rateLimitAuth: readCount(read('RATE_LIMIT_AUTH'), 30, 'RATE_LIMIT_AUTH', problems),
    trustProxy: readTrustProxy(read('TRUST_PROXY'), problems),
    metricsToken: read('METRICS_TOKEN'),
    tedPoll: readTedPoll(read, problems),
  }
  if (config.metricsToken !== undefined && config.metricsToken.length < 24)
    problems.push('METRICS_TOKEN must be at least 24 characters: it is a password for the metrics')
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

function readTedPoll(read: (name: string) => string | undefined, problems: string[]): TedPollConfig | undefined {
  const query = read('TED_POLL_QUERY')
  const hub = read('TED_POLL_HUB')
  if (query === undefined && hub === undefined) return undefined
  if (query === undefined || hub === undefined) {
    problems.push('TED_POLL_QUERY and TED_POLL_HUB go together: set both to turn the TED poller on, or neither')
    return undefined
  }
  const everyMinutes = readCount(read('TED_POLL_MINUTES'), 60, 'TED_POLL_MINUTES', problems)
  const days = readCount(read('TED_POLL_DAYS'), 7, 'TED_POLL_DAYS', problems)
  if (everyMinutes < 1) problems.push('TED_POLL_MINUTES must be at least 1')
  if (days < 1 || days > 90) problems.push('TED_POLL_DAYS must be between 1 and 90')
  const apiUrl =
    readUrl(read('TED_API_URL'), ['http:', 'https:'], 'TED_API_URL', problems) ?? 'https://api.ted.europa.eu'
  return { query, hub, apiUrl: apiUrl.replace(/\/+$/, ''), everyMinutes, days }
}

function readCount(raw: string | undefined, fallback: number, name: string, problems: string[]): number {
  if (raw === undefined) return fallback
  const value = Number(raw)
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value)) {
    problems.push(`${name} must be a whole number, 0 for no limit (got "${raw}")`)
    return fallback
  }
  return value
}

/** `true`/`false`, or proxy addresses and CIDR ranges separated by commas (`10.0.0.0/8,::1`). */
function readTrustProxy(raw: string | undefined, problems: string[]): boolean | string[] {
  if (raw === undefined || ['0', 'false', 'no', 'off'].includes(raw.toLowerCase())) return false
  if (['1', 'true', 'yes', 'on'].includes(raw.toLowerCase())) return true
  const entries = raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')
  const bad = entries.filter((entry) => {
    if (['loopback', 'linklocal', 'uniquelocal'].includes(entry)) return false
    const [address = '', bits, ...rest] = entry.split('/')
    const family = isIP(address)
    return (
      family === 0 ||
      rest.length > 0 ||
      (bits !== undefined && !(/^\d+$/.test(bits) && Number(bits) <= (family === 4 ? 32 : 128)))
    )
  })
  if (bad.length > 0)
    problems.push(
      `TRUST_PROXY must be true, false, or addresses and ranges such as 10.0.0.0/8 separated by commas (got "${bad.join(', ')}")`,
    )
  return bad.length > 0 ? false : entries
}

/** A comma-separated list of origins such as `https://partner.example.eu`: scheme, host and port only. */
function readOrigins(raw: string | undefined, name: string, problems: string[]): string[] {
  if (raw === undefined) return []
  const origins: string[] = []
  for (const item of raw
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '')) {
    let url: URL | undefined
    try {
      url = new URL(item)
    } catch {
      url = undefined
    }
    const originOnly =
      url !== undefined &&
      url.pathname === '/' &&
      url.search === '' &&
      url.hash === '' &&
      url.username === '' &&
      !item.endsWith('/')
    if (!url || !originOnly || !['http:', 'https:'].includes(url.protocol)) {
      problems.push(`${name} must list origins such as https://partner.example.eu, separated by commas (got "${item}")`)
    } else {
      origins.push(url.origin)
    }
  }
  return origins
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
    metricsToken: config.metricsToken === undefined ? undefined : '***',
  }
}
