import t from 'tap'
import { launchBrowser, pageWithSession, serveApp, waitUntil } from '../helpers/browser.js'
import { affiliate, createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { offer } from '../helpers/catalogue.js'
import { createEdition, createEvent } from '../helpers/builders.js'
import { noticeXml, twoLotContractNotice } from '../helpers/notices.js'

const DAY = 86_400_000
/** `2027-03-01+01:00` for a day `days` from now (the browser counts down against its own clock). */
const dayFromNow = (days: number) => `${new Date(Date.now() + days * DAY).toISOString().slice(0, 10)}+01:00`

t.test(
  'a hub uploads a contract notice, previews and imports it; an SME selling in the same CPV branch finds the tender among the needs matching its offer, with its deadline',
  async (t) => {
    const { app, url } = await serveApp(t, { outbox: { start: false } })
    const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
    const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
    await affiliate(app, hub.orgId, sme.orgId)
    const smeAgent = await signIn(app, 'ada@alpha.example')
    const offerId = (
      await smeAgent.inject({ method: 'POST', url: `/api/organisations/${sme.orgId}/offers`, payload: offer() })
    ).json().id as string

    const spec = twoLotContractNotice()
    const xml = noticeXml({
      ...spec,
      lots: [
        {
          ...spec.lots[0]!,
          title: { ITA: 'Autobus elettrici urbani', ENG: 'Electric city buses' },
          description: { ITA: 'Fornitura di autobus elettrici a batteria', ENG: 'Supply of battery electric buses' },
          cpv: '34144910',
          cpvExtra: [],
          deadline: { date: dayFromNow(12), time: '12:00:00+01:00' },
        },
        spec.lots[1]!,
      ],
    })
    const hubAgent = await signIn(app, 'hub@hub.example')
    const edition = await createEdition(hubAgent, hub.orgId)
    const event = await createEvent(hubAgent, edition.id, {
      name: 'Meet the Buyer Torino',
      days: [{ date: dayFromNow(40).slice(0, 10), sessions: [{ name: 'morning', start: '09:00', end: '12:00' }] }],
    })
    const browser = await launchBrowser(t)
    const hubPage = await pageWithSession(browser, url, (await signIn(app, 'hub@hub.example')).cookie)
    await hubPage.goto(`${url}/organisers/${hub.orgId}/tenders`)
    await hubPage.waitForSelector('[data-testid="tenders-empty"]')
    await hubPage.setInputFiles('[data-testid="notice-files"]', [
      { name: 'torino.xml', mimeType: 'application/xml', buffer: Buffer.from(xml) },
      {
        name: 'award.xml',
        mimeType: 'application/xml',
        buffer: Buffer.from(
          noticeXml({
            root: 'ContractAwardNotice',
            noticeId: spec.noticeId.replace(/1$/, '9'),
            lots: [{ id: 'LOT-0001' }],
          }),
        ),
      },
    ])
    await hubPage.waitForSelector('[data-testid="notice-reports-preview"]')
    t.same(
      await hubPage.evaluate<string[]>(
        `[...document.querySelectorAll('[data-testid="notice-reports-preview"] [data-testid="notice-report"]')].map((e) => e.dataset.outcome)`,
      ),
      ['created', 'refused'],
    )
    t.match(
      await hubPage.textContent('[data-testid="notice-refusal"]'),
      /contract award notice/,
      'the refusal says why, in the reader’s language',
    )
    t.equal((await app.sql`select count(*)::int as n from tenders`)[0]!.n, 0, 'the preview imports nothing')
    await hubPage.click('[data-testid="notice-import-button"]')
    await hubPage.waitForSelector('[data-testid="notice-import-result"]')
    await hubPage.waitForSelector('[data-testid="tender-row"]')
    t.match(
      await hubPage.textContent('[data-testid="tender-row"]'),
      /Servizi digitali per la mobilità|Digital services/,
    )
    t.match(await hubPage.textContent('[data-testid="tender-deadline"]'), /closes in (11|12) days/)
    await hubPage.selectOption('[data-testid="bring-event"]', { label: 'Meet the Buyer Torino' })
    await hubPage.click('[data-testid="bring-button"]')
    await hubPage.waitForSelector('[data-testid="bring-done"]')
    const [participation] = await app.sql`
      select p.status from participations p join organisations o on o.id = p.organisation_id
      where p.event_id = ${event.id} and o.legal_name = 'Comune di Torino'`
    t.equal(participation?.status, 'targeted', 'the hub targets the public buyer for its event in one click')
    await app.outbox.drain()

    const smePage = await pageWithSession(browser, url, smeAgent.cookie)
    await smePage.goto(`${url}/organisations/${sme.orgId}/offers/${offerId}`)
    const publicItems = '[data-testid="offer-matches"] [data-testid="match-item"][data-public="true"]'
    await smePage.waitForSelector(publicItems)
    const tender = smePage.locator(publicItems).first()
    t.match(await tender.textContent(), /Autobus elettrici urbani/, 'the bus lot matches best')
    t.match(await tender.locator('[data-testid="match-deadline"]').textContent(), /closes in (11|12) days/)
    t.equal(await tender.locator('a[href^="https://ted.europa.eu/"]').count(), 1, 'the notice on TED is one click away')

    await tender.locator('a[href^="/needs/"]').click()
    await smePage.waitForSelector('[data-testid="tender-panel"]')
    t.match(
      await smePage.textContent('[data-testid="tender-panel-own-language"]'),
      /Electric city buses/,
      'an English reader reads the Italian notice’s lot in English',
    )
    t.match(await smePage.textContent('[data-testid="tender-panel-deadline"]'), /closes in (11|12) days/)
    t.match(await smePage.textContent('[data-testid="tender-panel-details"]'), /€250,001|€250,000/)

    const italian = await pageWithSession(browser, url, smeAgent.cookie, { locale: 'it-IT' })
    await italian.addInitScript("localStorage.setItem('mtb.lang', 'it')")
    await italian.goto(`${url}/search/needs?buyerType=public`)
    await italian.waitForSelector('[data-testid="search-hit"]')
    await waitUntil(
      async () => (await italian.locator('[data-testid="hit-public"]').count()) === 2,
      'both lots among the needs of public buyers',
    )
    t.match(await italian.locator('[data-testid="hit-public"]').first().textContent(), 'Gara pubblica')
    t.same(
      (
        await italian.evaluate<string[]>(
          `[...document.querySelectorAll('[data-testid="hit-deadline"]')].map((e) => e.textContent)`,
        )
      ).some((text) => /^scade tra (11|12) giorni/.test(text)),
      true,
      'each hit counts down to its deadline in the reader’s language',
    )
    t.match(await italian.textContent('[data-testid="facet-closesWithin"]'), /Entro 30 giorni/)
    await italian.goto(`${url}/organisations/${sme.orgId}/offers/${offerId}`)
    await italian.waitForSelector(`${publicItems} [data-testid="match-deadline"]`)
    t.match(
      await italian.locator(publicItems).first().locator('[data-testid="match-deadline"]').textContent(),
      /scade tra (11|12) giorni/,
    )
  },
)
