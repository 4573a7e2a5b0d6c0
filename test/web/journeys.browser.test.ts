import t from 'tap'
import { mkdirSync } from 'node:fs'
import type { Browser, Page } from 'playwright-core'
import { fixedClock } from '../../server/infra/clock.js'
import { PASSWORD } from '../helpers/accounts.js'
import { finishedRun } from '../helpers/builders.js'
import { launchBrowser, serveApp } from '../helpers/browser.js'
import { recommendationsWorld } from '../helpers/recommendations.js'

/**
 * The SME's and the buyer's main journey, as people walk it: sign in, home, recommendations, request a
 * meeting, agenda, feedback after the meeting, report a contract — clicking and choosing by name, never
 * typing an identifier. In English on a desktop and in Italian on a phone. With DOCS_SCREENSHOTS=1 both runs save the
 * README's pictures under docs/journeys/.
 */

const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i
/** Each language and each width: English on a desktop, Italian on a phone. */
const RUNS = [
  ['en', 1366],
  ['it', 390],
] as const

for (const [language, width] of RUNS) {
  t.test(
    `the SME's and the buyer's journeys in ${language === 'en' ? 'English' : 'Italian'} at ${width} px`,
    async (t) => {
      const clock = fixedClock('2027-04-01T08:00:00Z')
      const { app, url } = await serveApp(t, { clock, outbox: { pollMs: 20 } })
      const w = await recommendationsWorld(app)
      await app.sql`update users set language = ${language}`
      const browser = await launchBrowser(t)
      const docs = process.env.DOCS_SCREENSHOTS === '1' && width === (language === 'en' ? 1366 : 390)
      const shot = async (page: Page, name: string) => {
        if (!docs) return
        mkdirSync('docs/journeys', { recursive: true })
        await page.screenshot({ path: `docs/journeys/${language}-${width}-${name}.png` })
      }
      /** What the person sees: no internal id, nothing wider than the screen. */
      const looks = async (page: Page, where: string) => {
        t.notMatch(await page.innerText('body'), UUID, `${where}: no id is shown`)
        const overflow = await page.evaluate<number>('document.documentElement.scrollWidth - window.innerWidth')
        t.ok(overflow <= 1, `${where}: nothing scrolls sideways (${overflow} px)`)
      }
      const sme = await signInThroughPage(browser, url, 'ada@alpha.example', width)
      const buyer = await signInThroughPage(browser, url, 'anna@nordbahn.example', width)
      const event = `[data-testid="my-event-row"][data-event-id="${w.may}"]`
      const toMyEvents = async (page: Page) => {
        await page.click('[data-testid="home-events"] a[href$="/events"]')
        await page.waitForSelector(event)
      }
      const home = async (page: Page) => {
        await page.click('[data-testid="brand"]')
        await page.waitForSelector('[data-testid="role-home"] [data-testid="home-next-meeting"]')
      }

      // SME: home, then recommendations, then a request from the card.
      await looks(sme, 'SME home')
      const [ada] = await app.sql`select name from users where email = 'ada@alpha.example'`
      t.match(await sme.textContent('h1'), ada!.name, 'the home greets the person')
      await shot(sme, 'sme-home')
      await toMyEvents(sme)
      await sme.click(`${event} [data-testid="my-event-recommendations"]`)
      const nordbahn = '[data-testid="recommendation-row"][data-counterpart="Nordbahn GmbH"]'
      await sme.waitForSelector(nordbahn)
      await looks(sme, 'SME recommendations')
      await sme.click(`${nordbahn} [data-testid="recommendation-request"]`)
      await shot(sme, 'sme-recommendations')
      await sme.click(`${nordbahn} [data-testid="request-send"]`)
      await sme.waitForSelector(`${nordbahn} [data-testid="recommendation-request-status"]`)

      // Buyer: the home says a request waits; the answer keeps the sender's name on the row.
      await buyer.reload()
      const step = `[data-testid="home-step-requests-${w.may}"]`
      await buyer.waitForSelector(step)
      await looks(buyer, 'buyer home')
      await shot(buyer, 'buyer-home')
      await buyer.click(`${step} a`)
      const incoming = '[data-testid="requests-incoming"] [data-testid="request-row"]'
      await buyer.click(`${incoming} [data-testid="request-accept"]`)
      await buyer.waitForSelector(`${incoming}[data-status="accepted"]`)
      t.equal(
        (await buyer.textContent(`${incoming} .row-title`))?.trim(),
        'Alpha Srl',
        'the name stays after accepting',
      )
      await looks(buyer, 'buyer requests')
      // …and asks to meet a recommended SME, which accepts.
      await home(buyer)
      await toMyEvents(buyer)
      await buyer.click(`${event} [data-testid="my-event-recommendations"]`)
      const gamma = '[data-testid="recommendation-row"][data-counterpart="Gamma Srl"]'
      await buyer.click(`${gamma} [data-testid="recommendation-request"]`)
      await buyer.click(`${gamma} [data-testid="request-send"]`)
      await buyer.waitForSelector(`${gamma} [data-testid="recommendation-request-status"]`)
      const [sent] = await app.sql`select id from meeting_requests where to_organisation_id = ${w.ids.gamma}`
      await w.agents.gamma.inject({ method: 'POST', url: `/api/requests/${sent!.id}/accept`, payload: {} })

      // The hub schedules and publishes (its own journey is tested elsewhere).
      const queued = await w.agents.hub.inject({
        method: 'POST',
        url: `/api/events/${w.may}/schedules`,
        payload: { timeLimitSeconds: 2 },
      })
      await app.outbox.drain()
      await finishedRun(w.agents.hub, { eventId: w.may, scheduleId: queued.json().id })
      const published = await w.agents.hub.inject({
        method: 'POST',
        url: `/api/events/${w.may}/schedules/${queued.json().id}/publish`,
      })
      t.equal(published.statusCode, 200, published.body)

      // Both see their next meeting on the home and open the agenda from it.
      for (const [page, other, count] of [
        [sme, 'Nordbahn GmbH', 1],
        [buyer, 'Alpha Srl', 2],
      ] as const) {
        await home(page)
        await page.waitForSelector('[data-testid="home-next-meeting"] a')
        await page.click('[data-testid="home-next-meeting"] a')
        await page.waitForSelector('[data-testid="agenda-item"]')
        t.equal(await page.locator('[data-testid="agenda-item"]').count(), count)
        t.match(await page.textContent('[data-testid="agenda-page"]'), other)
        await looks(page, 'agenda')
      }
      await shot(sme, 'sme-agenda')

      // After the meetings: feedback from the event's day page, then the contract from the meeting held.
      // Six weeks on, the sessions have lapsed: both sign in again.
      clock.set('2027-05-12T12:00:00Z')
      for (const [page, other, who] of [
        [sme, 'Nordbahn GmbH', 'sme'],
        [buyer, 'Gamma Srl', 'buyer'],
      ] as const) {
        await signInOn(page, who === 'sme' ? 'ada@alpha.example' : 'anna@nordbahn.example')
        await toMyEvents(page)
        await page.click(`${event} [data-testid="my-event-today"]`)
        const form = page
          .locator('[data-testid="today-meeting"]', { hasText: other })
          .locator('[data-testid="feedback-form"]')
        await form.locator('[data-testid="feedback-interest"]').selectOption({ index: 1 })
        await form.locator('[data-testid="feedback-save"]').click()
        await form.locator('[data-testid="feedback-saved"]').waitFor()
        await looks(page, `${who} feedback`)
        if (who === 'sme') await shot(page, 'sme-feedback')

        if (width < 600) await page.click('[data-testid="nav-toggle"]')
        await page.click('[data-testid="nav-contracts"]')
        await page.waitForSelector('[data-testid="contract-meeting"] option >> nth=2', { state: 'attached' })
        const meeting = await page
          .locator('[data-testid="contract-meeting"] option', { hasText: other })
          .first()
          .textContent()
        await page.selectOption('[data-testid="contract-meeting"]', { label: meeting! })
        const title = who === 'sme' ? 'Door sensors, 40 trains' : 'Bus batteries'
        await page.fill('[data-testid="contract-title"]', title)
        await page.fill('[data-testid="contract-signedOn"]', '2027-05-12')
        await page.fill('[data-testid="contract-valueEur"]', '120000')
        await page.click('[data-testid="contract-submit"]')
        // The buyer already sees the SME's contract: wait for its own, so the form is saved before it leaves.
        await page.waitForSelector(`[data-testid="contract-row"]:has-text("${title}")`)
        await looks(page, `${who} contracts`)
        if (who === 'sme') await shot(page, 'sme-contract')
      }

      // The buyer's home asks it to confirm the SME's contract; it does.
      await home(buyer)
      const confirm = '[data-testid^="home-step-contract-"]'
      await buyer.waitForSelector(confirm)
      await buyer.click(`${confirm} a`)
      const reported = '[data-testid="contract-row"][data-status="reported"]'
      await buyer.click(`${reported}:has-text("Door sensors") [data-testid="contract-confirm"]`)
      await buyer.waitForSelector('[data-testid="contract-row"][data-status="confirmed"]')
      const contracts =
        await app.sql`select title, status, request_id is not null as "fromMeeting" from contracts order by title`
      t.same(contracts, [
        { title: 'Bus batteries', status: 'reported', fromMeeting: true },
        { title: 'Door sensors, 40 trains', status: 'confirmed', fromMeeting: true },
      ])
    },
  )
}

/** Signs in as a person does: the sign-in page, e-mail and password. */
async function signInThroughPage(browser: Browser, url: string, email: string, width: number): Promise<Page> {
  const context = await browser.newContext({ viewport: { width, height: 900 }, locale: 'en-GB' })
  const page = await context.newPage()
  // The whole suite runs beside it on 2 cores: a page may take longer than Playwright's 30 s default.
  page.setDefaultTimeout(90_000)
  page.on('pageerror', (error) => {
    throw error
  })
  await page.goto(url)
  await signInOn(page, email)
  return page
}

async function signInOn(page: Page, email: string) {
  await page.goto(new URL('/sign-in', page.url()).href)
  await page.click('[data-testid="sign-in-method-password"]')
  await page.fill('input[type="email"]', email)
  await page.fill('input[type="password"]', PASSWORD)
  await page.keyboard.press('Enter')
  await page.waitForSelector('[data-testid="role-home"]')
}
