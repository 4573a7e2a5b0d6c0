import t from 'tap'
import { addManyContracts, eventWithManyPairs } from '../../../bench/curation/generate.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { build } from '../../helpers/build.js'

interface Overview {
  items: { title: string; smeName: string; buyerName: string; status: string; signedOn: string }[]
  total: number
  counts: Record<string, number>
  page: number
  pageSize: number
}

t.test('a hub pages its edition’s contracts by status and name, newest signed first', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 20, buyers: 10 })
  const editionId = await addManyContracts(app, eventId, 120)
  const overview = async (query: string) => {
    const res = await hub.inject({ method: 'GET', url: `/api/editions/${editionId}/contracts/overview?${query}` })
    t.equal(res.statusCode, 200, query)
    return res.json() as Overview
  }

  const first = await overview('')
  t.same(first.counts, { reported: 30, confirmed: 30, verified: 30, rejected: 30 }, 'counts per status')
  t.same([first.total, first.items.length, first.pageSize], [120, 25, 25], 'the first 25 of 120')
  const days = first.items.map((c) => c.signedOn)
  t.same(days, [...days].sort().reverse(), 'newest signed first')
  const all = (await Promise.all([1, 2, 3, 4, 5].map((page) => overview(`page=${page}`)))).flatMap((o) => o.items)
  t.equal(new Set(all.map((c) => c.title)).size, 120, 'the five pages hold each contract once')

  const confirmed = await overview('status=confirmed')
  t.equal(confirmed.total, 30)
  t.ok(
    confirmed.items.every((c) => c.status === 'confirmed'),
    'only the confirmed, to verify',
  )
  const one = await overview('q=supply%20contract%2000042')
  t.same(
    one.items.map((c) => c.title),
    ['Supply contract 00042'],
    'by title',
  )
  const bySme = await overview('q=pmi%2000003&status=rejected')
  t.ok(
    bySme.total > 0 && bySme.items.every((c) => c.smeName === 'PMI 00003 S.r.l.' && c.status === 'rejected'),
    'by a side’s name and status',
  )
  t.equal(
    Object.values(bySme.counts).reduce((a, b) => a + b, 0),
    10,
    'counts follow the name: one SME’s 10 contracts',
  )

  const bad = await hub.inject({ method: 'GET', url: `/api/editions/${editionId}/contracts/overview?page=0` })
  t.match([bad.statusCode, bad.json()], [400, { errors: [{ field: 'query.page' }] }], 'a bad page is named')
  await createOrgWithAdmin(app, { kind: 'organiser', name: 'Other hub', email: 'other@hub.example' })
  const other = await signIn(app, 'other@hub.example')
  t.equal(
    (await other.inject({ method: 'GET', url: `/api/editions/${editionId}/contracts/overview` })).statusCode,
    403,
    'another hub does not read them',
  )
})
