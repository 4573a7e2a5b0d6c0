import t from 'tap'
import type { Page } from 'playwright-core'
import { launchBrowser, serveApp } from '../helpers/browser.js'
import { PASSWORD } from '../helpers/accounts.js'
import { publishedEvent } from '../helpers/event-day.js'
import { fixedClock } from '../../server/infra/clock.js'

/** Records every Content-Security-Policy violation the page reports, and console errors. */
async function watch(page: Page) {
  const violations: string[] = []
  const errors: string[] = []
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text))
  await page.addInitScript(`document.addEventListener('securitypolicyviolation', (event) => {
    window.reportViolation(event.violatedDirective + ' ' + event.blockedURI + ' ' + event.sourceFile + ':' + event.lineNumber)
  })`)
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(message.text())
  })
  return { violations, errors }
}

t.test(
  'the web app signs in, shows the agenda with its QR badge and follows the event live under the Content-Security-Policy',
  async (t) => {
    // The morning of the event: check-in is open on the event's days only.
    const { app, url } = await serveApp(t, { clock: fixedClock('2027-03-10T07:50:00Z'), outbox: { pollMs: 100 } })
    const w = await publishedEvent(app)
    const browser = await launchBrowser(t)
    const page = await browser.newPage({ locale: 'en-GB' })
    const seen = await watch(page)

    const first = await page.goto(`${url}/sign-in`)
    t.match(first?.headers()['content-security-policy'], /script-src 'self'/, 'the page is served under the policy')
    await page.click('[data-testid="sign-in-method-password"]')
    await page.fill('[data-testid="password-email"]', 'ada@alpha.example')
    await page.fill('[data-testid="password-password"]', PASSWORD)
    await page.click('[data-testid="password-submit"]')
    await page.waitForURL((address) => !address.pathname.startsWith('/sign-in'))

    await page.goto(`${url}/events/${w.event.id}/agenda?org=${w.a.orgId}`)
    await page.waitForSelector('[data-testid="agenda-item"]')
    await page.waitForSelector('.badge-qr svg path')
    t.ok(await page.isVisible('.badge-qr svg'), 'the QR badge is drawn')

    await page.goto(`${url}/events/${w.event.id}/today`)
    await page.waitForSelector('[data-testid="live-state"][data-state="live"]')
    await page.click('[data-testid="self-check-in"]')
    await page.waitForSelector('[data-testid="checked-in"]')
    t.pass('the live websocket connects and a write with the CSRF token goes through')

    t.same(seen.violations, [], 'no policy violation')
    t.same(
      seen.errors.filter((text) => /Content Security Policy|Refused/i.test(text)),
      [],
      'no refused resource in the console',
    )
  },
)

t.test('the API documentation page renders under its own policy', async (t) => {
  const { url } = await serveApp(t)
  const browser = await launchBrowser(t)
  const page = await browser.newPage({ locale: 'en-GB' })
  const seen = await watch(page)
  await page.goto(`${url}/docs`)
  await page.waitForSelector('.swagger-ui .opblock-tag')
  const tags = await page.locator('.opblock-tag').allTextContents()
  t.ok(
    tags.some((tag) => tag.startsWith('auth')),
    `the operations are listed by tag (${tags.join(', ')})`,
  )
  t.same(seen.violations, [], 'no policy violation')
})
