import { existsSync } from 'node:fs'
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core'
import type { FastifyInstance } from 'fastify'
import { build, type BuildOptions } from './build.js'

interface TestContext {
  teardown(fn: () => unknown): void
}

export const CHROMIUM = '/usr/bin/chromium'

/** Debian's Chromium, headless; `.ci/run` installs it. Closed on teardown. */
export async function launchBrowser(t: TestContext): Promise<Browser> {
  if (!existsSync(CHROMIUM)) throw new Error(`${CHROMIUM} is missing: apt-get install -y chromium`)
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--disable-background-networking',
      '--disable-component-update',
      '--no-first-run',
      '--disable-sync',
    ],
  })
  t.teardown(() => browser.close())
  return browser
}

/** The app with the built web page, listening on a free loopback port. */
export async function serveApp(
  t: TestContext,
  options: BuildOptions = {},
): Promise<{ app: FastifyInstance; url: string }> {
  const app = await build(t, { ...options, env: { SERVE_WEB: 'true', ...options.env } })
  const url = await app.listen({ port: 0, host: '127.0.0.1' })
  return { app, url }
}

/** A page in a new browser context (English by default) carrying a session cookie for `url`. */
export async function pageWithSession(
  browser: Browser,
  url: string,
  cookie: string,
  options: BrowserContextOptions = {},
): Promise<Page> {
  const context = await browser.newContext({ locale: 'en-GB', ...options })
  await context.addCookies([{ name: 'mtb_session', value: cookie, url }])
  return context.newPage()
}

/**
 * Waits until `check` holds, polling from the test's side: the pages run under
 * a CSP without 'unsafe-eval', so string predicates cannot run in the page.
 */
export async function waitUntil(check: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 50))
  }
}
