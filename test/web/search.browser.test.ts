import t from 'tap'
import { launchBrowser, serveApp, waitUntil } from '../helpers/browser.js'
import { market, offer } from '../helpers/catalogue.js'

t.test('a buyer searches offers, narrows them with a facet, and sees the matches highlighted', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const m = await market(app)
  for (const [title, cpvMain, trl] of [
    ['Autobus elettrici 12 metri', '34121000', 9],
    ['Autobus a idrogeno', '34121000', 6],
    ['Ricambi per autobus', '34300000', 8],
  ] as const) {
    await m.smeAgent.inject({
      method: 'POST',
      url: `/api/organisations/${m.sme}/offers`,
      payload: offer({ title, cpvMain, cpvExtra: [], trl }),
    })
  }
  await app.outbox.drain()

  const browser = await launchBrowser(t)
  const context = await browser.newContext({ locale: 'en-GB' })
  await context.addCookies([{ name: 'mtb_session', value: m.buyerAgent.cookie, url }])
  const page = await context.newPage()
  await page.goto(`${url}/search/offers`)
  await page.fill('[data-testid="search-input"]', 'autobus')
  await page.click('[data-testid="search-submit"]')
  // The listing shown before the query has no highlights: wait for the query's own hits.
  await waitUntil(
    async () =>
      (await page.locator('[data-testid="search-hit"]').count()) === 3 &&
      (await page.locator('[data-testid="search-hit"] mark').count()) > 0,
    '3 highlighted search hits',
  )
  t.match(await page.textContent('[data-testid="search-total"]'), /3/)
  t.match(await page.innerHTML('[data-testid="search-hit"]'), /<mark>[Aa]utobus<\/mark>/, 'the match is highlighted')

  await page.click('[data-testid="facet-trl"] [data-testid="facet-value"][data-value="6"]')
  await waitUntil(async () => (await page.locator('[data-testid="search-hit"]').count()) === 1, '1 search hit')
  t.match(await page.textContent('[data-testid="search-total"]'), /1/)
  t.match(await page.textContent('[data-testid="search-hit"]'), /idrogeno/)
  t.equal(await page.getAttribute('[data-testid="active-filter"]', 'data-filter'), 'trl')
  t.match(page.url(), /trl/, 'the filter is in the address, so the search can be shared')

  await page.reload()
  await waitUntil(async () => (await page.locator('[data-testid="search-hit"]').count()) === 1, '1 search hit')
  t.pass('the narrowed search survives a reload')
})
