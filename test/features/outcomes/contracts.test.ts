import t from 'tap'
import { build } from '../../helpers/build.js'
import { fixedClock } from '../../../server/infra/clock.js'
import { createOutcomesServices } from '../../../server/features/outcomes/index.js'
import { buildFixture, PDF } from './fixture.js'

const clock = () => fixedClock('2027-03-01T10:00:00Z')
const countContracts = async (app: Awaited<ReturnType<typeof build>>) =>
  (await app.sql`select count(*)::int as n from contracts`)[0]!.n as number

t.test(
  'a contract is reported, evidenced, confirmed by the other side and verified by the hub, with a trail',
  async (t) => {
    const app = await build(t, { clock: clock(), outbox: { start: false } })
    const f = await buildFixture(app)
    const { S3, B1, hub, hub2, S2 } = f.agents
    const id = f.contracts.C3
    const verifyEarly = await hub.inject({
      method: 'POST',
      url: `/api/contracts/${id}/decision`,
      payload: { decision: 'verified' },
    })
    t.same(
      [verifyEarly.statusCode, verifyEarly.json().code],
      [409, 'contracts.illegal_move'],
      'the other side confirms first',
    )
    const own = await S3.inject({ method: 'POST', url: `/api/contracts/${id}/confirm` })
    t.same(
      [own.statusCode, own.json().code],
      [403, 'contracts.not_counterpart'],
      'the reporter cannot confirm its own report',
    )
    t.equal((await B1.inject({ method: 'POST', url: `/api/contracts/${id}/confirm` })).json().status, 'confirmed')
    const noEvidence = await hub.inject({
      method: 'POST',
      url: `/api/contracts/${id}/decision`,
      payload: { decision: 'verified' },
    })
    t.same([noEvidence.statusCode, noEvidence.json().code], [409, 'contracts.evidence_missing'])

    const html = await S3.inject({
      method: 'PUT',
      url: `/api/contracts/${id}/evidence?fileName=x.pdf`,
      payload: Buffer.from('<html><script>alert(1)</script></html>'),
      headers: { 'content-type': 'application/pdf' },
    })
    t.same(
      [html.statusCode, html.json().code, html.json().errors[0].field],
      [415, 'documents.bad_type', 'body'],
      'the type is read from the bytes, not from the header',
    )
    const huge = Buffer.concat([PDF, Buffer.alloc(5 * 1024 * 1024)])
    const tooLarge = await S3.inject({
      method: 'PUT',
      url: `/api/contracts/${id}/evidence`,
      payload: huge,
      headers: { 'content-type': 'application/pdf' },
    })
    t.same([tooLarge.statusCode, tooLarge.json().code], [413, 'documents.too_large'])
    t.equal((await app.sql`select count(*)::int as n from documents`)[0]!.n, 3, 'refused files are not stored')
    const png = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3])
    const attached = await S3.inject({
      method: 'PUT',
      url: `/api/contracts/${id}/evidence?fileName=../../etc/signed "order".png`,
      payload: png,
      headers: { 'content-type': 'application/octet-stream' },
    })
    t.equal(attached.statusCode, 200)
    t.match(attached.json().evidence, { fileName: 'signed _order_.png', type: 'png', size: 11 })

    t.equal(
      (await S2.inject({ method: 'GET', url: `/api/contracts/${id}` })).statusCode,
      404,
      'an SME never sees another SME’s contract',
    )
    t.equal((await S2.inject({ method: 'GET', url: `/api/contracts/${id}/evidence` })).statusCode, 404)
    t.equal(
      (await hub2.inject({ method: 'POST', url: `/api/contracts/${id}/decision`, payload: { decision: 'verified' } }))
        .statusCode,
      404,
      'a hub of another edition cannot verify',
    )
    const verified = await hub.inject({
      method: 'POST',
      url: `/api/contracts/${id}/decision`,
      payload: { decision: 'verified', note: 'Order form checked' },
    })
    t.equal(verified.json().status, 'verified')
    t.same(
      verified.json().trail.map((s: { action: string; organisationName: string }) => [s.action, s.organisationName]),
      [
        ['reported', 'S3 Srl'],
        ['confirmed', 'B1 AG'],
        ['evidence_attached', 'S3 Srl'],
        ['verified', 'Hub Piemonte'],
      ],
    )
    const late = await S3.inject({
      method: 'PUT',
      url: `/api/contracts/${id}/evidence`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    })
    t.same([late.statusCode, late.json().code], [409, 'contracts.illegal_move'], 'verified evidence stays as verified')

    const download = await f.agents.authority.inject({ method: 'GET', url: `/api/contracts/${id}/evidence` })
    t.equal(download.statusCode, 200)
    t.equal(download.headers['content-type'], 'image/png')
    t.equal(download.headers['content-disposition'], 'attachment; filename="signed _order_.png"')
    t.equal(download.headers['x-content-type-options'], 'nosniff')
    t.match(download.headers['content-security-policy'], /sandbox/)
    t.same(download.rawPayload, png)
    const kpis = (await hub.inject({ method: 'GET', url: `/api/editions/${f.e1}/kpis` })).json()
    t.same(
      [kpis.contracts.figure, kpis.contracts.unverified],
      [3, 0],
      'the verified contract moves from apart into KPI iv',
    )
  },
)

t.test('bad contract reports name the field and change nothing', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const before = await countContracts(app)
  const post = (body: Record<string, unknown>) =>
    f.agents.S1.inject({
      method: 'POST',
      url: `/api/organisations/${f.org.S1}/contracts`,
      payload: { title: 'Order', kind: 'purchase_order', signedOn: '2025-10-01', valueEur: 10, ...body },
    })
  const cases: [Record<string, unknown>, number, string, string][] = [
    [{ counterpartId: f.org.S2, editionId: f.e1 }, 400, 'contracts.wrong_parties', 'body.counterpartId'],
    [{ counterpartId: f.org.B1 }, 400, 'contracts.bad_origin', 'body.editionId'],
    [{ counterpartId: f.org.B1, editionId: f.e2 }, 400, 'contracts.bad_origin', 'body.editionId'],
    [{ counterpartId: f.org.B2, requestId: f.request }, 400, 'contracts.bad_origin', 'body.requestId'],
    [{ counterpartId: f.org.B1, eventId: f.ev4, requestId: f.request }, 400, 'contracts.bad_origin', 'body.eventId'],
    [{ counterpartId: f.org.B1, editionId: f.e1, valueEur: -5 }, 400, 'validation.failed', 'body.valueEur'],
    [{ counterpartId: f.org.B1, editionId: f.e1, kind: 'gift' }, 400, 'validation.failed', 'body.kind'],
    [{ counterpartId: f.org.B1, editionId: f.e1, signedOn: '2025-13-01' }, 400, 'validation.failed', 'body.signedOn'],
    [{ counterpartId: f.org.B1, editionId: f.e1, signedOn: '2030-01-01' }, 400, 'validation.failed', 'body.signedOn'],
  ]
  for (const [body, status, code, field] of cases) {
    const res = await post(body)
    t.same(
      [
        res.statusCode,
        res.json().code,
        res
          .json()
          .errors?.map((e: { field: string }) => e.field)
          .includes(field),
      ],
      [status, code, true],
      `${code} ${field}`,
    )
  }
  t.equal(
    (
      await f.agents.S2.inject({
        method: 'POST',
        url: `/api/organisations/${f.org.S1}/contracts`,
        payload: {
          counterpartId: f.org.B1,
          editionId: f.e1,
          title: 'Order',
          kind: 'other',
          signedOn: '2025-10-01',
          valueEur: 1,
        },
      })
    ).statusCode,
    403,
    'nobody reports for another SME',
  )
  t.equal(await countContracts(app), before)
  const listed = (await f.agents.B1.inject({ method: 'GET', url: `/api/organisations/${f.org.B1}/contracts` })).json()
  t.same(
    listed.map((c: { title: string }) => c.title).sort(),
    ['Door retrofit kits', 'Framework for seats'],
    'a buyer lists the contracts it is a side of',
  )
})

t.test('the counter-party is told by e-mail through the outbox', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  await buildFixture(app)
  await app.outbox.drain()
  const mails =
    await app.sql`select "to", subject from captured_mails where subject like '%reported a contract%' order by "to", subject`
  t.same(
    mails.map((m) => [m.to, m.subject]),
    [
      ['b1@b1.example', 'S1 Srl reported a contract with you'],
      ['b1@b1.example', 'S3 Srl reported a contract with you'],
      ['b2@b2.example', 'S1 Srl reported a contract with you'],
      ['b4@b4.example', 'S5 Srl reported a contract with you'],
      ['s2@s2.example', 'B2 AG reported a contract with you'],
    ],
  )
})

t.test('performance reports: checks, and yearly follow-up requests mailed once through the outbox', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const put = (year: number, body: Record<string, unknown>) =>
    f.agents.S3.inject({ method: 'PUT', url: `/api/organisations/${f.org.S3}/performance/${year}`, payload: body })
  const over = await put(2025, { turnoverEur: 100, exportEur: 200, source: 'self_declared' })
  t.same([over.statusCode, over.json().errors[0].field], [400, 'body.exportEur'])
  const future = await put(2027, { turnoverEur: 100, exportEur: 20, source: 'self_declared' })
  t.same([future.statusCode, future.json().errors[0].field], [400, 'params.year'])
  const early = await put(2022, { turnoverEur: 100, exportEur: 20, source: 'self_declared' })
  t.same(
    [early.statusCode, early.json().errors[0].code, early.json().params],
    [400, 'beforeBaseline', { baselineYear: 2024 }],
    'no year before the baseline',
  )
  const buyer = await f.agents.B1.inject({
    method: 'PUT',
    url: `/api/organisations/${f.org.B1}/performance/2025`,
    payload: { turnoverEur: 1, exportEur: 0, source: 'self_declared' },
  })
  t.same([buyer.statusCode, buyer.json().errors[0].field], [400, 'params.orgId'])
  const mine = (await f.agents.S3.inject({ method: 'GET', url: `/api/organisations/${f.org.S3}/performance` })).json()
  t.same(
    [mine.baselineYear, mine.followUpYears, mine.reports.map((r: { year: number }) => r.year)],
    [2024, [2025, 2026, 2027], [2024]],
  )
  t.equal(
    (await f.agents.S2.inject({ method: 'GET', url: `/api/organisations/${f.org.S3}/performance` })).statusCode,
    403,
  )
  t.equal(
    (await f.agents.hub.inject({ method: 'GET', url: `/api/organisations/${f.org.S3}/performance` })).statusCode,
    403,
    'only the hubs the SME registered with read it',
  )

  const services = createOutcomesServices({
    db: app.db,
    clock: clock(),
    outbox: app.outbox,
    audit: { record: async () => {} },
    publicUrl: 'http://mtb.example',
  })
  await app.sql`delete from outbox`
  const sent = await services.performance.requestFollowUps()
  // Due (year over, not reported): S1 2026; S2 2025; S3 2025, 2026; S5 2025 (baseline), 2026.
  t.equal(sent, 6)
  t.equal(await services.performance.requestFollowUps(), 0, 'each SME and year is asked once')
  await app.outbox.drain()
  const mails =
    await app.sql`select "to", subject from captured_mails where subject like 'Turnover and exports%' order by "to", subject`
  t.same(
    mails.map((m) => `${m.to} ${m.subject.slice(0, 25)}`),
    [
      'leaver@s1.example Turnover and exports 2026',
      's1@s1.example Turnover and exports 2026',
      's2@s2.example Turnover and exports 2025',
      's3@s3.example Turnover and exports 2025',
      's3@s3.example Turnover and exports 2026',
      's5@s5.example Turnover and exports 2025',
      's5@s5.example Turnover and exports 2026',
    ],
    'every member of the SME, one mail per year',
  )
})

t.test('vouchers: a budget per SME, claims within it, receipts, approval and totals', async (t) => {
  const app = await build(t, { clock: clock(), outbox: { start: false } })
  const f = await buildFixture(app)
  const budget = await f.agents.hub.inject({
    method: 'PUT',
    url: `/api/editions/${f.e1}/vouchers/${f.org.S1}`,
    payload: { budgetEur: 5000 },
  })
  t.match(budget.json(), { budgetEur: 5000, remainingEur: 5000 })
  const notHere = await f.agents.hub.inject({
    method: 'PUT',
    url: `/api/editions/${f.e1}/vouchers/${f.org.S5}`,
    payload: { budgetEur: 5000 },
  })
  t.same([notHere.statusCode, notHere.json().errors[0].field], [400, 'params.orgId'])
  const claim = (amountEur: number, category = 'event_outside_region') =>
    f.agents.S1.inject({
      method: 'POST',
      url: `/api/organisations/${f.org.S1}/voucher-claims`,
      payload: { editionId: f.e1, category, amountEur, description: 'Trade fair in Munich' },
    })
  const tooMuch = await claim(6000)
  t.same(
    [tooMuch.statusCode, tooMuch.json().code, tooMuch.json().errors[0].field],
    [409, 'vouchers.no_budget', 'body.amountEur'],
  )
  const first = (await claim(3000)).json()
  t.same([first.pendingEur, first.remainingEur], [3000, 2000])
  await claim(1500, 'coaching')
  t.equal(first.claims.length, 1)
  const claims = (await f.agents.S1.inject({ method: 'GET', url: `/api/organisations/${f.org.S1}/vouchers` })).json()[0]
    .claims as { id: string; category: string }[]
  const fair = claims.find((c) => c.category === 'event_outside_region')!.id
  const coaching = claims.find((c) => c.category === 'coaching')!.id
  t.equal(
    (
      await f.agents.S1.inject({
        method: 'PUT',
        url: `/api/voucher-claims/${fair}/receipt`,
        payload: PDF,
        headers: { 'content-type': 'application/pdf' },
      })
    )
      .json()
      .claims.find((c: { id: string }) => c.id === fair).hasReceipt,
    true,
  )
  t.equal(
    (
      await f.agents.hub2.inject({
        method: 'POST',
        url: `/api/voucher-claims/${fair}/decision`,
        payload: { decision: 'approved' },
      })
    ).statusCode,
    404,
  )
  const noReason = await f.agents.hub.inject({
    method: 'POST',
    url: `/api/voucher-claims/${coaching}/decision`,
    payload: { decision: 'rejected' },
  })
  t.same([noReason.statusCode, noReason.json().errors[0].field], [400, 'body.reason'])
  await f.agents.hub.inject({
    method: 'POST',
    url: `/api/voucher-claims/${fair}/decision`,
    payload: { decision: 'approved' },
  })
  await f.agents.hub.inject({
    method: 'POST',
    url: `/api/voucher-claims/${coaching}/decision`,
    payload: { decision: 'rejected', reason: 'Coaching was free' },
  })
  const edition = (await f.agents.authority.inject({ method: 'GET', url: `/api/editions/${f.e1}/vouchers` })).json()
  t.same(edition.totals, {
    budgetEur: 5000,
    pendingEur: 0,
    approvedEur: 3000,
    remainingEur: 2000,
    byCategory: { event_outside_region: 3000, coaching: 0 },
  })
  t.equal(
    (await f.agents.hub.inject({ method: 'GET', url: `/api/voucher-claims/${fair}/receipt` })).headers['content-type'],
    'application/pdf',
  )
})
