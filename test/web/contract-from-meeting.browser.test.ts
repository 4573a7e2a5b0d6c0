import t from 'tap'
import { launchBrowser, pageWithSession, serveApp } from '../helpers/browser.js'
import { signIn } from '../helpers/accounts.js'
import { publishedEvent } from '../helpers/event-day.js'
import { fixedClock } from '../../server/infra/clock.js'

t.test('an SME reports a contract by picking the meeting it came from', async (t) => {
  const { app, url } = await serveApp(t, { clock: fixedClock('2027-04-10T08:00:00Z'), outbox: { start: false } })
  const w = await publishedEvent(app)
  const browser = await launchBrowser(t)
  const context = await browser.newContext({ locale: 'en-GB' })
  await context.addCookies([{ name: 'mtb_session', value: (await signIn(app, 'ada@alpha.example')).cookie, url }])
  const page = await context.newPage()
  await page.goto(`${url}/organisations/${w.a.orgId}/contracts`)
  await page.waitForSelector('[data-testid="contract-meeting"] option:nth-child(3)', { state: 'attached' })
  t.same(
    await page.$$eval('[data-testid="contract-meeting"] option', (options) => options.map((o) => o.textContent)),
    [
      'Choose the meeting…',
      'Nordbahn GmbH — Meet the Buyer Torino',
      'Torino Trasporti SpA — Meet the Buyer Torino',
      'Not from a meeting: we met at an event in another way',
    ],
    'the meetings held, by the other side and the event; no identifier to type',
  )
  await page.selectOption('[data-testid="contract-meeting"]', { label: 'Nordbahn GmbH — Meet the Buyer Torino' })
  const [request] =
    await app.sql`select id from meeting_requests where from_organisation_id = ${w.a.orgId} and to_organisation_id = ${w.x.orgId}`
  await page.fill('[data-testid="contract-title"]', 'Door retrofit, 40 trains')
  await page.fill('[data-testid="contract-signedOn"]', '2027-04-02')
  await page.fill('[data-testid="contract-valueEur"]', '120000')
  await page.click('[data-testid="contract-submit"]')
  await page.waitForSelector('[data-testid="contract-row"]')
  t.match(await page.textContent('[data-testid="contract-row"]'), /2 Apr 2027 · €120,000/, 'date and amount in English')
  const [contract] = await app.sql`select request_id, event_id, buyer_id from contracts`
  t.same(
    contract,
    { request_id: request!.id, event_id: w.event.id, buyer_id: w.x.orgId },
    'the contract is linked to the meeting it came from',
  )
})

t.test(
  'a contract from elsewhere names the event and picks the other side by name; a future date is refused',
  async (t) => {
    const { app, url } = await serveApp(t, { clock: fixedClock('2027-04-10T08:00:00Z'), outbox: { start: false } })
    const w = await publishedEvent(app)
    await app.sql`update users set language = 'it' where email = 'bea@beta.example'`
    const browser = await launchBrowser(t)
    const context = await browser.newContext({ locale: 'it-IT' })
    await context.addCookies([{ name: 'mtb_session', value: (await signIn(app, 'bea@beta.example')).cookie, url }])
    const page = await context.newPage()
    await page.goto(`${url}/organisations/${w.b.orgId}/contracts`)
    await page.waitForSelector('[data-testid="contract-meeting"] option:nth-child(3)', { state: 'attached' })
    await page.selectOption('[data-testid="contract-meeting"]', 'elsewhere')
    await page.selectOption('[data-testid="contract-event"]', { label: 'Meet the Buyer Torino' })
    await page.waitForSelector('[data-testid="contract-counterpart"] option >> nth=3', { state: 'attached' })
    await page.selectOption('[data-testid="contract-counterpart"]', { label: 'Zeta Rail AG' })
    await page.fill('[data-testid="contract-title"]', 'Sensori porte')
    await page.fill('[data-testid="contract-signedOn"]', '2027-05-02')
    await page.fill('[data-testid="contract-valueEur"]', '2630000')
    await page.click('[data-testid="contract-submit"]')
    t.equal(
      await (await page.waitForSelector('[data-testid="contract-signedOn-error"]')).textContent(),
      'Scegli una data fino a oggi.',
      'a contract signed in the future is refused, in plain Italian',
    )
    await page.fill('[data-testid="contract-signedOn"]', '2027-04-02')
    await page.click('[data-testid="contract-submit"]')
    await page.waitForSelector('[data-testid="contract-row"]')
    t.match(
      await page.textContent('[data-testid="contract-row"]'),
      /2 apr 2027 · 2\.630\.000\s€/,
      'Italian date and amount',
    )
    const [contract] = await app.sql`select event_id, buyer_id, request_id from contracts`
    t.same(contract, { event_id: w.event.id, buyer_id: w.z.orgId, request_id: null })
  },
)

t.test('the hub rejects a contract in a form on the page, with a reason the sides then read', async (t) => {
  const { app, url } = await serveApp(t, { clock: fixedClock('2027-04-10T08:00:00Z'), outbox: { start: false } })
  const w = await publishedEvent(app)
  const reported = await w.agents.a.inject({
    method: 'POST',
    url: `/api/organisations/${w.a.orgId}/contracts`,
    payload: {
      counterpartId: w.x.orgId,
      eventId: w.event.id,
      title: 'Door retrofit',
      kind: 'pilot',
      signedOn: '2027-04-02',
      valueEur: 5000,
    },
  })
  t.equal(reported.statusCode, 201, reported.body)
  const browser = await launchBrowser(t)
  const hub = await pageWithSession(browser, url, w.organiser.cookie)
  await hub.goto(`${url}/editions/${reported.json().editionId}/contracts`)
  await hub.click('[data-testid="contract-reject"]')
  await hub.click('[data-testid="contract-reject-confirm"]')
  t.equal(
    await hub.locator('[data-testid="contract-row"][data-status="reported"]').count(),
    1,
    'no reason, no rejection',
  )
  await hub.fill('[data-testid="contract-reject-note"]', 'The purchase order is not signed.')
  await hub.click('[data-testid="contract-reject-confirm"]')
  await hub.waitForSelector('[data-testid="contract-row"][data-status="rejected"]')

  const sme = await pageWithSession(browser, url, w.agents.a.cookie)
  await sme.goto(`${url}/organisations/${w.a.orgId}/contracts`)
  t.equal(
    await (await sme.waitForSelector('[data-testid="contract-reject-reason"]')).textContent(),
    'Rejected by the hub: The purchase order is not signed.',
  )
})
