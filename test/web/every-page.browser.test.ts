import t from 'tap'
import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { fixedClock } from '../../server/infra/clock.js'
import { demoDataSets, loadDemoData } from '../../seeds/index.js'
import { DEMO_PASSWORD } from '../../seeds/demo/accounts.js'
import { signIn } from '../helpers/accounts.js'
import { launchBrowser, serveApp } from '../helpers/browser.js'

/**
 * Every page each demo role reaches by clicking, from its home: what a person sees must hold no internal
 * id, no field may ask for one, nothing may scroll sideways at 1366 px or on a 390 px phone, no script may
 * fail, and axe-core finds no serious or critical WCAG 2.1 AA violation.
 */

const AXE = createRequire(import.meta.url).resolve('axe-core/axe.min.js')
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
const ID_FIELD = /\b(id|ids|identifier|uuid)\b|identificativo/i
/** Pages of one kind are checked once: the first offer stands for all offers. */
const pattern = (path: string) => path.replace(new RegExp(UUID.source, 'gi'), ':id').replace(/\?.*$/, '')
const MAX_PAGES = 40

const ROLES = [
  ['sme', 'sme@demo.meet-the-buyer.eu'],
  ['buyer', 'buyer@demo.meet-the-buyer.eu'],
  ['hub', 'organiser@demo.meet-the-buyer.eu'],
  ['authority', 'authority@demo.meet-the-buyer.eu'],
] as const

t.setTimeout(900_000)

t.test('every page each demo role can reach is readable, id-free, accessible and fits the screen', async (t) => {
  const clock = fixedClock('2026-11-24T08:00:00Z')
  // The outbox stays off: recommendations are not recomputed, so their pages show their empty state.
  const { app, url } = await serveApp(t, { clock, outbox: { start: false } })
  await loadDemoData(app.db, { info: () => {} }, demoDataSets, clock)
  const browser = await launchBrowser(t)

  for (const [role, email] of ROLES) {
    const cookie = (await signIn(app, email, DEMO_PASSWORD)).cookie
    // At 1366 px in English the crawl inspects each page as it finds it; the phone pass reads them again.
    const pages = await crawl(browser, url, cookie, (path, found) =>
      t.same(found, [], `${role} 1366 px en ${pattern(path)}`),
    )
    t.ok(pages.length >= 5, `${role}: ${pages.length} pages reached by clicking (${pages.map(pattern).join(', ')})`)
    const phone = await newPage(browser, url, cookie, 390, 'it')
    for (const path of pages) t.same(await inspect(phone, url + path, false), [], `${role} 390 px it ${pattern(path)}`)
    await phone.context().close()
  }
})

async function newPage(browser: Browser, url: string, cookie: string, width: number, language: 'en' | 'it') {
  const context = await browser.newContext({
    viewport: { width, height: 900 },
    locale: language === 'it' ? 'it-IT' : 'en-GB',
    bypassCSP: true, // axe-core is injected as a script of the page
  })
  await context.addCookies([{ name: 'mtb_session', value: cookie, url }])
  await context.addInitScript(`localStorage.setItem('mtb.lang', '${language}')`)
  return context.newPage()
}

/** The site's own pages a person can click to from the home page, one per kind, breadth first. */
async function crawl(
  browser: Browser,
  url: string,
  cookie: string,
  report: (path: string, found: string[]) => void,
): Promise<string[]> {
  const page = await newPage(browser, url, cookie, 1366, 'en')
  const seen = new Set<string>()
  const found: string[] = []
  const queue = ['/']
  while (queue.length > 0 && found.length < MAX_PAGES) {
    const path = queue.shift()!
    if (seen.has(pattern(path))) continue
    seen.add(pattern(path))
    found.push(path)
    report(path, await inspect(page, url + path, true))
    const links = await page.$$eval('a[href^="/"]', (anchors) => anchors.map((a) => a.getAttribute('href') ?? ''))
    for (const link of links)
      if (!link.startsWith('/api') && !link.startsWith('/docs') && !link.startsWith('/dev') && !seen.has(pattern(link)))
        queue.push(link.replace(/#.*$/, ''))
  }
  await page.context().close()
  return found
}

async function open(page: Page, address: string) {
  await page.goto(address)
  await page.waitForLoadState('networkidle')
  await page.waitForFunction('!document.querySelector(\'[data-testid="loading"]\')', undefined, { timeout: 10_000 })
}

/** What is wrong with the page as a person meets it; nothing when all is well. */
async function inspect(page: Page, address: string, withAxe: boolean): Promise<string[]> {
  const problems: string[] = []
  const onError = (error: Error) => problems.push(`page error: ${error.message}`)
  page.on('pageerror', onError)
  await open(page, address)
  const text = await page.innerText('body')
  const uuid = UUID.exec(text)
  if (uuid) problems.push(`an id is shown: …${text.slice(Math.max(0, uuid.index - 40), uuid.index + 36)}`)
  const labels = await page.$$eval('input, select, textarea', (controls) =>
    controls.map((c) => {
      const id = c.getAttribute('id')
      const label = id ? c.ownerDocument.querySelector(`label[for="${id}"]`)?.textContent : null
      return `${label ?? ''} ${c.getAttribute('aria-label') ?? ''} ${c.getAttribute('placeholder') ?? ''}`
    }),
  )
  for (const label of labels) if (ID_FIELD.test(label)) problems.push(`a field asks for an id: ${label.trim()}`)
  const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
  if (overflow > 1) problems.push(`the page scrolls sideways by ${overflow} px`)
  if (withAxe) {
    await page.addScriptTag({ path: AXE })
    const violations = await page.evaluate<AxeViolation[]>(
      `axe.run({ runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } }).then((r) => r.violations)`,
    )
    problems.push(
      ...violations
        .filter((v) => v.impact === 'serious' || v.impact === 'critical')
        .map(
          (v) =>
            `${v.id} (${v.impact}): ${v.nodes
              .map((n) => n.target.join(' '))
              .slice(0, 3)
              .join(' | ')}`,
        ),
    )
  }
  page.off('pageerror', onError)
  return problems
}

interface AxeViolation {
  id: string
  impact: string | null
  nodes: { target: string[] }[]
}
