import t from 'tap'
import { launchBrowser, serveApp } from '../helpers/browser.js'
import { affiliate, createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { createEdition, createEvent } from '../helpers/builders.js'

/** A hub's event with an SME and a buyer; the hub moves each through `steps`. */
async function eventWith(app: Parameters<typeof createOrgWithAdmin>[0], steps: { sme: string[]; buyer: string[] }) {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const buyer = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Nordbahn GmbH', email: 'xena@nordbahn.example' })
  await affiliate(app, hub.orgId, sme.orgId)
  await affiliate(app, hub.orgId, buyer.orgId)
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId, { periodStart: '2099-01-01', periodEnd: '2099-12-31' })
  const event = await createEvent(organiser, edition.id, {
    days: [{ date: '2099-03-10', sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] }],
  })
  for (const [org, statuses] of [
    [sme, steps.sme],
    [buyer, steps.buyer],
  ] as const)
    for (const status of statuses)
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${event.id}/participations/${org.orgId}`,
        payload: { status },
      })
  return { sme, buyer, event }
}

t.test('an invited SME applies from its events page, in Italian', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false }, timers: { start: false } })
  const { sme, event } = await eventWith(app, { sme: ['invited'], buyer: [] })
  await app.sql`update users set language = 'it' where email = 'ada@alpha.example'`
  const browser = await launchBrowser(t)
  const context = await browser.newContext({ locale: 'it-IT' })
  await context.addCookies([{ name: 'mtb_session', value: (await signIn(app, 'ada@alpha.example')).cookie, url }])
  const page = await context.newPage()
  await page.goto(`${url}/organisations/${sme.orgId}/events`)
  const row = `[data-testid="my-event-row"][data-event-id="${event.id}"]`
  await page.waitForSelector(`${row}[data-status="invited"]`)
  t.equal((await page.textContent(`${row} [data-testid="my-event-apply"]`))?.trim(), 'Candidati: accetta l’invito')
  await page.click(`${row} [data-testid="my-event-apply"]`)
  await page.waitForSelector(`${row}[data-status="applied"]`)
  t.equal(await page.locator(`${row} [data-testid="my-event-apply"]`).count(), 0, 'no second application offered')
  const [stored] = await app.sql`select status from participations where organisation_id = ${sme.orgId}`
  t.equal(stored!.status, 'applied')
})

t.test('the sender withdraws an accepted request after a warning naming who is told', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false }, timers: { start: false } })
  const { sme, buyer, event } = await eventWith(app, { sme: ['invited', 'selected'], buyer: ['invited', 'selected'] })
  const ada = await signIn(app, 'ada@alpha.example')
  const request = (
    await ada.inject({
      method: 'POST',
      url: `/api/events/${event.id}/requests`,
      payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
    })
  ).json()
  const xena = await signIn(app, 'xena@nordbahn.example')
  await xena.inject({ method: 'POST', url: `/api/requests/${request.id}/accept`, payload: {} })

  const browser = await launchBrowser(t)
  const context = await browser.newContext({ locale: 'en-GB' })
  await context.addCookies([{ name: 'mtb_session', value: ada.cookie, url }])
  const page = await context.newPage()
  await page.goto(`${url}/events/${event.id}/requests`)
  const row = `[data-testid="request-row"][data-request-id="${request.id}"]`
  await page.waitForSelector(`${row}[data-status="accepted"]`)
  await page.click(`${row} [data-testid="request-withdraw"]`)
  t.match(
    await page.textContent(`${row} [data-testid="request-withdraw-warning"]`),
    /Withdrawing cancels it: the hub’s next schedule leaves it out, and Nordbahn GmbH is told by e-mail/,
  )
  const [before] = await app.sql`select status from meeting_requests where id = ${request.id}`
  t.equal(before!.status, 'accepted', 'nothing changes before the sender confirms')
  await page.click(`${row} [data-testid="request-withdraw-confirm"]`)
  await page.waitForSelector(`${row}[data-status="withdrawn"]`)
  const [after] = await app.sql`select status from meeting_requests where id = ${request.id}`
  t.equal(after!.status, 'withdrawn')
  t.equal(
    await page.locator(`${row} [data-testid="request-withdraw"]`).count(),
    0,
    'a withdrawn request offers no move',
  )
})
