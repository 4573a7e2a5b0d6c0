import t from 'tap'
import { launchBrowser, serveApp } from '../helpers/browser.js'
import { affiliate, createOrgWithAdmin, signIn } from '../helpers/accounts.js'

t.test('a hub creates an event, an SME applies and requests a meeting, the buyer accepts', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const buyer = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'xena@nordbahn.example', country: 'DE', nuts2: 'DE21' })
  await affiliate(app, hub.orgId, sme.orgId)
  await affiliate(app, hub.orgId, buyer.orgId)
  const browser = await launchBrowser(t)
  const pageAs = async (email: string) => {
    const context = await browser.newContext({ locale: 'en-GB' })
    await context.addCookies([{ name: 'mtb_session', value: (await signIn(app, email)).cookie, url }])
    return context.newPage()
  }

  const hubPage = await pageAs('hub@hub.example')
  await hubPage.goto(`${url}/organisers/${hub.orgId}/editions`)
  await hubPage.fill('[data-testid="name"]', 'Connecting SMEs with Large Buyers 2027')
  await hubPage.fill('[data-testid="periodStart"]', '2027-01-01')
  await hubPage.fill('[data-testid="periodEnd"]', '2027-12-31')
  await hubPage.fill('[data-testid="picker-homeNuts2"]', 'Piemonte')
  await hubPage.click('[data-testid="picker-option"][data-value="ITC1"]')
  await hubPage.click('[data-testid="edition-save"]')
  await hubPage.waitForURL(/\/editions\/[0-9a-f-]{36}/)
  await hubPage.fill('[data-testid="event-name"]', 'Meet the Buyer Torino')
  await hubPage.fill('[name="days.0.date"]', '2027-03-10')
  await hubPage.fill('[name="days.0.sessions.0.name"]', 'Morning')
  await hubPage.click('[data-testid="event-save"]')
  await hubPage.waitForURL(/\/events\/[0-9a-f-]{36}/)
  const eventId = /\/events\/([0-9a-f-]{36})/.exec(hubPage.url())![1]!
  await hubPage.waitForSelector('[data-testid="slot-grid"]')
  t.ok(Number(await hubPage.getAttribute('[data-testid="slot-grid"]', 'data-count')) > 0, 'the slot grid is previewed')

  for (const [email, orgId] of [['ada@alpha.example', sme.orgId], ['xena@nordbahn.example', buyer.orgId]] as const) {
    const page = await pageAs(email)
    await page.goto(`${url}/organisations/${orgId}/events`)
    await page.click(`[data-testid="open-event-row"][data-event-id="${eventId}"] [data-testid="open-event-apply"]`)
    await page.waitForSelector(`[data-testid="my-event-row"][data-event-id="${eventId}"][data-status="applied"]`)
    await page.close()
  }

  await hubPage.goto(`${url}/events/${eventId}?tab=selection`)
  for (const orgId of [sme.orgId, buyer.orgId]) {
    await hubPage.click(`[data-testid="participation-card"][data-org-id="${orgId}"] [data-testid="board-move-selected"]`)
    await hubPage.waitForSelector(`[data-testid="participation-card"][data-org-id="${orgId}"][data-status="selected"]`)
  }
  t.equal(await hubPage.textContent('[data-testid="board-count-selected"]'), '2')

  const smePage = await pageAs('ada@alpha.example')
  await smePage.goto(`${url}/events/${eventId}/requests`)
  await smePage.fill('[data-testid="request-to"]', buyer.orgId)
  await smePage.fill('[data-testid="request-message"]', 'We retrofit train doors; shall we meet?')
  await smePage.click('[data-testid="request-send"]')
  await smePage.waitForSelector('[data-testid="request-sent"]')
  await smePage.waitForSelector('[data-testid="requests-outgoing"] [data-testid="request-row"][data-status="pending"]')

  const buyerPage = await pageAs('xena@nordbahn.example')
  await buyerPage.goto(`${url}/events/${eventId}/requests`)
  await buyerPage.click('[data-testid="requests-incoming"] [data-testid="request-accept"]')
  await buyerPage.waitForSelector('[data-testid="requests-incoming"] [data-testid="request-row"][data-status="accepted"]')
  const [request] = await app.sql`select status, origin from meeting_requests`
  t.same(request, { status: 'accepted', origin: 'sme' })
})
