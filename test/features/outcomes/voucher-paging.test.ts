import t from 'tap'
import { addManyVoucherAccounts, eventWithManyPairs } from '../../../bench/curation/generate.js'
import { createOrgWithAdmin, signIn } from '../../helpers/accounts.js'
import { build } from '../../helpers/build.js'

interface Edition {
  accounts: { smeName: string; claims: { status: string }[] }[]
  total: number
  withPending: number
  page: number
  pageSize: number
  totals: { budgetEur: number; pendingEur: number; approvedEur: number }
}

t.test(
  'a hub pages the voucher accounts of an edition, finds those with claims to decide; totals stay whole',
  async (t) => {
    const app = await build(t, { outbox: { start: false } })
    const { eventId, hub } = await eventWithManyPairs(app, { smes: 90, buyers: 2 })
    const editionId = await addManyVoucherAccounts(app, eventId)
    const read = async (query: string) => {
      const res = await hub.inject({ method: 'GET', url: `/api/editions/${editionId}/vouchers?${query}` })
      t.equal(res.statusCode, 200, query)
      return res.json() as Edition
    }

    const first = await read('')
    t.same([first.total, first.accounts.length, first.pageSize, first.withPending], [90, 20, 20, 30])
    t.same(
      first.totals,
      { ...first.totals, budgetEur: 450_000, pendingEur: 24_000, approvedEur: 18_000 },
      'totals of all 90',
    )
    const names = first.accounts.map((a) => a.smeName)
    t.same(names, [...names].sort(), 'by SME name')
    const all = (await Promise.all([1, 2, 3, 4, 5].map((p) => read(`page=${p}`)))).flatMap((e) => e.accounts)
    t.equal(new Set(all.map((a) => a.smeName)).size, 90, 'five pages hold every account once')

    const pending = await read('pending=true')
    t.equal(pending.total, 30, 'the accounts with a claim to decide')
    t.ok(pending.accounts.every((a) => a.claims.some((c) => c.status === 'pending')))
    t.same(pending.totals, first.totals, 'the totals do not follow the filters')
    const one = await read('q=pmi%2000003')
    t.same(
      one.accounts.map((a) => a.smeName),
      ['PMI 00003 S.r.l.'],
      'by name',
    )
    t.equal(one.withPending, 1, 'PMI 00003, third by name, has a claim waiting')

    const bad = await hub.inject({ method: 'GET', url: `/api/editions/${editionId}/vouchers?pending=maybe` })
    t.match([bad.statusCode, bad.json()], [400, { errors: [{ field: 'query.pending' }] }], 'a bad filter is named')
    await createOrgWithAdmin(app, { kind: 'organiser', name: 'Other hub', email: 'other@hub.example' })
    const other = await signIn(app, 'other@hub.example')
    t.equal(
      (await other.inject({ method: 'GET', url: `/api/editions/${editionId}/vouchers` })).statusCode,
      403,
      'another hub does not read them',
    )
  },
)
