import t from 'tap'
import { launchBrowser, pageWithSession, serveApp, waitUntil } from '../helpers/browser.js'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'

t.test(
  'an SME that does not know its codes takes them from the suggestions its Italian text gets, and saves them',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { start: false } })
    const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    await app.sql`update users set language = 'it' where email = 'ada@alpha.example'`
    const browser = await launchBrowser(t)
    const page = await pageWithSession(browser, url, (await signIn(app, 'ada@alpha.example')).cookie, {
      locale: 'it-IT',
    })
    await page.goto(`${url}/organisations/${sme.orgId}/offers/new`)

    const panel = page.locator('[data-testid="cpv-suggestions"]')
    t.match(await panel.textContent(), /Scrivi un titolo e una descrizione/, 'nothing to read yet')
    await page.fill('[data-testid="title"]', 'Sedie ergonomiche per ufficio')
    await page.fill('[data-testid="description"]', 'Forniamo sedie girevoli e scrivanie regolabili per uffici.')
    const items = panel.locator('[data-testid="cpv-suggestion"]')
    await items.first().waitFor()
    t.equal(await items.count(), 5)
    t.equal(await items.first().getAttribute('data-code'), '39112000')
    t.match(await items.first().textContent(), /39112000Sedie/, 'code and Italian label')
    t.match(
      await items.first().locator('[role="img"]').getAttribute('aria-label'),
      'Probabilità: 100% del primo suggerimento',
    )
    const second = (await items.nth(1).getAttribute('data-code'))!

    await items.first().locator('[data-testid="cpv-suggestion-main"]').click()
    t.match(await page.textContent('[data-testid="picker-cpvMain-chosen"]'), '39112000', 'the main code is set')
    t.match(await items.first().textContent(), /Scelto/, 'a chosen code is marked, not offered again')
    t.equal(await items.first().locator('button').count(), 0)
    await items.nth(1).locator('[data-testid="cpv-suggestion-add"]').click()
    t.match(
      await page.textContent('[data-testid="picker-cpvExtra-chosen"]'),
      second,
      'the second joins the other codes',
    )

    await page.selectOption('[data-testid="trl"]', '7')
    await page.click('[data-testid="offer-save-draft"]')
    let saved: { cpv_main: string; cpv_extra: string[] }[] = []
    await waitUntil(
      async () =>
        (saved = await app.sql`select cpv_main, cpv_extra from offers where organisation_id = ${sme.orgId}`).length ===
        1,
      'the offer saved',
    )
    t.same(saved[0], { cpv_main: '39112000', cpv_extra: [second] })
  },
)

t.test('a buyer writing a need in English adds a suggested code to its codes', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const buyer = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'anna@nordbahn.example' })
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, (await signIn(app, 'anna@nordbahn.example')).cookie, {
    locale: 'en-GB',
  })
  await page.goto(`${url}/organisations/${buyer.orgId}/needs/new`)
  await page.fill('[data-testid="title"]', 'Supply of electric buses')
  await page.fill(
    '[data-testid="description"]',
    'Battery electric buses for urban public transport, with depot charging.',
  )
  const first = page.locator('[data-testid="cpv-suggestion"]').first()
  await first.waitFor()
  t.equal(await first.getAttribute('data-code'), '34144910')
  t.equal(
    await first.locator('[data-testid="cpv-suggestion-main"]').count(),
    0,
    'a need’s first code is its main one: one button',
  )
  await first.locator('[data-testid="cpv-suggestion-add"]').click()
  t.match(await page.textContent('[data-testid="picker-cpvCodes-chosen"]'), /34144910.*Electric buses/)
})
