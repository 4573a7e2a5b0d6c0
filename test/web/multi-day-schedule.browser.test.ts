import t from 'tap'
import { launchBrowser, serveApp, pageWithSession } from '../helpers/browser.js'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { createEdition, createEvent, twoSessionDay } from '../helpers/builders.js'

t.test('on a two-day event the hub’s grid heads each day with its date, since the times repeat', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { pollMs: 100 } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId, {
    name: 'Edition 2099',
    periodStart: '2099-01-01',
    periodEnd: '2099-12-31',
  })
  const day = (date: string) => twoSessionDay(date, ['09:00', '10:00'], ['14:00', '15:00'])
  const event = await createEvent(organiser, edition.id, {
    venue: 'Lingotto',
    days: [day('2099-03-10'), day('2099-03-11')],
    slotMinutes: 15,
    tables: [{ name: 'A1' }, { name: 'A2' }],
  })
  const buyer = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'x@nordbahn.example' })
  const smes = []
  for (const [k, name] of ['Alpha', 'Beta', 'Gamma', 'Delta'].entries())
    smes.push({
      firstDay: k < 2,
      ...(await createOrgWithAdmin(app, {
        kind: 'sme',
        name: `${name} Srl`,
        email: `${name.toLowerCase()}@sme.example`,
      })),
    })
  for (const org of [buyer, ...smes])
    for (const status of ['invited', 'selected'])
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/participations/${org.orgId}`,
        payload: { status },
      })
  const xena = await signIn(app, 'x@nordbahn.example')
  for (const sme of smes) {
    const agent = await signIn(app, sme.email)
    await agent.inject({
      method: 'PUT',
      url: `/api/events/${event.id}/participations/${sme.orgId}/availability`,
      payload: { unavailableSlots: [0, 1, 2, 3, 4, 5, 6, 7].map((s) => (sme.firstDay ? s + 8 : s)) },
    })
    const sent = await agent.inject({
      method: 'POST',
      url: `/api/events/${event.id}/requests`,
      payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
    })
    await xena.inject({ method: 'POST', url: `/api/requests/${sent.json().id}/accept`, payload: {} })
  }

  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, (await signIn(app, 'hub@hub.example')).cookie)
  await page.goto(`${url}/events/${event.id}?tab=schedule`)
  await page.fill('[data-testid="run-seconds"]', '2')
  await page.click('[data-testid="run-start"]')
  await page.waitForSelector('[data-testid="schedule-detail"][data-status="draft"]', { timeout: 30_000 })
  const days = await page.locator('[data-testid="grid-day"]').allTextContents()
  t.same(days, ['10 Mar 2099', '11 Mar 2099'], 'one heading per day, dated in the reader’s language')
  const busy = await page.locator('[data-testid="schedule-grid"] .cell-busy').count()
  t.equal(busy, 4, 'the four meetings are on the grid')
})
