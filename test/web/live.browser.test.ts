import t from 'tap'
import { launchBrowser, serveApp, pageWithSession, waitUntil } from '../helpers/browser.js'
import { signIn } from '../helpers/accounts.js'
import { publishedEvent } from '../helpers/event-day.js'
import { fixedClock } from '../../server/infra/clock.js'
import { startSmtp } from '../helpers/smtp.js'

t.test(
  'a self check-in on a phone appears on the organiser’s live board without reload, and the counterpart hears of it',
  async (t) => {
    // The morning of the event: check-in is open on the event's days only.
    const smtp = await startSmtp(t)
    const { app, url } = await serveApp(t, {
      clock: fixedClock('2027-03-10T07:50:00Z'),
      env: { SMTP_URL: smtp.url },
      outbox: { pollMs: 100 },
    })
    const w = await publishedEvent(app)
    const browser = await launchBrowser(t)
    const pageAs = async (email: string, options: { viewport?: { width: number; height: number } } = {}) =>
      pageWithSession(browser, url, (await signIn(app, email)).cookie, options)
    const hubPage = await pageAs('hub@hub.example')
    await hubPage.goto(`${url}/events/${w.event.id}?tab=live`)
    await hubPage.waitForSelector('[data-testid="live-state"][data-state="live"]')
    const alphaRow = `[data-testid="board-participant"][data-org-id="${w.a.orgId}"]`
    t.equal(await hubPage.getAttribute(alphaRow, 'data-presence'), 'unknown')

    const buyerPage = await pageAs('xena@nordbahn.example')
    await buyerPage.goto(`${url}/events/${w.event.id}/today`)
    await buyerPage.waitForSelector('[data-testid="live-state"][data-state="live"]')

    const phone = await pageAs('ada@alpha.example', { viewport: { width: 390, height: 844 } })
    await phone.goto(`${url}/events/${w.event.id}/today`)
    await phone.waitForSelector('[data-testid="next-meeting"]')
    t.ok(await phone.isVisible('[data-testid="countdown"]'), 'the next meeting counts down')
    await phone.click('[data-testid="self-check-in"]')
    await phone.waitForSelector('[data-testid="checked-in"]')

    await hubPage.waitForSelector(`${alphaRow}[data-presence="present"]`, { timeout: 5000 })
    t.pass('the board shows Alpha present without a reload')
    await buyerPage.waitForSelector('[data-testid="today-notice"]', { timeout: 5000 })
    t.match(
      await buyerPage.textContent('[data-testid="today-notice"]'),
      /Alpha Srl has arrived/,
      'Nordbahn, Alpha’s counterpart, is told live',
    )

    const nordbahnRow = `[data-testid="board-participant"][data-org-id="${w.x.orgId}"]`
    await hubPage.click(`${nordbahnRow} [data-testid="board-absent"]`)
    await hubPage.waitForSelector('[data-testid="absence-meetings"]')
    const preview = (await hubPage.textContent('[data-testid="absence-confirm"]')) ?? ''
    t.match(preview, /Mark Nordbahn GmbH absent\?/)
    t.match(preview, /cancels their 2 meetings/, 'the hub sees what it would cancel before anything happens')
    t.match(preview, /with Alpha Srl/)
    t.match(preview, /with Beta Srl/)
    t.equal(await hubPage.getAttribute(nordbahnRow, 'data-presence'), 'unknown', 'nothing changed yet')
    await hubPage.click('[data-testid="absence-confirm-button"]')
    await hubPage.waitForSelector('[data-testid="no-show-queue"]')
    await phone.waitForSelector('[data-testid="today-notice"]:has-text("Nordbahn GmbH is not coming today")')
    t.pass('Alpha, on its phone, hears that Nordbahn is not coming')

    await hubPage.click(`${nordbahnRow} [data-testid="board-undo-absent"]`)
    await hubPage.waitForSelector('[data-testid="absence-undone"]')
    t.match(await hubPage.textContent('[data-testid="absence-undone"]'), /2 meetings are back/)
    await hubPage.waitForSelector(`${nordbahnRow}[data-presence="unknown"]`)
    await hubPage.waitForSelector('[data-testid="no-show-queue"]', { state: 'detached' })
    await phone.waitForSelector('[data-testid="today-notice"]:has-text("Nordbahn GmbH is here after all")')
    t.pass('the undo reaches Alpha live as well')
    await waitUntil(
      async () =>
        ['ada@alpha.example', 'bea@beta.example'].every((to) =>
          smtp.mails.some((m) => m.subject?.endsWith('is on') && m.to && JSON.stringify(m.to).includes(to)),
        ),
      'both counterparts get the “your meeting is on” e-mail',
    )
    t.pass('and both counterparts by e-mail')

    // The participants list filters by name and presence, and keeps it across a reload.
    await hubPage.fill('[data-testid="board-participants-q"]', 'srl')
    await hubPage.selectOption('[data-testid="board-participants-presence"]', 'present')
    await hubPage.waitForSelector('[data-testid="board-participants-total"][data-total="1"]')
    t.equal(await hubPage.locator('[data-testid="board-participant"]').count(), 1, 'only Alpha: an Srl that is here')
    await hubPage.reload()
    await hubPage.waitForSelector('[data-testid="board-participants-total"][data-total="1"]')
    t.equal(await hubPage.inputValue('[data-testid="board-participants-q"]'), 'srl', 'the filter survives a reload')

    // The day's meetings filter apart from the participants, by name and by time.
    const meetings = async () =>
      Number(await hubPage.getAttribute('[data-testid="board-meetings-total"]', 'data-total'))
    const all = await meetings()
    t.ok(all >= 2, `${all} meetings today`)
    await hubPage.fill('[data-testid="board-meetings-q"]', 'beta')
    await waitUntil(async () => (await meetings()) < all, 'Beta’s meetings')
    const beta = await hubPage.locator('[data-testid="board-meeting"]').allTextContents()
    t.ok(beta.length > 0 && beta.every((row) => row.includes('Beta Srl')), 'only Beta’s meetings')
    const firstSlot = await hubPage.locator('[data-testid="board-meetings-slot"] option').nth(1).getAttribute('value')
    await hubPage.selectOption('[data-testid="board-meetings-slot"]', firstSlot!)
    await hubPage.reload()
    await hubPage.waitForSelector('[data-testid="board-meetings-total"]')
    t.equal(
      await hubPage.inputValue('[data-testid="board-meetings-q"]'),
      'beta',
      'the meetings’ filters survive a reload',
    )
    t.equal(await hubPage.inputValue('[data-testid="board-meetings-slot"]'), firstSlot)
    t.equal(await hubPage.inputValue('[data-testid="board-participants-q"]'), 'srl', 'beside the participants’ own')
  },
)
