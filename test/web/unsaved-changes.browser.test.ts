import t from 'tap'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { launchBrowser, pageWithSession, serveApp } from '../helpers/browser.js'

t.test('an offer being written is not lost by leaving the page: the page asks first', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const browser = await launchBrowser(t)
  const page = await pageWithSession(browser, url, (await signIn(app, 'ada@alpha.example')).cookie)
  await page.goto(`${url}/organisations/${sme.orgId}/offers/new`)
  await page.waitForSelector('[data-testid="offer-form"]')

  await page.click('[data-testid="nav-home"]')
  await page.waitForSelector('[data-testid="role-home"]')
  t.pass('an untouched form lets the person leave')

  await page.goto(`${url}/organisations/${sme.orgId}/offers/new`)
  await page.fill('[data-testid="title"]', 'Retrofit kits for rail vehicle doors')
  await page.click('[data-testid="nav-home"]')
  await page.waitForSelector('[role="alertdialog"]')
  t.equal(await page.textContent('#leave-guard-title'), 'Leave without saving?')
  await page.click('[data-testid="leave-stay"]')
  t.match(page.url(), /\/offers\/new$/, 'staying keeps the page')
  t.equal(await page.inputValue('[data-testid="title"]'), 'Retrofit kits for rail vehicle doors', 'and the text')

  await page.click('[data-testid="nav-home"]')
  await page.click('[data-testid="leave-discard"]')
  await page.waitForSelector('[data-testid="role-home"]')
  t.pass('leaving without saving is a choice')
})
