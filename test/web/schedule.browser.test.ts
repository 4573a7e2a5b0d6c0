import t from 'tap'
import { launchBrowser, serveApp, pageWithSession } from '../helpers/browser.js'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { createEdition, createEvent } from '../helpers/builders.js'

t.test(
  'a hub computes the schedule, moves a meeting by hand and publishes; the SME reads its agenda and calendar feed',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { pollMs: 100 } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
    const smes = [
      await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' }),
      await createOrgWithAdmin(app, { kind: 'sme', name: 'Beta Srl', email: 'bea@beta.example' }),
    ]
    const buyer = await createOrgWithAdmin(app, {
      kind: 'buyer',
      name: 'Nordbahn GmbH',
      email: 'xena@nordbahn.example',
      country: 'DE',
      nuts2: 'DE21',
    })
    const organiser = await signIn(app, 'hub@hub.example')
    const edition = await createEdition(organiser, hub.orgId, {
      name: 'Edition 2099',
      periodStart: '2099-01-01',
      periodEnd: '2099-12-31',
    })
    const event = await createEvent(organiser, edition.id, {
      venue: 'Lingotto',
      days: [{ date: '2099-03-10', sessions: [{ name: 'morning', start: '09:00', end: '10:00' }] }],
      tables: [{ name: 'A1' }, { name: 'A2' }],
    })
    for (const org of [...smes, buyer])
      for (const status of ['invited', 'selected'])
        await organiser.inject({
          method: 'PUT',
          url: `/api/events/${event.id}/participations/${org.orgId}`,
          payload: { status },
        })
    const xena = await signIn(app, 'xena@nordbahn.example')
    for (const [i, email] of ['ada@alpha.example', 'bea@beta.example'].entries()) {
      const sent = (
        await (
          await signIn(app, email)
        ).inject({
          method: 'POST',
          url: `/api/events/${event.id}/requests`,
          payload: { fromOrganisationId: smes[i]!.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
        })
      ).json()
      await xena.inject({ method: 'POST', url: `/api/requests/${sent.id}/accept`, payload: {} })
    }

    const browser = await launchBrowser(t)
    const pageAs = async (email: string) => pageWithSession(browser, url, (await signIn(app, email)).cookie)
    const hubPage = await pageAs('hub@hub.example')
    await hubPage.goto(`${url}/events/${event.id}?tab=schedule`)
    await hubPage.fill('[data-testid="run-seconds"]', '2')
    await hubPage.click('[data-testid="run-start"]')
    await hubPage.waitForSelector('[data-testid="schedule-detail"][data-status="draft"]', { timeout: 30_000 })
    t.equal(await hubPage.textContent('[data-testid="stat-scheduled"]'), '2 / 2', 'both meetings placed')
    t.equal(await hubPage.locator('[data-testid="meeting-card"]').count(), 2)
    t.ok(await hubPage.isVisible('[data-testid="breaks-chart"]'), 'breaks per person are charted')

    const [first] = await app.sql`select id from meeting_requests where from_organisation_id = ${smes[0]!.orgId}`
    const card = `[data-testid="meeting-card"][data-request-id="${String(first!.id)}"]`
    const before = await hubPage.locator('td', { has: hubPage.locator(card) }).getAttribute('data-testid')
    await hubPage.click(card)
    await hubPage.click('[data-testid="cell-2-1"]')
    await hubPage.waitForSelector(`[data-testid="cell-2-1"] ${card}`)
    t.not(before, 'cell-2-1', 'the meeting moved to the last slot, table A2')

    // The same by keyboard: Enter picks the meeting, Escape lets go, "Move here" in a free cell moves it.
    const other = await hubPage
      .locator('td', { has: hubPage.locator(`[data-testid="meeting-card"]:not(${card})`) })
      .getAttribute('data-testid')
    const freeSlot = other!.startsWith('cell-0-') ? 1 : 0
    await hubPage.focus(card)
    await hubPage.keyboard.press('Enter')
    await hubPage.waitForSelector('[data-testid="move-here"]')
    await hubPage.keyboard.press('Escape')
    await hubPage.waitForSelector('[data-testid="move-here"]', { state: 'detached' })
    t.pass('Escape lets go of the picked meeting')
    await hubPage.focus(card)
    await hubPage.keyboard.press('Enter')
    const target = `[data-testid="cell-${freeSlot}-0"] [data-testid="move-here"]`
    t.match(await hubPage.getAttribute(target, 'aria-label'), /^Move here: \d{2}:\d{2}, Table A1$/)
    await hubPage.focus(target)
    await hubPage.keyboard.press('Enter')
    await hubPage.waitForSelector(`[data-testid="cell-${freeSlot}-0"] ${card}`)
    t.pass('moved by keyboard')
    await hubPage.focus(card)
    await hubPage.keyboard.press('Enter')
    await hubPage.focus('[data-testid="cell-2-1"] [data-testid="move-here"]')
    await hubPage.keyboard.press('Enter')
    await hubPage.waitForSelector(`[data-testid="cell-2-1"] ${card}`)

    await hubPage.click('[data-testid="schedule-publish"]')
    t.match(
      await hubPage.textContent('[data-testid="schedule-detail"] .panel-head'),
      /up to \d+/,
      'publishing first says who will be told',
    )
    await hubPage.click('[data-testid="schedule-publish-confirm"]')
    await hubPage.waitForSelector('[data-testid="schedule-detail"][data-status="published"]')
    const [meeting] = await app.sql`select slot, table_index from meetings where request_id = ${first!.id}`
    t.same(meeting, { slot: 2, table_index: 1 }, 'the published meeting is where the hub put it')

    const smePage = await pageAs('ada@alpha.example')
    await smePage.goto(`${url}/organisations/${smes[0]!.orgId}/events`)
    await smePage.click(`[data-testid="my-event-row"][data-event-id="${event.id}"] [data-testid="my-event-agenda"]`)
    await smePage.waitForSelector('[data-testid="agenda-item"]')
    t.match(
      await smePage.textContent('[data-testid="agenda-item"]'),
      /09:40–10:00.*Nordbahn GmbH.*Table A2/s,
      'time in the event’s zone, counterpart and table',
    )
    const feedUrl = await smePage.inputValue('[data-testid="feed-url"]')
    const feed = await app.inject({ method: 'GET', url: new URL(feedUrl).pathname })
    t.match(feed.body, /SUMMARY:Meeting with Nordbahn GmbH/)
    t.match(feed.body, /DTSTART:20990310T084000Z/, '09:40 in Rome is 08:40 UTC')
  },
)
