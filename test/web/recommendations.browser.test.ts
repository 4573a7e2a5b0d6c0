import t from 'tap'
import { launchBrowser, serveApp, waitUntil, pageWithSession } from '../helpers/browser.js'
import { signIn } from '../helpers/accounts.js'
import { recommendationsWorld } from '../helpers/recommendations.js'

t.test(
  'an SME marks a buyer "must meet", the buyer marks "meet", and the hub turns the mutual pair into a request',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { start: false } })
    const w = await recommendationsWorld(app)
    const browser = await launchBrowser(t)
    const pageAs = async (email: string, locale = 'en-GB') =>
      pageWithSession(browser, url, (await signIn(app, email)).cookie, { locale })

    const smePage = await pageAs('ada@alpha.example')
    await smePage.goto(`${url}/organisations/${w.ids.alpha}/events`)
    await smePage.click(
      `[data-testid="my-event-row"][data-event-id="${w.may}"] [data-testid="my-event-recommendations"]`,
    )
    await smePage.waitForSelector('[data-testid="recommendation-row"]')
    const rows = smePage.locator('[data-testid="recommendation-row"]')
    t.same(
      [
        await rows.nth(0).getAttribute('data-counterpart'),
        await rows.nth(1).getAttribute('data-counterpart'),
        await rows.count(),
      ],
      ['Torino Trasporti SpA', 'Nordbahn GmbH', 2],
      'best first',
    )
    const nordbahn = '[data-testid="recommendation-row"][data-counterpart="Nordbahn GmbH"]'
    t.match(await smePage.textContent(`${nordbahn} [data-testid="match-reason"]`), /^same CPV code 34121000/)
    await smePage.click(`${nordbahn} [data-testid="mark-must_meet"]`)
    await smePage.waitForSelector(`${nordbahn}[data-mark="must_meet"]`)

    await app.sql`update users set language = 'it' where email = 'anna@nordbahn.example'`
    const buyerPage = await pageAs('anna@nordbahn.example', 'it-IT')
    await buyerPage.goto(`${url}/events/${w.may}/recommendations/${w.ids.nordbahn}`)
    const alpha = '[data-testid="recommendation-row"][data-counterpart="Alpha Srl"]'
    await buyerPage.waitForSelector(alpha)
    t.match(
      await buyerPage.textContent(`${alpha} [data-testid="match-reason"]`),
      /^stesso codice CPV 34121000/,
      'the reason in the reader’s language',
    )
    await buyerPage.click(`${alpha} [data-testid="mark-meet"]`)
    await buyerPage.waitForSelector(`${alpha}[data-mark="meet"]`)

    const hubPage = await pageAs('hub@hub.example')
    await hubPage.goto(`${url}/events/${w.may}?tab=matches`)
    await hubPage.waitForSelector('[data-testid="curation-row"]')
    await hubPage.check('[data-testid="curation-mutual"]')
    const pair = '[data-testid="curation-row"][data-pair="Alpha Srl × Nordbahn GmbH"]'
    await waitUntil(
      async () => (await hubPage.locator('[data-testid="curation-row"]').count()) === 1,
      'one curation row',
    )
    t.equal(
      await hubPage.getAttribute('[data-testid="curation-row"]', 'data-pair'),
      'Alpha Srl × Nordbahn GmbH',
      'only the mutual pair',
    )
    await hubPage.click(`${pair} [data-testid="curation-create-request"]`)
    await hubPage.waitForSelector('[data-testid="curation-notice"]')
    await hubPage.waitForSelector(`${pair} [data-testid="curation-marks"]:has-text("Request: Accepted")`)
    t.equal(
      await hubPage.locator(`${pair} [data-testid="curation-create-request"]`).count(),
      0,
      'no second request is offered',
    )
    const [request] =
      await app.sql`select origin, priority, status from meeting_requests where event_id = ${w.may} and from_organisation_id = ${w.ids.alpha} and to_organisation_id = ${w.ids.nordbahn}`
    t.same(request, { origin: 'organiser', priority: 'must_meet', status: 'accepted' })
  },
)

t.test(
  'an SME asks to meet a recommended buyer from its card; with no strong match it is told what would help',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { start: false } })
    const w = await recommendationsWorld(app)
    const browser = await launchBrowser(t)
    const page = await pageWithSession(browser, url, (await signIn(app, 'gia@gamma.example')).cookie)
    await page.goto(`${url}/events/${w.may}/recommendations/${w.ids.gamma}`)
    const nordbahn = '[data-testid="recommendation-row"][data-counterpart="Nordbahn GmbH"]'
    await page.click(`${nordbahn} [data-testid="recommendation-request"]`)
    t.equal(await page.textContent(`${nordbahn} [data-testid="request-to-name"]`), 'Meeting with Nordbahn GmbH')
    await page.click(`${nordbahn} [data-testid="request-send"]`)
    await page.waitForSelector(`${nordbahn} [data-testid="recommendation-request-status"]:has-text("Request pending")`)
    const [request] =
      await app.sql`select status, priority from meeting_requests where from_organisation_id = ${w.ids.gamma} and to_organisation_id = ${w.ids.nordbahn}`
    t.same(request, { status: 'pending', priority: 'meet' })

    await app.sql`update recommendations set score = 0.02 where sme_id = ${w.ids.alpha}`
    const alpha = await pageWithSession(browser, url, (await signIn(app, 'ada@alpha.example')).cookie)
    await alpha.goto(`${url}/events/${w.may}/recommendations/${w.ids.alpha}`)
    const empty = await alpha.waitForSelector('[data-testid="recommendations-empty"]')
    t.match(await empty.textContent(), /No strong matches yet.*CPV codes/)
  },
)
