import t from 'tap'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { launchBrowser, pageWithSession, serveApp, waitUntil } from '../helpers/browser.js'
import {
  addManyContracts,
  addManyVoucherAccounts,
  addManyRegistrations,
  addManyRequests,
  eventWithManyPairs,
  spreadParticipationSteps,
} from '../../bench/curation/generate.js'

t.test('a hub pages and filters through 5,000 pairs, and the filters survive a reload', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 100, buyers: 50 })
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, hub.cookie, { locale: 'en-GB' })
  const total = async () => Number(await page.getAttribute('[data-testid="curation-total"]', 'data-total'))
  const attributes = (name: string) =>
    page.evaluate<string[]>(
      `[...document.querySelectorAll('[data-testid="curation-row"]')].map((row) => row.getAttribute('${name}'))`,
    )

  await page.goto(`${url}/events/${eventId}?tab=matches`)
  await page.waitForSelector('[data-testid="curation-total"]')
  t.equal(await total(), 5000, 'the total of all pairs')
  t.equal(await page.locator('[data-testid="curation-row"]').count(), 50, 'one page of 50 on screen')
  t.match(await page.textContent('[data-testid="curation-total"]'), /1–50 of 5,000 pairs/)
  t.match(await page.textContent('[data-testid="page-status"]'), /1.*100/)

  const onFirst = (await attributes('data-pair'))[0]
  await page.click('[data-testid="page-next"]')
  await waitUntil(async () => (await attributes('data-pair'))[0] !== onFirst, 'the second page')
  t.match(page.url(), /[?&]page=2\b/, 'the page is in the address')
  t.match(await page.textContent('[data-testid="curation-total"]'), /51–100 of 5,000/)

  await page.selectOption('[data-testid="curation-status"]', 'approved')
  await waitUntil(async () => (await total()) !== 5000, 'the approved pairs')
  const approved = await total()
  t.ok(approved > 0 && approved < 5000, `${approved} approved pairs`)
  t.notMatch(page.url(), /[?&]page=/, 'a new filter starts again from the first page')
  t.same([...new Set(await attributes('data-status'))], ['approved'], 'only approved pairs are listed')

  await page.fill('[data-testid="curation-q"]', 'PMI 00042')
  await waitUntil(async () => (await total()) < approved, 'the pairs of one SME')
  const narrowed = await total()
  t.ok(narrowed > 0, `${narrowed} approved pairs of PMI 00042`)
  await page.selectOption('[data-testid="curation-sort"]', 'buyer')
  await page.waitForURL(/sort=buyer/)
  await page.waitForSelector('[data-testid="curation-row"]')

  await page.reload()
  await page.waitForSelector('[data-testid="curation-total"]')
  t.equal(await total(), narrowed, 'after a reload, the same pairs')
  t.equal(await page.inputValue('[data-testid="curation-status"]'), 'approved')
  t.equal(await page.inputValue('[data-testid="curation-q"]'), 'PMI 00042')
  t.equal(await page.inputValue('[data-testid="curation-sort"]'), 'buyer')
  const buyers = (await attributes('data-pair')).map((pair) => pair.split(' × ')[1]!)
  t.same(
    buyers,
    [...buyers].sort((a, b) => a.localeCompare(b)),
    'in the chosen order',
  )
})

t.test('a hub pages and filters 1,000 requests by status and name, and the filters survive a reload', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 40, buyers: 25 })
  await addManyRequests(app, eventId, 1000)
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, hub.cookie, { locale: 'en-GB' })
  const total = async () => Number(await page.getAttribute('[data-testid="requests-total"]', 'data-total'))
  const rows = () => page.locator('[data-testid="requests-list"] > li').count()

  await page.goto(`${url}/events/${eventId}?tab=requests`)
  await page.waitForSelector('[data-testid="requests-total"]')
  t.equal(await total(), 1000)
  t.equal(await rows(), 50, 'one page of 50')
  t.match(await page.textContent('[data-testid="request-count-pending"]'), /Pending: 200/)
  await page.click('[data-testid="page-next"]')
  await page.waitForSelector('[data-testid="requests-total"]:has-text("51–100 of 1,000")')
  t.pass('the second page')

  await page.selectOption('[data-testid="requests-status"]', 'pending')
  await waitUntil(async () => (await total()) === 200, 'the pending requests')
  t.notMatch(page.url(), /[?&]page=/, 'a new filter starts from the first page')
  await page.fill('[data-testid="requests-q"]', 'PMI 00001')
  await waitUntil(async () => (await total()) < 200, 'the pending requests of one SME')
  const narrowed = await total()
  t.ok(narrowed > 0, `${narrowed} pending requests of PMI 00001`)

  await page.reload()
  await page.waitForSelector('[data-testid="requests-total"]')
  t.equal(await total(), narrowed, 'after a reload, the same requests')
  t.equal(await page.inputValue('[data-testid="requests-status"]'), 'pending')
  t.equal(await page.inputValue('[data-testid="requests-q"]'), 'PMI 00001')
})

t.test('a hub with 300 participants opens a step, pages it, filters by name and kind, and reloads', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 240, buyers: 60 })
  await spreadParticipationSteps(app, eventId)
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, hub.cookie, { locale: 'en-GB' })
  const count = async (status: string) =>
    Number((await page.textContent(`[data-testid="board-count-${status}"]`))?.replace(/\D/g, ''))
  const cards = (status: string) => page.locator(`[data-testid="board-column-${status}"] .board-card`).count()

  await page.goto(`${url}/events/${eventId}?tab=selection`)
  await page.waitForSelector('[data-testid="board-column-selected"] .board-card')
  const selected = await count('selected')
  t.ok(selected > 100, `${selected} selected`)
  t.equal(await cards('selected'), 12, 'a column shows its first 12 cards')
  await page.click('[data-testid="board-more-selected"]')
  await waitUntil(async () => (await cards('selected')) === 48, 'the step opened on its own, 48 a page')
  t.equal(await page.locator('[data-testid^="board-column-"]').count(), 1, 'only that step')
  await page.click('[data-testid="page-next"]')
  await page.waitForSelector('[data-testid="page-status"]:has-text("Page 2")')
  t.match(page.url(), /bstatus=selected.*page=2|page=2.*bstatus=selected/, 'the step and page are in the address')

  await page.selectOption('[data-testid="board-kind"]', 'buyer')
  await waitUntil(async () => (await count('selected')) < 60, 'only the selected buyers')
  t.notMatch(page.url(), /[?&]page=/, 'a new filter starts from the first page')
  await page.fill('[data-testid="board-q"]', 'buyer 0001')
  await waitUntil(async () => (await count('selected')) <= 10, 'the buyers named 0001x')
  const narrowed = await count('selected')
  await page.reload()
  await page.waitForSelector('[data-testid="board-column-selected"]')
  t.equal(await count('selected'), narrowed, 'after a reload, the same cards')
  t.equal(await page.inputValue('[data-testid="board-kind"]'), 'buyer')
  t.equal(await page.inputValue('[data-testid="board-q"]'), 'buyer 0001')
  await page.click('[data-testid="board-all-steps"]')
  await waitUntil(async () => (await page.locator('[data-testid^="board-column-"]').count()) === 8, 'every step again')
  t.equal(await page.inputValue('[data-testid="board-q"]'), 'buyer 0001', 'the name filter stays')
})

t.test('a hub pages its edition’s contracts, filters to those to verify and by name, and reloads', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 20, buyers: 10 })
  const editionId = await addManyContracts(app, eventId, 120)
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, hub.cookie, { locale: 'en-GB' })
  const total = async () => Number(await page.getAttribute('[data-testid="contracts-total"]', 'data-total'))
  const rows = () => page.locator('[data-testid="contract-row"]').count()

  await page.goto(`${url}/editions/${editionId}/contracts`)
  await page.waitForSelector('[data-testid="contracts-total"]')
  t.equal(await total(), 120)
  t.equal(await rows(), 25, 'one page of 25')
  t.match(await page.textContent('[data-testid="contract-count-confirmed"]'), /Confirmed: 30/)
  await page.click('[data-testid="page-next"]')
  await page.waitForSelector('[data-testid="contracts-total"]:has-text("26–50 of 120")')
  t.pass('the second page')

  await page.selectOption('[data-testid="contracts-status"]', 'confirmed')
  await waitUntil(async () => (await total()) === 30, 'the contracts to verify')
  t.equal(await page.locator('[data-testid="contract-verify"]').count(), 25, 'each offers Verify')
  await page.fill('[data-testid="contracts-q"]', 'PMI 00002')
  await waitUntil(async () => (await total()) < 30, 'one SME’s contracts to verify')
  const narrowed = await total()
  await page.reload()
  await page.waitForSelector('[data-testid="contracts-total"]')
  t.equal(await total(), narrowed, 'after a reload, the same contracts')
  t.equal(await page.inputValue('[data-testid="contracts-status"]'), 'confirmed')
  t.equal(await page.inputValue('[data-testid="contracts-q"]'), 'PMI 00002')
})

t.test('a hub pages 90 SMEs’ voucher accounts, keeps those with claims to decide, and reloads', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 90, buyers: 2 })
  const editionId = await addManyVoucherAccounts(app, eventId)
  const [organiser] = await app.sql<{ id: string }[]>`select id from organisations where legal_name = 'Hub Bench'`
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, hub.cookie, { locale: 'en-GB' })
  const total = async () => Number(await page.getAttribute('[data-testid="vouchers-total"]', 'data-total'))
  const accounts = () => page.locator('[data-testid="voucher-account"]').count()

  await page.goto(`${url}/organisers/${organiser!.id}/vouchers?edition=${editionId}`)
  await page.waitForSelector('[data-testid="vouchers-total"]')
  t.equal(await total(), 90)
  t.equal(await accounts(), 20, 'one page of 20 accounts')
  t.match(await page.textContent('[data-testid="voucher-totals-amounts"]'), /450,000/, 'the totals of all 90')
  await page.click('[data-testid="page-next"]')
  await page.waitForSelector('[data-testid="vouchers-total"]:has-text("21–40 of 90")')
  t.pass('the second page')

  await page.check('[data-testid="vouchers-pending"]')
  await waitUntil(async () => (await total()) === 30, 'the accounts with a claim to decide')
  t.equal(await page.locator('[data-testid="voucher-account"] [data-testid="voucher-approve"]').count(), 20)
  await page.fill('[data-testid="vouchers-q"]', 'PMI 0000')
  await waitUntil(async () => (await total()) === 3, 'PMI 00003, 00006 and 00009')
  await page.reload()
  await page.waitForSelector('[data-testid="vouchers-total"]')
  t.equal(await total(), 3, 'after a reload, the same accounts')
  t.ok(await page.isChecked('[data-testid="vouchers-pending"]'))
  t.equal(await page.inputValue('[data-testid="vouchers-q"]'), 'PMI 0000')
})

t.test('a hub pages 300 registrations, switches status, filters by kind and name, and reloads', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  await addManyRegistrations(app, hub.orgId, 300)
  const agent = await signIn(app, 'hub@hub.example')
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, agent.cookie, { locale: 'en-GB' })
  const total = async () => Number(await page.getAttribute('[data-testid="participants-total"]', 'data-total'))

  await page.goto(`${url}/organisers/${hub.orgId}/participants`)
  await page.waitForSelector('[data-testid="participants-total"]')
  t.equal(await total(), 100, 'the pending registrations first')
  t.equal(await page.locator('[data-testid="participants-list"] > li').count(), 25, 'one page of 25')
  t.match(await page.textContent('[data-testid="tab-validated"]'), /\(172\)/, 'each status tab says how many')
  await page.click('[data-testid="page-next"]')
  await page.waitForSelector('[data-testid="participants-total"]:has-text("26–50 of 100")')
  t.pass('the second page')

  await page.click('[data-testid="tab-validated"]')
  await waitUntil(async () => (await total()) === 172, 'the validated registrations')
  t.notMatch(page.url(), /[?&]page=/, 'another status starts from the first page')
  await page.selectOption('[data-testid="participants-kind"]', 'buyer')
  await waitUntil(async () => (await total()) < 172, 'the validated buyers')
  await page.fill('[data-testid="participants-q"]', 'registered 001')
  await waitUntil(async () => (await total()) < 20, 'the validated buyers named 001xx')
  const narrowed = await total()
  await page.reload()
  await page.waitForSelector('[data-testid="participants-total"]')
  t.equal(await total(), narrowed, 'after a reload, the same registrations')
  t.equal(await page.inputValue('[data-testid="participants-kind"]'), 'buyer')
  t.equal(await page.inputValue('[data-testid="participants-q"]'), 'registered 001')
})

t.test('a hub filters its audit trail by area and by who acted, and the filters survive a reload', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 4, buyers: 2 })
  await addManyRequests(app, eventId, 4)
  const queued = await hub.inject({ method: 'POST', url: `/api/events/${eventId}/schedules`, payload: {} })
  t.equal(queued.statusCode, 202)
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, hub.cookie, { locale: 'en-GB' })
  // Read in one go in the page: rows read one by one may be replaced by the filtered list in between.
  const actions = () =>
    page.evaluate<(string | null)[]>(
      `[...document.querySelectorAll('[data-testid="audit-row"]')].map((row) => row.getAttribute('data-action'))`,
    )

  await page.goto(`${url}/audit`)
  await page.waitForSelector('[data-testid="audit-row"]')
  t.ok((await actions()).includes('schedule.queued'), 'the whole trail first')
  await page.selectOption('[data-testid="audit-area"]', 'schedule')
  await waitUntil(async () => (await actions()).every((a) => a?.startsWith('schedule.')), 'only the schedules')
  t.same(await actions(), ['schedule.queued'])
  await page.fill('[data-testid="audit-actor"]', 'nobody by this name')
  await page.waitForSelector('[data-testid="audit-empty"]')
  t.match(await page.textContent('[data-testid="audit-empty"]'), /No event matches the filters/)
  await page.reload()
  await page.waitForSelector('[data-testid="audit-empty"]')
  t.equal(await page.inputValue('[data-testid="audit-area"]'), 'schedule', 'after a reload, the same filters')
  t.equal(await page.inputValue('[data-testid="audit-actor"]'), 'nobody by this name')
})
