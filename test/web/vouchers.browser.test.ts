import t from 'tap'
import { launchBrowser, serveApp, pageWithSession } from '../helpers/browser.js'
import { fixedClock } from '../../server/infra/clock.js'
import { buildFixture, PDF } from '../features/outcomes/fixture.js'

t.test(
  'the hub sets a budget, the SME files a claim with its receipt in Italian, and the hub approves it',
  async (t) => {
    const { app, url } = await serveApp(t, { clock: fixedClock('2027-03-01T10:00:00Z'), outbox: { start: false } })
    const f = await buildFixture(app)
    await app.sql`update users set language = 'it' where email = 's1@s1.example'`
    const browser = await launchBrowser(t)
    const pageAs = (cookie: string, locale: string) => pageWithSession(browser, url, cookie, { locale })

    const hub = await pageAs(f.agents.hub.cookie, 'en-GB')
    await hub.goto(`${url}/kpis?edition=${f.e1}`)
    await hub.click('[data-testid="kpi-vouchers"]')
    await hub.waitForSelector('[data-testid="voucher-totals"]')
    t.equal(
      await hub.locator('[data-testid="voucher-hub-edition"]').inputValue(),
      f.e1,
      'the KPI page leads to the vouchers of the same edition',
    )
    await hub.selectOption('[data-testid="voucher-budget-sme"]', f.org.S1)
    await hub.fill('[data-testid="voucher-budget-amount"]', '5000')
    await hub.click('[data-testid="voucher-budget-submit"]')
    await hub.waitForSelector(`[data-testid="voucher-account"][data-sme-id="${f.org.S1}"]`)

    const sme = await pageAs(f.agents.S1.cookie, 'it-IT')
    await sme.goto(`${url}/organisations/${f.org.S1}`)
    await sme.click('[data-testid="nav-vouchers"]')
    const account = `[data-testid="voucher-account"][data-edition-id="${f.e1}"]`
    await sme.waitForSelector(account)
    t.equal(await sme.getAttribute(`${account} [data-testid="voucher-amounts-remainingEur"]`, 'data-value'), '5000')

    await sme.fill('[data-testid="voucher-amount"]', '6000')
    await sme.fill('[data-testid="voucher-description"]', 'Fiera a Monaco')
    await sme.click('[data-testid="voucher-submit"]')
    await sme.waitForSelector('[data-testid="voucher-form-error"][data-code="vouchers.no_budget"]')
    t.equal(
      await sme.textContent('[data-testid="voucher-amountEur-error"]'),
      'Il valore supera quanto resta del budget.',
      'a claim over the remaining budget is refused, in Italian, naming the amount',
    )
    t.equal((await app.sql`select count(*)::int as n from voucher_claims`)[0]!.n, 0, 'nothing is stored')

    await sme.fill('[data-testid="voucher-amount"]', '1200')
    await sme.selectOption('[data-testid="voucher-category"]', 'event_outside_region')
    await sme.setInputFiles('[data-testid="voucher-receipt"]', {
      name: 'ricevuta.pdf',
      mimeType: 'application/pdf',
      buffer: PDF,
    })
    await sme.click('[data-testid="voucher-submit"]')
    const claim = `${account} [data-testid="voucher-claim"][data-status="pending"]`
    await sme.waitForSelector(`${claim} [data-testid="voucher-receipt-link"]`)
    t.equal(await sme.textContent(`${claim} [data-testid="voucher-claim-status"]`), 'In attesa')
    t.equal(
      await sme.getAttribute(`${account} [data-testid="voucher-amounts-remainingEur"]`, 'data-value'),
      '3800',
      'a pending claim counts against what remains',
    )

    await hub.reload()
    const row = `[data-testid="voucher-account"][data-sme-id="${f.org.S1}"] [data-testid="voucher-claim"]`
    await hub.waitForSelector(`${row}[data-status="pending"]`)
    await hub.click(`${row} [data-testid="voucher-approve"]`)
    await hub.waitForSelector(`${row}[data-status="approved"]`)
    t.equal(
      await hub.getAttribute('[data-testid="voucher-totals-amounts-approvedEur"]', 'data-value'),
      '1200',
      'the edition totals count the approved claim',
    )
    t.equal(await hub.getAttribute('[data-testid="voucher-totals-amounts-remainingEur"]', 'data-value'), '3800')

    const [stored] =
      await app.sql`select status, amount_eur, category, receipt_id is not null as receipt from voucher_claims where sme_id = ${f.org.S1}`
    t.same({ ...stored }, { status: 'approved', amount_eur: 1200, category: 'event_outside_region', receipt: true })
    await sme.reload()
    await sme.waitForSelector(`${account} [data-testid="voucher-claim"][data-status="approved"]`)
    t.equal(await sme.textContent(`${account} [data-testid="voucher-claim-status"]`), 'Approvata')
  },
)

t.test(
  'the hub cannot reject a claim without a reason; the reason it gives is kept and the budget given back',
  async (t) => {
    const { app, url } = await serveApp(t, { clock: fixedClock('2027-03-01T10:00:00Z'), outbox: { start: false } })
    const f = await buildFixture(app)
    await f.agents.hub.inject({
      method: 'PUT',
      url: `/api/editions/${f.e1}/vouchers/${f.org.S1}`,
      payload: { budgetEur: 1000 },
    })
    await f.agents.S1.inject({
      method: 'POST',
      url: `/api/organisations/${f.org.S1}/voucher-claims`,
      payload: { editionId: f.e1, category: 'coaching', amountEur: 400, description: 'Pitch coaching' },
    })
    const browser = await launchBrowser(t)
    const context = await browser.newContext({ locale: 'en-GB' })
    await context.addCookies([{ name: 'mtb_session', value: f.agents.hub.cookie, url }])
    const hub = await context.newPage()
    await hub.goto(`${url}/organisers/${f.hub}/vouchers?edition=${f.e1}`)
    const row = '[data-testid="voucher-claim"]'
    await hub.waitForSelector(`${row}[data-status="pending"]`)
    await hub.click(`${row} [data-testid="voucher-reject"]`)
    await hub.waitForSelector(`${row} [data-testid="voucher-claim-error"][data-code="vouchers.reason_required"]`)
    t.equal((await app.sql`select status from voucher_claims`)[0]!.status, 'pending', 'nothing changed')
    await hub.fill(`${row} [data-testid="voucher-reason"]`, 'Coaching is not eligible this year')
    await hub.click(`${row} [data-testid="voucher-reject"]`)
    await hub.waitForSelector(`${row}[data-status="rejected"]`)
    t.equal(await hub.textContent(`${row} [data-testid="voucher-claim-reason"]`), 'Coaching is not eligible this year')
    t.equal(
      await hub.getAttribute('[data-testid="voucher-totals-amounts-remainingEur"]', 'data-value'),
      '1000',
      'a rejected claim gives the budget back',
    )
  },
)
