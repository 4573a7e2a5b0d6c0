import type { SearchEngine, EngineQuery } from '../../../server/infra/search/search.types.js'
import { CORPUS, ids, ORG_A, ORG_B } from './corpus.js'

interface Tap {
  test(name: string, fn: (t: Tap) => Promise<void>): Promise<void>
  equal(a: unknown, b: unknown, message?: string): void
  same(a: unknown, b: unknown, message?: string): void
  match(a: unknown, b: unknown, message?: string): void
  ok(a: unknown, message?: string): void
  notOk(a: unknown, message?: string): void
  notMatch(a: unknown, b: unknown, message?: string): void
}

const query = (overrides: Partial<EngineQuery> = {}): EngineQuery => ({
  filters: { audience: ['public'] },
  page: 1,
  pageSize: 20,
  facets: [],
  ...overrides,
})

/** The behaviour every search engine must have; run against each engine. */
export async function searchContract(t: Tap, engine: SearchEngine): Promise<void> {
  await engine.ensureIndexes()
  await engine.clear('offers')
  await engine.upsert('offers', CORPUS)
  const search = async (overrides: Partial<EngineQuery>) => engine.search('offers', query(overrides))
  const found = async (overrides: Partial<EngineQuery>) => (await search(overrides)).hits.map((h) => h.doc.id)

  await t.test('the best match comes first', async (t) => {
    t.equal((await found({ q: 'electric buses' }))[0], ids([1])[0])
    t.equal((await found({ q: 'autobus elettrici' }))[0], ids([2])[0])
    t.equal((await found({ q: 'manutenzione predittiva' }))[0], ids([3])[0])
  })

  await t.test('any-words mode finds records holding some of the words, the most relevant first', async (t) => {
    const q = 'predictive maintenance software with vibration data for the buses of a city'
    t.same(await found({ q }), [], 'all words: nothing holds every word')
    const any = await found({ q, match: 'any' })
    t.equal(any[0], ids([4])[0], 'the record holding most of the words comes first')
    t.ok(any.includes(ids([1])[0]!), 'a record holding only some of the words is found')
    t.notOk(any.includes(ids([5])[0]!), 'a record holding none of the words is not')
  })

  await t.test('a typo still finds the word', async (t) => {
    t.ok((await found({ q: 'meccatronca' })).includes(ids([6])[0]!), 'meccatronca → meccatronica')
    t.ok((await found({ q: 'compostabbili' })).includes(ids([5])[0]!), 'compostabbili → compostabili')
  })

  await t.test('the last word matches as a prefix', async (t) => {
    t.same(
      await found({ q: 'satell' }),
      ids([7]).filter(() => false),
      'an audience-limited record stays hidden',
    )
    t.same(await found({ q: 'satell', filters: { audience: ['public', ORG_A] } }), ids([7]))
    t.ok((await found({ q: 'imball' })).includes(ids([5])[0]!))
  })

  await t.test('filters: CPV prefix, NACE, S3, region, TRL, size, language', async (t) => {
    const sorted = async (filters: EngineQuery['filters']) =>
      (await found({ filters: { audience: ['public'], ...filters }, sort: 'newest' })).sort()
    t.same(await sorted({ cpv: '3412' }), ids([1, 2]).sort(), 'CPV class 3412')
    t.same(await sorted({ cpv: '34144900' }), ids([2]), 'full CPV code')
    t.same(await sorted({ cpv: '48' }), ids([3, 4]).sort(), 'CPV division 48')
    t.same(await sorted({ nace: '29.10' }), ids([1, 2]).sort())
    t.same(await sorted({ nace: '28' }), ids([6]), 'NACE division')
    t.same(await sorted({ naceSection: 'J' }), ids([4]), 'NACE section')
    t.same(await sorted({ s3: 'mechatronics' }), ids([3, 4, 6]).sort())
    t.same(await sorted({ region: 'ITC1' }), ids([2, 3, 5, 6, 8]).sort())
    t.same(await sorted({ region: 'IT' }), ids([2, 3, 4, 5, 6, 8]).sort(), 'a country prefix')
    t.same(await sorted({ trlMin: 7, trlMax: 8 }), ids([2, 4, 6]).sort())
    t.same(await sorted({ sizeClass: 'micro' }), ids([4, 8]).sort())
    t.same(await sorted({ language: 'en' }), ids([1, 4]).sort())
    t.same(await sorted({ organisationId: ORG_B, language: 'it' }), ids([3, 5]).sort())
  })

  await t.test('facet counts follow the query and filters', async (t) => {
    const result = await search({
      filters: { audience: ['public'], region: 'IT' },
      facets: ['trl', 'sizeClass', 'cpvDivision', 'language', 'naceSection'],
    })
    t.equal(result.total, 6)
    t.same(result.facets.trl, { '5': 1, '6': 1, '7': 2, '8': 1, '9': 1 })
    t.same(result.facets.sizeClass, { medium: 1, small: 3, micro: 2 })
    t.same(result.facets.cpvDivision, { '34': 1, '38': 1, '42': 1, '44': 1, '48': 2, '80': 1 })
    t.same(result.facets.language, { it: 5, en: 1 })
    t.same(result.facets.naceSection, { C: 4, J: 1, P: 1 })
  })

  await t.test('pages cover every hit once, with a stable total', async (t) => {
    const pages = await Promise.all([1, 2, 3].map((page) => search({ page, pageSize: 3, sort: 'newest' })))
    t.same(
      pages.map((p) => p.total),
      [7, 7, 7],
    )
    const all = pages.flatMap((p) => p.hits.map((h) => h.doc.id))
    t.equal(all.length, 7)
    t.equal(new Set(all).size, 7)
    t.equal(all[0], ids([8])[0], 'newest first')
  })

  await t.test('matches are highlighted and the text is escaped', async (t) => {
    const [hit] = (await search({ q: 'vibration' })).hits
    t.equal(hit?.doc.id, ids([4])[0])
    t.match(hit?.highlight.description, /<mark>vibration<\/mark>/)
    t.notMatch(hit?.highlight.description, /<script>/, 'markup in the text is escaped or dropped, never passed through')
    t.match((await search({ q: 'buses' })).hits[0]?.highlight.title, /Electric <mark>buses<\/mark>/)
    const [plain] = (await search({ q: 'vibration', highlight: false })).hits
    t.equal(plain?.doc.id, ids([4])[0], 'without highlighting the same document is found')
    t.notMatch(plain?.highlight.description, /<mark>/, 'and nothing is marked')
  })

  await t.test('a deleted document is gone, an updated one changed', async (t) => {
    await engine.remove('offers', ids([8]))
    t.same(await found({ q: 'formazione sicurezza' }), [])
    await engine.upsert('offers', [{ ...CORPUS[4]!, title: 'Imballaggi riciclabili per alimenti' }])
    t.equal((await found({ q: 'riciclabili' }))[0], ids([5])[0])
    t.equal((await search({})).total, 6)
  })

  await t.test('needs: public or private buyer, still open, closing within a window, soonest first', async (t) => {
    const day = 86_400_000
    const now = Date.UTC(2027, 1, 1)
    const needs = [
      { ...CORPUS[0]!, buyerType: 'public' as const, deadline: now + 3 * day },
      { ...CORPUS[1]!, buyerType: 'public' as const, deadline: now - day },
      { ...CORPUS[2]!, buyerType: 'private' as const, deadline: now + 20 * day },
      { ...CORPUS[3]!, buyerType: 'private' as const },
    ]
    await engine.clear('needs')
    await engine.upsert('needs', needs)
    const needSearch = (overrides: Partial<EngineQuery>) => engine.search('needs', query(overrides))
    const idsOf = async (overrides: Partial<EngineQuery>) => (await needSearch(overrides)).hits.map((h) => h.doc.id)
    t.same(
      await idsOf({ filters: { audience: ['public'], openAt: now }, sort: 'deadline' }),
      ids([1, 3, 4]),
      'the passed deadline is left out; the soonest first, those without a deadline last',
    )
    t.same(await idsOf({ filters: { audience: ['public'], buyerType: 'public' }, sort: 'deadline' }), ids([2, 1]))
    t.same(await idsOf({ filters: { audience: ['public'], openAt: now, closesBy: now + 7 * day } }), ids([1]))
    const counted = await needSearch({
      filters: { audience: ['public'], openAt: now },
      facets: ['buyerType'],
      deadlineBuckets: [
        { key: '7', by: now + 7 * day },
        { key: '30', by: now + 30 * day },
      ],
    })
    t.same(counted.facets.buyerType, { public: 1, private: 2 })
    t.same(counted.facets.closesWithin, { '7': 1, '30': 2 })
    t.equal(
      counted.hits.find((hit) => hit.doc.id === ids([1])[0])?.doc.deadline,
      now + 3 * day,
      'the deadline comes back',
    )
    await engine.clear('needs')
  })
}
