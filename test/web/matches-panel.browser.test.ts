import t from 'tap'
import { launchBrowser, serveApp, pageWithSession } from '../helpers/browser.js'
import { signIn } from '../helpers/accounts.js'
import { recommendationsWorld } from '../helpers/recommendations.js'

t.test(
  'the offer editor lists the matching needs and the need editor the matching offers, with score and reason',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { start: false } })
    const w = await recommendationsWorld(app)
    const browser = await launchBrowser(t)
    const pageAs = async (email: string, locale = 'en-GB') =>
      pageWithSession(browser, url, (await signIn(app, email)).cookie, { locale })

    const smePage = await pageAs('ada@alpha.example')
    await smePage.goto(`${url}/organisations/${w.ids.alpha}/offers/${w.offers.alpha}`)
    await smePage.waitForSelector('[data-testid="offer-matches"] [data-testid="match-item"]')
    t.match(await smePage.textContent('[data-testid="offer-matches"] h2'), 'Matching needs')
    const items = smePage.locator('[data-testid="offer-matches"] [data-testid="match-item"]')
    t.equal(await items.count(), 2, 'Nordbahn’s public need and the need Torino Trasporti meant for Alpha')
    const nordbahn = items.filter({ hasText: 'Nordbahn GmbH' })
    t.match(await nordbahn.locator('[data-testid="match-reason"]').textContent(), /^same CPV code 34121000/)
    t.match(await nordbahn.textContent(), /Score \d+\/100/)

    await app.sql`update users set language = 'it' where email = 'anna@nordbahn.example'`
    const buyerPage = await pageAs('anna@nordbahn.example', 'it-IT')
    await buyerPage.goto(`${url}/organisations/${w.ids.nordbahn}/needs/${w.needs.publicNeed}`)
    await buyerPage.waitForSelector('[data-testid="need-matches"] [data-testid="match-item"]')
    t.match(await buyerPage.textContent('[data-testid="need-matches"] h2'), 'Offerte corrispondenti')
    const offers = buyerPage.locator('[data-testid="need-matches"] [data-testid="match-item"]')
    t.equal(await offers.count(), 3, 'Alpha, Gamma and Delta')
    t.match(
      await offers.first().locator('[data-testid="match-reason"]').textContent(),
      /^stesso codice CPV 34121000/,
      'the reason in the reader’s language',
    )
  },
)
