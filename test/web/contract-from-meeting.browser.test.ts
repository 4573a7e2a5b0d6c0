import t from 'tap'
import { launchBrowser, serveApp } from '../helpers/browser.js'
import { signIn } from '../helpers/accounts.js'
import { publishedEvent } from '../helpers/event-day.js'

t.test('an SME reports a contract by picking the meeting it came from', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const w = await publishedEvent(app)
  const browser = await launchBrowser(t)
  const context = await browser.newContext({ locale: 'en-GB' })
  await context.addCookies([{ name: 'mtb_session', value: (await signIn(app, 'ada@alpha.example')).cookie, url }])
  const page = await context.newPage()
  await page.goto(`${url}/organisations/${w.a.orgId}/contracts`)
  await page.waitForSelector('[data-testid="contract-meeting"] option:nth-child(3)', { state: 'attached' })
  const [request] =
    await app.sql`select id from meeting_requests where from_organisation_id = ${w.a.orgId} and to_organisation_id = ${w.x.orgId}`
  await page.selectOption('[data-testid="contract-meeting"]', String(request!.id))
  t.equal(await page.inputValue('[data-testid="contract-counterpartId"]'), w.x.orgId, 'the other side is filled in')
  t.equal(await page.inputValue('[data-testid="contract-eventId"]'), w.event.id, 'and the event')
  await page.fill('[data-testid="contract-title"]', 'Door retrofit, 40 trains')
  await page.fill('[data-testid="contract-signedOn"]', '2027-04-02')
  await page.fill('[data-testid="contract-valueEur"]', '120000')
  await page.click('[data-testid="contract-submit"]')
  await page.waitForSelector('[data-testid="contract-row"]')
  const [contract] = await app.sql`select request_id, event_id, buyer_id from contracts`
  t.same(
    contract,
    { request_id: request!.id, event_id: w.event.id, buyer_id: w.x.orgId },
    'the contract is linked to the meeting it came from',
  )
})
