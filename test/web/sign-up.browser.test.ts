import t from 'tap'
import { launchBrowser, serveApp } from '../helpers/browser.js'
import { startSmtp, linkIn } from '../helpers/smtp.js'
import { createOrgWithAdmin } from '../helpers/accounts.js'
import type { Page } from 'playwright-core'

t.test('an SME signs up in the browser, gets the link by e-mail and lands signed in', async (t) => {
  const smtp = await startSmtp(t)
  const { app, url } = await serveApp(t, { env: { SMTP_URL: smtp.url }, outbox: { pollMs: 50 } })
  const hub = await createOrgWithAdmin(app, {
    kind: 'organiser',
    name: 'Polo Innovazione Piemonte',
    email: 'hub@hub.example',
  })
  const browser = await launchBrowser(t)
  const page = await browser.newPage({ locale: 'it-IT' })

  await fillSignUp(page, url, hub.orgId, 'IT11223344554')
  await page.click('[data-testid="sign-up-submit"]')
  await page.waitForSelector('[data-testid="sign-up-done"]')

  const mail = await smtp.waitForMail('chiara@robotica.example')
  t.equal(mail.subject, 'Il tuo link di accesso a Meet the Buyer', 'the mail is in the person’s language')
  const link = linkIn(mail, '/auth/verify?token=').replace('http://127.0.0.1:3000', url)
  await page.goto(link)
  await page.waitForSelector('[data-testid="role-home"]')
  t.match(await page.textContent('h1'), /Chiara Gallo/, 'the link lands on the home, which greets the person')
  t.match(await page.textContent('[data-testid="user-name"]'), /Chiara Gallo/)
  const [org] =
    await app.sql`select o.legal_name, a.status from organisations o join affiliations a on a.participant_id = o.id where o.kind = 'sme'`
  t.same(org, { legal_name: 'Robotica Sabauda S.r.l.', status: 'pending' })
})

t.test('a wrong partita IVA is shown next to its field, in Italian', async (t) => {
  const { app, url } = await serveApp(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Polo', email: 'hub@hub.example' })
  const browser = await launchBrowser(t)
  const page = await browser.newPage({ locale: 'it-IT' })
  await fillSignUp(page, url, hub.orgId, 'IT11223344555')
  await page.click('[data-testid="sign-up-submit"]')
  const error = await page.waitForSelector('[data-testid="error-organisation.vatId"]')
  t.ok((await error.textContent())!.length > 0)
  const [count] = await app.sql`select count(*)::int as n from users`
  t.equal(count!.n, 1, 'only the hub’s admin exists')
})

/** Fills the SME sign-up form as a person would. */
async function fillSignUp(page: Page, url: string, hubId: string, vatId: string) {
  await page.goto(`${url}/sign-up`)
  await page.click('[data-testid="kind-sme"]')
  await page.selectOption('[data-testid="organiser"]', hubId)
  await page.fill('[data-testid="organisation.legalName"]', 'Robotica Sabauda S.r.l.')
  await page.fill('[data-testid="organisation.vatId"]', vatId)
  await page.selectOption('[data-testid="organisation.country"]', 'IT')
  await page.fill('[data-testid="organisation.nuts2"]', 'ITC1')
  await page.fill('[data-testid="organisation.address.street"]', 'Via Roma 1')
  await page.fill('[data-testid="organisation.address.postalCode"]', '10121')
  await page.fill('[data-testid="organisation.address.city"]', 'Torino')
  await page.selectOption('[data-testid="organisation.sizeClass"]', 'small')
  await page.fill('[data-testid="user.name"]', 'Chiara Gallo')
  await page.fill('[data-testid="user.email"]', 'chiara@robotica.example')
  await page.check('[data-testid="consents.profileVisibleToMatches"]')
}
