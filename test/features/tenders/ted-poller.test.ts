import t, { type Test } from 'tap'
import { createServer, type IncomingMessage } from 'node:http'
import type { AddressInfo } from 'node:net'
import { build } from '../../helpers/build.js'
import { loadConfig } from '../../../server/config.js'
import { createOrgWithAdmin } from '../../helpers/accounts.js'
import { NOTICE_IDS, noticeXml, twoLotContractNotice } from '../../helpers/notices.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createTedPoller } from '../../../server/features/tenders/ted-poller.js'
import { createServices } from '../../../server/features/index.js'

const body = async (request: IncomingMessage) => {
  const chunks: Buffer[] = []
  for await (const chunk of request) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks).toString('utf8')
}

/** A stand-in for TED on this machine: the search API and the notice files, counting what is asked. */
async function fakeTed(t: Test, files: Record<string, { status: number; xml: string }>) {
  const asked = { searches: [] as { query: string; page: number }[], files: [] as string[] }
  const server = createServer(async (request, response) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
    if (request.method === 'POST' && request.url === '/v3/notices/search') {
      const { query, page } = JSON.parse(await body(request)) as { query: string; page: number }
      asked.searches.push({ query, page })
      const numbers = Object.keys(files)
      response.setHeader('content-type', 'application/json')
      return response.end(
        JSON.stringify({
          notices: numbers.map((n) => ({
            'publication-number': n,
            links: { xml: { MUL: `${base}/notice/${n}/xml` } },
          })),
          totalNoticeCount: numbers.length,
        }),
      )
    }
    const match = /^\/notice\/([^/]+)\/xml$/.exec(request.url ?? '')
    const file = match ? files[match[1]!] : undefined
    if (match) asked.files.push(match[1]!)
    response.statusCode = file?.status ?? 404
    response.end(file?.xml ?? 'not found')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  t.teardown(() => new Promise<void>((resolve) => server.close(() => resolve())))
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, asked, files }
}

t.test(
  'the poller imports each new notice TED lists once, retries one it could not fetch, and changes nothing on its own',
  async (t) => {
    const clock = fixedClock('2027-02-01T10:00:00Z')
    const app = await build(t, { clock, outbox: { start: false } })
    await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Torino', email: 'hub@hub.example' })
    const cn = twoLotContractNotice({ publicationNumber: undefined })
    const ted = await fakeTed(t, {
      '00011111-2027': { status: 200, xml: noticeXml(cn) },
      '00022222-2027': {
        status: 200,
        xml: noticeXml({ root: 'ContractAwardNotice', noticeId: NOTICE_IDS.award, lots: [{ id: 'LOT-0001' }] }),
      },
      '00033333-2027': { status: 503, xml: 'busy' },
    })
    const services = createServices(app, loadConfig({ LOG_LEVEL: 'silent' }))
    const poller = createTedPoller({
      db: app.db,
      clock,
      config: { query: 'buyer-country=ITA', hub: 'hub torino', apiUrl: ted.url, everyMinutes: 60, days: 7 },
      tenders: services.tenders,
      organisations: services.organisations,
    })

    const first = await poller.poll()
    t.same(first, { found: 3, fetched: 2, outcomes: { created: 1, refused: 1 }, failed: 1 })
    t.same(ted.asked.searches, [{ query: '(buyer-country=ITA) AND publication-date>=20270125', page: 1 }])
    const [tender] = await app.sql`select publication_number from tenders`
    t.equal(tender?.publication_number, '00011111-2027', 'the TED link comes from the search when the XML has none')
    t.same(
      (
        await app.sql`select publication_number, outcome, done_at is not null as done from ted_polled_notices order by 1`
      ).map((r) => [r.publication_number, r.outcome, r.done]),
      [
        ['00011111-2027', 'created', true],
        ['00022222-2027', 'refused', true],
        ['00033333-2027', 'failed', false],
      ],
    )

    ted.files['00033333-2027'] = {
      status: 200,
      xml: noticeXml({ ...cn, noticeId: NOTICE_IDS.other, procedureId: NOTICE_IDS.other }),
    }
    const soon = await poller.poll()
    t.same(soon.fetched, 0, 'a failed notice waits before it is taken again; the others are never fetched twice')
    clock.advance(11 * 60_000)
    const later = await poller.poll()
    t.same(later, { found: 3, fetched: 1, outcomes: { created: 1 }, failed: 0 }, 'the failed one is fetched again')
    t.same(ted.asked.files.sort(), ['00011111-2027', '00022222-2027', '00033333-2027', '00033333-2027'])
    t.equal((await app.sql`select count(*)::int as n from tenders`)[0]!.n, 2)
  },
)

t.test('the poller is off unless configured, and names a missing half of its settings', async (t) => {
  t.equal(loadConfig({}).tedPoll, undefined)
  t.throws(() => loadConfig({ TED_POLL_QUERY: 'buyer-country=ITA' }), /TED_POLL_QUERY and TED_POLL_HUB go together/)
  t.same(loadConfig({ TED_POLL_QUERY: 'buyer-country=ITA', TED_POLL_HUB: 'Hub' }).tedPoll, {
    query: 'buyer-country=ITA',
    hub: 'Hub',
    apiUrl: 'https://api.ted.europa.eu',
    everyMinutes: 60,
    days: 7,
  })
  t.throws(() => loadConfig({ TED_POLL_QUERY: 'q', TED_POLL_HUB: 'Hub', TED_POLL_DAYS: '400' }), /TED_POLL_DAYS/)
})
