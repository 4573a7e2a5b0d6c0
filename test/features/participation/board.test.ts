import t from 'tap'
import { eventWithManyPairs, spreadParticipationSteps } from '../../../bench/curation/generate.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { build } from '../../helpers/build.js'

interface Column {
  status: string
  total: number
  items: { organisation: { legalName: string; kind: string } }[]
}

t.test('the selection board pages each step, filters by name and kind, and is the hub’s alone', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const { eventId, hub } = await eventWithManyPairs(app, { smes: 60, buyers: 12 })
  await spreadParticipationSteps(app, eventId)
  const board = async (query: string) => {
    const res = await hub.inject({ method: 'GET', url: `/api/events/${eventId}/participations/board?${query}` })
    t.equal(res.statusCode, 200, query)
    return res.json() as { columns: Column[]; page: number; pageSize: number }
  }
  const counts = (await hub.inject({ method: 'GET', url: `/api/events/${eventId}/participations/counts` })).json()

  const all = await board('')
  t.same(
    all.columns.map((c) => c.status),
    ['targeted', 'invited', 'applied', 'selected', 'prepared', 'attended', 'followed_up', 'rejected'],
    'one column per step, in board order',
  )
  t.same(
    Object.fromEntries(all.columns.filter((c) => c.total > 0).map((c) => [c.status, c.total])),
    counts,
    'each column’s total is its step’s count',
  )
  const selected = all.columns.find((c) => c.status === 'selected')!
  t.equal(selected.items.length, 12, 'the first 12 cards of a step')
  const names = selected.items.map((p) => p.organisation.legalName)
  t.same(names, [...names].sort(), 'by name')

  const pages = [1, 2, 3, 4, 5, 6].map((page) => board(`status=selected&page=${page}`))
  const paged = (await Promise.all(pages)).flatMap((b) => b.columns[0]!.items.map((p) => p.organisation.legalName))
  t.equal(paged.length, selected.total, 'the pages of a step hold each of its participants once')
  t.equal(new Set(paged).size, selected.total)
  t.same(paged.slice(0, 12), names, 'its first page is the card column')

  const buyers = await board('kind=buyer')
  t.equal(
    buyers.columns.reduce((n, c) => n + c.total, 0),
    12,
    'kind keeps the buyers',
  )
  t.ok(buyers.columns.every((c) => c.items.every((p) => p.organisation.kind === 'buyer')))
  const named = await board('q=%20pmi%2000007%20')
  t.same(
    named.columns.flatMap((c) => c.items.map((p) => p.organisation.legalName)),
    ['PMI 00007 S.r.l.'],
    'a name, in any case and with spaces around, finds its organisation',
  )

  const bad = await hub.inject({ method: 'GET', url: `/api/events/${eventId}/participations/board?status=waiting` })
  t.equal(bad.statusCode, 400)
  t.match(bad.json(), { code: 'validation', errors: [{ field: 'query.status' }] }, 'an unknown step is named')
  await createOrgWithAdmin(app, { kind: 'organiser', name: 'Other hub', email: 'other@hub.example' })
  const other = await signIn(app, 'other@hub.example')
  const refused = await other.inject({ method: 'GET', url: `/api/events/${eventId}/participations/board` })
  t.equal(refused.statusCode, 403, 'another hub does not read it')
})
