import t from 'tap'
import type { Page } from 'playwright-core'
import { readFile } from 'node:fs/promises'
import { parse } from 'csv-parse/sync'
import { launchBrowser, serveApp, pageWithSession } from '../helpers/browser.js'
import { fixedClock } from '../../server/infra/clock.js'
import { buildFixture } from '../features/outcomes/fixture.js'

t.test('a hub reads its KPI dashboard, drills down to the verified contracts and downloads them as CSV', async (t) => {
  const { app, url } = await serveApp(t, { clock: fixedClock('2027-03-01T10:00:00Z'), outbox: { start: false } })
  const f = await buildFixture(app)
  const browser = await launchBrowser(t)
  const context = await browser.newContext({ locale: 'en-GB', acceptDownloads: true })
  await context.addCookies([{ name: 'mtb_session', value: f.agents.hub.cookie, url }])
  const page = await context.newPage()
  await page.goto(`${url}/kpis?edition=${f.e1}`)
  await page.waitForSelector('[data-testid="kpi-cards"]')
  t.equal(await page.textContent('[data-testid="kpi-card-contracts"] [data-testid="kpi-value"]'), '2')
  t.equal(await page.textContent('[data-testid="kpi-card-smes"] [data-testid="kpi-value"]'), '3')
  t.equal(await page.getAttribute('[data-testid="chart-target-buyersOutsideTargeted"]', 'data-actual'), '2')
  t.equal(await page.getAttribute('[data-testid="funnel-verified"]', 'data-value'), '2')
  t.ok(await page.isVisible('[data-testid="chart-trend"]'), 'the trend across editions is drawn')
  t.ok(await page.isVisible('[data-testid="chart-distribution-turnover"]'))

  await page.click('[data-testid="drill-contracts"]')
  await page.waitForSelector('[data-testid="kpi-drilldown"][data-table="contracts"] [data-testid="kpi-row"]')
  t.equal(await page.locator('[data-testid="kpi-row"]').count(), 2, 'the rows behind the figure')
  const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid="export-csv"]')])
  const rows = parse(await readFile((await download.path())!, 'utf8'), { columns: true }) as { valueEur: string }[]
  t.same(
    [rows.length, rows.reduce((s, r) => s + Number(r.valueEur), 0)],
    [2, 150_000],
    'the export re-adds to the dashboard',
  )

  await page.click('[data-testid="drill-turnover"]')
  await page.waitForSelector('[data-testid="kpi-drilldown"][data-table="turnover"] [data-testid="kpi-row"]')
  t.equal(await page.getAttribute('[data-testid="kpi-rows-total"]', 'data-total'), '3')
})

t.test('the buyer confirms a contract in Italian and the hub verifies it', async (t) => {
  const { app, url } = await serveApp(t, { clock: fixedClock('2027-03-01T10:00:00Z'), outbox: { start: false } })
  const f = await buildFixture(app)
  await app.sql`update users set language = 'it'`
  const browser = await launchBrowser(t)
  const pageAs = (cookie: string, locale: string) => pageWithSession(browser, url, cookie, { locale })
  const buyer = await pageAs(f.agents.B1.cookie, 'it-IT')
  await buyer.goto(`${url}/organisations/${f.org.B1}/contracts`)
  const row = `[data-testid="contract-row"][data-contract-id="${f.contracts.C3}"]`
  await buyer.waitForSelector(row)
  t.equal(await buyer.textContent(`${row} [data-testid="contract-status"]`), 'Segnalato')
  await buyer.click(`${row} [data-testid="contract-confirm"]`)
  await buyer.waitForSelector(`${row}[data-status="confirmed"]`)
  await buyer.setInputFiles(`${row} [data-testid="contract-evidence-input"]`, {
    name: 'ordine.pdf',
    mimeType: 'application/pdf',
    buffer: Buffer.from('%PDF-1.4\n%%EOF\n'),
  })
  await buyer.waitForSelector(`${row} [data-testid="contract-evidence"]`)

  const hub = await pageAs(f.agents.hub.cookie, 'en-GB')
  await hub.goto(`${url}/editions/${f.e1}/contracts`)
  await hub.click(`${row} [data-testid="contract-verify"]`)
  await hub.waitForSelector(`${row}[data-status="verified"]`)
  const [contract] = await app.sql`select status from contracts where id = ${f.contracts.C3}`
  t.equal(contract!.status, 'verified')
})

t.test('the figures across editions read right for 1 edition and for 30, at 1366 px and on a phone', async (t) => {
  const { app, url } = await serveApp(t, { clock: fixedClock('2027-03-01T10:00:00Z'), outbox: { start: false } })
  const f = await buildFixture(app)
  const browser = await launchBrowser(t)
  const longName = 'Connecting SMEs with Large Buyers — Piemonte e Valle d’Aosta'
  const measure = async (page: Page) =>
    (await page.evaluate(`(() => {
      const chart = document.querySelector('[data-testid="chart-trend"]')
      const panel = chart.closest('.panel')
      const box = chart.getBoundingClientRect()
      return {
        rows: chart.querySelectorAll('[data-testid="bar-table-row"]').length,
        chartRight: box.right,
        panelRight: panel.getBoundingClientRect().right,
        pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
        names: [...chart.querySelectorAll('th[scope="row"]')].map((th) => th.textContent),
        overflowingBars: [...chart.querySelectorAll('.cell-bar-fill')].filter(
          (b) => b.getBoundingClientRect().width > b.parentElement.getBoundingClientRect().width + 0.5,
        ).length,
      }
    })()`)) as {
      rows: number
      chartRight: number
      panelRight: number
      pageOverflow: number
      names: string[]
      overflowingBars: number
    }

  const hub = await pageWithSession(browser, url, f.agents.hub.cookie, { locale: 'en-GB' })
  await hub.goto(`${url}/kpis?edition=${f.e1}`)
  await hub.waitForSelector('[data-testid="chart-trend"]')
  const one = await measure(hub)
  t.equal(one.rows, 1, 'one edition, one row')
  t.ok(one.chartRight <= one.panelRight + 0.5, 'the chart stays inside its panel')
  t.equal(one.overflowingBars, 0, 'no bar is wider than its track')

  for (let i = 0; i < 28; i++)
    await app.sql`insert into editions (name, period_start, period_end, home_nuts2, kpi_targets)
      values (${`${longName} ${2000 + i}`}, ${`${2000 + i}-01-01`}, ${`${2000 + i}-12-31`}, 'ITC1', '{}'::jsonb)`
  for (const width of [1366, 390]) {
    const authority = await pageWithSession(browser, url, f.agents.authority.cookie, {
      locale: 'en-GB',
      viewport: { width, height: 900 },
    })
    await authority.goto(`${url}/kpis`)
    await authority.waitForSelector('[data-testid="chart-trend"]')
    const thirty = await measure(authority)
    t.equal(thirty.rows, 30, `${width} px: thirty editions, thirty rows`)
    t.ok(thirty.chartRight <= thirty.panelRight + 0.5, `${width} px: the chart stays inside its panel`)
    t.ok(thirty.pageOverflow <= 0, `${width} px: the page does not scroll sideways`)
    t.ok(
      thirty.names.some((n) => n.startsWith(`${longName} 2000`)),
      `${width} px: long edition names are shown whole`,
    )
  }
})
