import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify'
import fastifyStatic from '@fastify/static'
import { PROJECT_ROOT } from '../config.js'
import { commonProblems } from './problems.js'
import { access, markRoutesPublic } from './access.js'

export const WEB_DIST = path.join(PROJECT_ROOT, 'web', 'dist')

/** Paths that belong to the API: an unknown one is a problem 404, never the web page. */
const API_PREFIXES = ['/api', '/docs', '/health', '/ws']

/**
 * Serves the built single-page app: its files as they are, and index.html for
 * any other page a browser asks for, so client-side routes survive a reload.
 */
export default async function webPlugin(app: FastifyInstance, options: { distDir?: string }) {
  const distDir = options.distDir ?? WEB_DIST
  const indexFile = path.join(distDir, 'index.html')
  if (!existsSync(indexFile)) {
    app.log.warn(`no web build in ${distDir}; run "npm run build:web" to serve the web app`)
    return
  }
  const indexHtml = readFileSync(indexFile, 'utf8')
  markRoutesPublic(app)
  await app.register(fastifyStatic, {
    root: distDir,
    wildcard: false,
    index: false,
    setHeaders: (reply, filePath) => {
      if (filePath.includes(`${path.sep}assets${path.sep}`))
        reply.header('cache-control', 'public, max-age=31536000, immutable')
    },
  })
  const sendIndex = async (request: FastifyRequest, reply: FastifyReply) => {
    if (!wantsPage(request))
      throw commonProblems.notFound(`Nothing is served at ${request.method} ${request.url.split('?')[0]}`)
    return reply.type('text/html; charset=utf-8').header('cache-control', 'no-cache').send(indexHtml)
  }
  app.get('/', { schema: { hide: true }, config: { access: access.public } }, sendIndex)
  app.get('/*', { schema: { hide: true }, config: { access: access.public } }, sendIndex)
}

function wantsPage(request: FastifyRequest): boolean {
  const pathname = request.url.split('?')[0] ?? '/'
  if (API_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`))) return false
  if (path.extname(pathname) !== '') return false
  const accept = request.headers.accept ?? ''
  return accept === '' || accept.includes('text/html') || accept.includes('*/*')
}
