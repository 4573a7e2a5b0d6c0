import t, { type Test } from 'tap'
import type { LightMyRequestResponse } from 'fastify'
import { build } from '../helpers/build.js'
import { createOrgWithAdmin, signIn } from '../helpers/accounts.js'
import { fixedClock } from '../../server/infra/clock.js'
import { buildFixture, PDF } from '../features/outcomes/fixture.js'

const MiB = 1024 * 1024

function assertProblem(t: Test, res: LightMyRequestResponse, code: string, what: string) {
  t.equal(res.statusCode, 413, what)
  t.match(res.headers['content-type'], /^application\/problem\+json/)
  t.match(res.json(), { status: 413, code })
}

t.test('a JSON body over 1 MiB gets a 413 problem and changes nothing', async (t) => {
  const app = await build(t)
  await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha', email: 'ada@alpha.example' })
  const ada = await signIn(app, 'ada@alpha.example')
  const huge = await ada.inject({ method: 'PATCH', url: '/api/me', payload: { name: 'x'.repeat(MiB) } })
  assertProblem(t, huge, 'request.body_too_large', 'a profile change of 1 MiB')
  t.equal((await ada.inject({ method: 'GET', url: '/api/me' })).json().name, 'ada')

  const users = async () => (await app.sql`select count(*)::int as n from users`)[0]!.n as number
  const before = await users()
  const signUp = await app.inject({
    method: 'POST',
    url: '/api/auth/sign-up',
    payload: { kind: 'sme', padding: 'x'.repeat(MiB + 1) },
  })
  assertProblem(t, signUp, 'request.body_too_large', 'a sign-up of 1 MiB')
  t.equal(await users(), before, 'nobody was registered')

  const justUnder = await ada.inject({ method: 'PATCH', url: '/api/me', payload: { name: 'x'.repeat(MiB - 100) } })
  t.equal(justUnder.statusCode, 400, 'a body under the limit reaches validation')
  t.equal(justUnder.json().errors[0].field, 'body.name')
})

t.test('evidence and receipts are limited to 5 MB, the HTTP body to 6 MiB; a refused file is not stored', async (t) => {
  const app = await build(t, { clock: fixedClock('2026-06-01T10:00:00Z'), outbox: { start: false } })
  const f = await buildFixture(app)
  const documents = async () => (await app.sql`select count(*)::int as n from documents`)[0]!.n as number
  const stored = await documents()
  const evidenceOf = async () =>
    (await f.agents.S3.inject({ method: 'GET', url: `/api/contracts/${f.contracts.C3}` })).json().evidence as unknown
  const before = await evidenceOf()
  const put = (body: Buffer) =>
    f.agents.S3.inject({
      method: 'PUT',
      url: `/api/contracts/${f.contracts.C3}/evidence?fileName=big.pdf`,
      payload: body,
      headers: { 'content-type': 'application/pdf' },
    })

  assertProblem(
    t,
    await put(Buffer.concat([PDF, Buffer.alloc(6 * MiB)])),
    'request.body_too_large',
    'a body over 6 MiB is cut off while it arrives',
  )
  assertProblem(
    t,
    await put(Buffer.concat([PDF, Buffer.alloc(5 * MiB)])),
    'documents.too_large',
    'a file over 5 MB is refused by the service',
  )
  t.equal(await documents(), stored, 'nothing was stored')
  t.same(await evidenceOf(), before, 'the contract has the evidence it had')

  const receipt = await f.agents.S1.inject({
    method: 'PUT',
    url: '/api/voucher-claims/00000000-0000-4000-8000-000000000000/receipt',
    payload: Buffer.alloc(7 * MiB),
    headers: { 'content-type': 'image/png' },
  })
  assertProblem(t, receipt, 'request.body_too_large', 'a receipt over 6 MiB')

  const asJson = await f.agents.S3.inject({
    method: 'PUT',
    url: `/api/contracts/${f.contracts.C3}/evidence`,
    payload: JSON.stringify({ pad: 'x'.repeat(2 * MiB) }),
    headers: { 'content-type': 'application/json' },
  })
  t.same(
    [asJson.statusCode, asJson.json().code],
    [415, 'documents.bad_type'],
    'JSON sent to an upload route is not a file',
  )
  t.equal(await documents(), stored)
})
