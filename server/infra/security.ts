import type { FastifyInstance } from 'fastify'
import fp from 'fastify-plugin'
import helmet from '@fastify/helmet'
import cors from '@fastify/cors'
import type { Config } from '../config.js'

/**
 * Response headers that limit what a browser lets a page do (helmet, with a
 * Content-Security-Policy the built web app runs under), and CORS: closed
 * unless an origin is listed in CORS_ORIGINS.
 */

type Directives = Record<string, string[]>

/**
 * What the web app needs: its own scripts and styles (React sets style
 * properties through the CSSOM, which CSP allows), `data:` images (icons
 * inlined in its CSS), and fetch and the live websocket to its own origin.
 */
export function appDirectives(config: Pick<Config, 'publicUrl'>): Directives {
  const publicUrl = new URL(config.publicUrl)
  const socketOrigin = `${publicUrl.protocol === 'https:' ? 'wss:' : 'ws:'}//${publicUrl.host}`
  return {
    'default-src': ["'self'"],
    'base-uri': ["'none'"],
    'connect-src': ["'self'", socketOrigin],
    'font-src': ["'self'"],
    'form-action': ["'self'"],
    'frame-ancestors': ["'none'"],
    'img-src': ["'self'", 'data:'],
    'manifest-src': ["'self'"],
    'object-src': ["'none'"],
    'script-src': ["'self'"],
    'script-src-attr': ["'none'"],
    'style-src': ["'self'"],
    'worker-src': ["'none'"],
    ...(publicUrl.protocol === 'https:' ? { 'upgrade-insecure-requests': [] } : {}),
  }
}

/** The API documentation page (Swagger UI) also writes inline style elements. */
export function docsDirectives(config: Pick<Config, 'publicUrl'>): Directives {
  const app = appDirectives(config)
  return { ...app, 'style-src': ["'self'", "'unsafe-inline'"] }
}

export const PERMISSIONS_POLICY = 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()'

async function securityPlugin(app: FastifyInstance, options: { config: Config }) {
  const { config } = options
  const https = config.publicUrl.startsWith('https:')
  const docs = docsDirectives(config)
  // Routes added later under /docs (Swagger UI) get their own policy through helmet's route option.
  app.addHook('onRoute', (route) => {
    if (route.url === '/docs' || route.url.startsWith('/docs/')) {
      route.config = {
        ...route.config,
        helmet: { contentSecurityPolicy: { useDefaults: false, directives: docs } },
      } as typeof route.config
    }
  })
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: appDirectives(config) },
    strictTransportSecurity: https ? { maxAge: 31_536_000, includeSubDomains: false } : false,
    xFrameOptions: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
  })
  app.addHook('onRequest', async (_request, reply) => {
    reply.header('permissions-policy', PERMISSIONS_POLICY)
  })

  const allowed = new Set(config.corsOrigins)
  await app.register(cors, {
    // false turns CORS off for the request: no Access-Control-* headers, and a preflight gets a 404.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin) ? origin : false),
    credentials: true,
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'x-csrf-token', 'x-request-id'],
    exposedHeaders: ['retry-after', 'x-request-id', 'content-disposition'],
    maxAge: 600,
  })
}

/** Registered before `access`, so the CORS preflight route needs no access rule of its own. */
export default fp(securityPlugin, { name: 'security', dependencies: ['problems'] })
