import t from 'tap'
import { addManyRegistrations } from '../../../bench/curation/generate.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { build } from '../../helpers/build.js'

interface Page {
  items: { organisation: { legalName: string; kind: string }; status: string; registeredAt: string }[]
  total: number
  counts: Record<string, number>
  page: number
  pageSize: number
}

t.test('a hub pages 300 registrations by status, kind and name, newest first, with counts', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  await addManyRegistrations(app, hub.orgId, 300)
  const agent = await signIn(app, 'hub@hub.example')
  const read = async (query: string) => {
    const res = await agent.inject({ method: 'GET', url: `/api/organisers/${hub.orgId}/participants/page?${query}` })
    t.equal(res.statusCode, 200, query)
    return res.json() as Page
  }

  const all = await read('')
  t.same(all.counts, { pending: 100, validated: 172, rejected: 28 }, 'counts per status')
  t.same([all.total, all.items.length, all.pageSize], [300, 25, 25])
  t.equal(all.items[0]!.organisation.legalName, 'Registered 00300 S.p.A.', 'newest registered first')
  const pending = await read('status=pending&page=4')
  t.same([pending.total, pending.items.length, pending.page], [100, 25, 4], 'the last page of the 100 pending')
  t.ok(pending.items.every((p) => p.status === 'pending'))
  const buyers = await read('kind=buyer&status=validated')
  t.ok(
    buyers.items.every((p) => p.organisation.kind === 'buyer' && p.status === 'validated'),
    'validated buyers',
  )
  t.equal(
    Object.values(buyers.counts).reduce((a, b) => a + b, 0),
    75,
    'counts follow the kind: 75 buyers',
  )
  const one = await read('q=registered%2000042')
  t.same(
    one.items.map((p) => p.organisation.legalName),
    ['Registered 00042 S.r.l.'],
    'by name',
  )

  const bad = await agent.inject({ method: 'GET', url: `/api/organisers/${hub.orgId}/participants/page?kind=hub` })
  t.match([bad.statusCode, bad.json()], [400, { errors: [{ field: 'query.kind' }] }], 'a bad kind is named')
  await createOrgWithAdmin(app, { kind: 'organiser', name: 'Other', email: 'other@hub.example' })
  const other = await signIn(app, 'other@hub.example')
  t.equal(
    (await other.inject({ method: 'GET', url: `/api/organisers/${hub.orgId}/participants/page` })).statusCode,
    403,
    'another hub does not read them',
  )
})
