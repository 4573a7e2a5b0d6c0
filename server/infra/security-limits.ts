import type { FastifyInstance, FastifyRequest } from 'fastify'
import fp from 'fastify-plugin'
import type { Config } from '../config.js'
import { createRateLimiter, type RateRule } from './rate-limit.js'

/**
 * Every write (POST, PUT, PATCH, DELETE) is counted: per person when signed
 * in, per address otherwise. The public routes that sign people in or create
 * accounts have a stricter limit per address, on top of the per-e-mail limits
 * the accounts service keeps. Reads are never counted.
 */

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/** Routes bots guess passwords, links and invitations at. */
export const AUTH_ROUTES = new Set([
  '/api/auth/sign-up',
  '/api/auth/magic-link',
  '/api/auth/magic-link/verify',
  '/api/auth/password',
  '/api/invitations/accept',
])

export const WRITE_WINDOW_SECONDS = 60
export const AUTH_WINDOW_SECONDS = 900

export function writeRule(
  request: FastifyRequest,
  config: Pick<Config, 'rateLimitWrites' | 'rateLimitAuth'>,
): RateRule | undefined {
  if (SAFE_METHODS.has(request.method)) return undefined
  if (AUTH_ROUTES.has(request.routeOptions.url ?? '')) {
    return config.rateLimitAuth > 0
      ? { key: `auth:ip:${request.ip}`, limit: config.rateLimitAuth, windowSeconds: AUTH_WINDOW_SECONDS }
      : undefined
  }
  if (config.rateLimitWrites === 0) return undefined
  const who = request.auth ? `user:${request.auth.userId}` : `ip:${request.ip}`
  return { key: `writes:${who}`, limit: config.rateLimitWrites, windowSeconds: WRITE_WINDOW_SECONDS }
}

async function writeLimitsPlugin(app: FastifyInstance, options: { config: Config }) {
  const limiter = createRateLimiter(app.db, app.clock)
  // After `access` resolved the session, before its origin, CSRF and permission checks: refused writes count too.
  app.addHook('onRequest', async (request) => {
    const rule = writeRule(request, options.config)
    if (rule) await limiter.consume(rule)
  })
}

export default fp(writeLimitsPlugin, { name: 'write-limits', dependencies: ['db', 'clock', 'access', 'problems'] })
