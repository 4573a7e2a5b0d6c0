import t from 'tap'
import { launchBrowser, serveApp } from '../helpers/browser.js'

t.test('the web app loads from the server and switches between English and Italian', async (t) => {
  const { url } = await serveApp(t)
  const browser = await launchBrowser(t)
  const page = await browser.newPage({ locale: 'en-GB' })

  await page.goto(url)
  await page.waitForSelector('[data-testid="status-overall"]')
  t.equal(await page.textContent('h1'), 'Meet the Buyer: connecting SMEs with large buyers')
  t.equal(await page.getAttribute('html', 'lang'), 'en')
  t.equal(
    await page.getAttribute('[data-testid="status-overall"]', 'data-state'),
    'ok',
    'the status panel reads /health',
  )
  t.equal(await page.getAttribute('[data-testid="status-database"]', 'data-state'), 'up')

  await page.click('button[data-lang="it"]')
  await page.waitForSelector('html[lang="it"]', { state: 'attached' })
  t.equal(await page.textContent('h1'), 'Meet the Buyer: le PMI incontrano i grandi acquirenti')
  t.equal(await page.getAttribute('button[data-lang="it"]', 'aria-pressed'), 'true')

  await page.reload()
  await page.waitForSelector('h1')
  t.equal(await page.getAttribute('html', 'lang'), 'it', 'the choice survives a reload')

  await page.click('button[data-lang="en"]')
  await page.waitForSelector('html[lang="en"]', { state: 'attached' })
  t.equal(await page.textContent('h1'), 'Meet the Buyer: connecting SMEs with large buyers')
})

t.test('a deep link to a page of the app is served the app, an unknown API path a problem', async (t) => {
  const { url } = await serveApp(t)
  const browser = await launchBrowser(t)
  const page = await browser.newPage({ locale: 'it-IT' })
  const response = await page.goto(`${url}/sign-in`)
  t.equal(response?.status(), 200)
  await page.waitForSelector('[data-testid="sign-in-form"]')
  t.equal(await page.getAttribute('html', 'lang'), 'it', 'an Italian browser starts in Italian')

  await page.goto(`${url}/no-such-page`)
  await page.waitForSelector('[data-testid="not-found"]')
  t.equal(await page.textContent('h1'), 'Pagina non trovata')

  const api = await fetch(`${url}/api/no-such-thing`, { headers: { accept: 'text/html' } })
  t.equal(api.status, 404)
  t.match(api.headers.get('content-type'), /^application\/problem\+json/)
})
