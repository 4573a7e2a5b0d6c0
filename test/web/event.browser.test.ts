import t from 'tap'
import { launchBrowser, serveApp, waitUntil, pageWithSession } from '../helpers/browser.js'
import { affiliate, createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { createEdition, createEvent } from '../helpers/builders.js'

t.test('a hub creates an event, an SME applies and requests a meeting, the buyer accepts', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const buyer = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'xena@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  await affiliate(app, hub.orgId, sme.orgId)
  await affiliate(app, hub.orgId, buyer.orgId)
  const browser = await launchBrowser(t)
  const pageAs = async (email: string) => pageWithSession(browser, url, (await signIn(app, email)).cookie)

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

  for (const [email, orgId] of [
    ['ada@alpha.example', sme.orgId],
    ['xena@nordbahn.example', buyer.orgId],
  ] as const) {
    const page = await pageAs(email)
    await page.goto(`${url}/organisations/${orgId}/events`)
    await page.click(`[data-testid="open-event-row"][data-event-id="${eventId}"] [data-testid="open-event-apply"]`)
    await page.waitForSelector(`[data-testid="my-event-row"][data-event-id="${eventId}"][data-status="applied"]`)
    await page.close()
  }

  await hubPage.goto(`${url}/events/${eventId}?tab=selection`)
  for (const orgId of [sme.orgId, buyer.orgId]) {
    await hubPage.click(
      `[data-testid="participation-card"][data-org-id="${orgId}"] [data-testid="board-move-selected"]`,
    )
    await hubPage.waitForSelector(`[data-testid="participation-card"][data-org-id="${orgId}"][data-status="selected"]`)
  }
  t.equal(await hubPage.textContent('[data-testid="board-count-selected"]'), '2')

  const smePage = await pageAs('ada@alpha.example')
  await smePage.goto(`${url}/events/${eventId}/requests`)
  await smePage.waitForSelector('[data-testid="request-to"] option >> nth=1', { state: 'attached' })
  t.same(
    await smePage.$$eval('[data-testid="request-to"] option', (options) => options.map((o) => o.textContent)),
    ['Choose…', 'Nordbahn GmbH'],
    'the SME picks the buyer by name among the selected buyers',
  )
  await smePage.selectOption('[data-testid="request-to"]', { label: 'Nordbahn GmbH' })
  await smePage.fill('[data-testid="request-message"]', 'We retrofit train doors; shall we meet?')
  await smePage.click('[data-testid="request-send"]')
  await smePage.waitForSelector('[data-testid="request-sent"]')
  await smePage.waitForSelector('[data-testid="requests-outgoing"] [data-testid="request-row"][data-status="pending"]')

  const buyerPage = await pageAs('xena@nordbahn.example')
  await buyerPage.goto(`${url}/events/${eventId}/requests`)
  await buyerPage.click('[data-testid="requests-incoming"] [data-testid="request-accept"]')
  await buyerPage.waitForSelector(
    '[data-testid="requests-incoming"] [data-testid="request-row"][data-status="accepted"]',
  )
  const [request] = await app.sql`select status, origin from meeting_requests`
  t.same(request, { status: 'accepted', origin: 'sme' })
})

t.test(
  'a buyer names two representatives, sees its event in the calendar, and chooses who holds a meeting',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { start: false } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
    const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    const buyer = await createOrgWithAdmin(app, {
      kind: 'buyer',
      name: 'Nordbahn GmbH',
      email: 'xena@nordbahn.example',
      country: 'DE',
      nuts2: 'DE21',
    })
    const organiser = await signIn(app, 'hub@hub.example')
    const edition = await createEdition(organiser, hub.orgId)
    const event = await createEvent(organiser, edition.id, {
      days: [{ date: '2099-03-10', sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] }],
    })
    for (const org of [sme, buyer])
      for (const status of ['invited', 'selected'])
        await organiser.inject({
          method: 'PUT',
          url: `/api/events/${event.id}/participations/${org.orgId}`,
          payload: { status },
        })
    const request = (
      await (
        await signIn(app, 'ada@alpha.example')
      ).inject({
        method: 'POST',
        url: `/api/events/${event.id}/requests`,
        payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
      })
    ).json()

    const browser = await launchBrowser(t)
    const context = await browser.newContext({ locale: 'en-GB' })
    await context.addCookies([{ name: 'mtb_session', value: (await signIn(app, 'xena@nordbahn.example')).cookie, url }])
    const page = await context.newPage()
    await page.goto(`${url}/organisations/${buyer.orgId}/events`)
    await page.click(`[data-testid="my-event-row"][data-event-id="${event.id}"] [data-testid="my-event-people"]`)
    await page.fill('[data-testid="representative-name-0"]', 'Anna Weber')
    await page.fill('[data-testid="representative-email-0"]', 'anna@nordbahn.example')
    await page.click('[data-testid="representative-add"]')
    await page.fill('[data-testid="representative-name-1"]', 'Jonas Roth')
    await page.click('[data-testid="representative-slots-1"]')
    await page.click('[data-testid="representatives-form"] [data-testid="slot-2"]')
    await page.click('[data-testid="representatives-save"]')
    await page.waitForSelector('[data-testid="representatives-saved"]')
    const people = await app.sql`select name, email, unavailable_slots from representatives order by position`
    t.same(
      people.map((p) => [p.name, p.email, p.unavailable_slots]),
      [
        ['Anna Weber', 'anna@nordbahn.example', []],
        ['Jonas Roth', null, [2]],
      ],
      'both saved, with Jonas’s unavailable slot',
    )

    await page.click('[data-testid="my-events-view-calendar"]')
    await page.waitForSelector('[data-testid="events-calendar"][data-month="2099-03"]')
    t.equal(
      await page.textContent('td[data-date="2099-03-10"] [data-testid="calendar-entry"]'),
      'Meet the Buyer Torino',
      'the calendar opens on the event’s month and shows it on its day',
    )
    await page.click('[data-testid="calendar-next"]')
    await page.waitForSelector('[data-testid="events-calendar"][data-month="2099-04"]')
    t.equal(await page.locator('[data-testid="calendar-entry"]').count(), 0, 'the next month is empty')
    await page.reload()
    await page.waitForSelector('[data-testid="events-calendar"]', { timeout: 10_000 })
    t.pass('the calendar view is remembered')

    await page.goto(`${url}/events/${event.id}/requests`)
    const jonas = people[1]!
    const [jonasRow] = await app.sql`select id from representatives where name = 'Jonas Roth'`
    await page.selectOption(
      `[data-testid="request-row"][data-request-id="${request.id}"] [data-testid="request-held-by"]`,
      String(jonasRow!.id),
    )
    await waitUntil(
      async () => (await page.locator('[data-testid="request-held-by"]').inputValue()) === String(jonasRow!.id),
      'the representative chosen',
    )
    const [held] = await app.sql`select representative_id from meeting_requests where id = ${request.id}`
    t.equal(held!.representative_id, jonasRow!.id, `${String(jonas.name)} holds the meeting`)
  },
)
