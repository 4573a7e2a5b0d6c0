import t from 'tap'
import {
  MARK_BONUS,
  aggregateByOrganisation,
  isHidden,
  isMutual,
  needVisibleTo,
  rankOf,
  requestPriority,
} from '../../../server/features/matching/recommendations.model.js'

t.test('a buyer’s mark weighs more than the same mark from an SME', async (t) => {
  t.ok(MARK_BONUS.buyer.must_meet > MARK_BONUS.sme.must_meet && MARK_BONUS.buyer.meet > MARK_BONUS.sme.meet)
  t.equal(rankOf(0.5, { sme: 'must_meet', buyer: null }), 0.6)
  t.equal(rankOf(0.5, { sme: null, buyer: 'must_meet' }), 0.65)
  t.equal(rankOf(0.5, { sme: 'meet', buyer: 'meet' }), 0.63)
  t.equal(rankOf(0.5, { sme: 'no_thanks', buyer: null }), 0.5, '"no thanks" hides, it does not lower the score')
})

t.test(
  '"no thanks" from either side hides; two positive marks are mutual, "must meet" wins the priority',
  async (t) => {
    t.same(
      [
        isHidden({ sme: 'no_thanks', buyer: 'must_meet' }),
        isHidden({ sme: 'meet', buyer: 'no_thanks' }),
        isHidden({ sme: 'meet', buyer: null }),
      ],
      [true, true, false],
    )
    t.same(
      [
        isMutual({ sme: 'meet', buyer: 'must_meet' }),
        isMutual({ sme: 'meet', buyer: null }),
        isMutual({ sme: 'no_thanks', buyer: 'meet' }),
      ],
      [true, false, false],
    )
    t.same(
      [requestPriority({ sme: 'meet', buyer: 'must_meet' }), requestPriority({ sme: 'meet', buyer: 'meet' })],
      ['must_meet', 'meet'],
    )
  },
)

t.test(
  'pairs fold per SME and buyer into the best pair’s score, parts and reason, with every pair best first',
  async (t) => {
    const pair = (offerId: string, needId: string, smeId: string, score: number) => ({
      offerId,
      needId,
      smeId,
      buyerId: 'b',
      score,
      parts: { cpv: score },
      reason: { it: `it ${offerId}`, en: `en ${offerId}` },
    })
    const folded = aggregateByOrganisation([
      pair('o1', 'n1', 's1', 0.4),
      pair('o2', 'n1', 's1', 0.7),
      pair('o3', 'n2', 's2', 0.5),
    ])
    t.same(folded, [
      {
        smeId: 's1',
        buyerId: 'b',
        score: 0.7,
        parts: { cpv: 0.7 },
        reason: { it: 'it o2', en: 'en o2' },
        pairs: [
          { offerId: 'o2', needId: 'n1', score: 0.7 },
          { offerId: 'o1', needId: 'n1', score: 0.4 },
        ],
      },
      {
        smeId: 's2',
        buyerId: 'b',
        score: 0.5,
        parts: { cpv: 0.5 },
        reason: { it: 'it o3', en: 'en o3' },
        pairs: [{ offerId: 'o3', needId: 'n2', score: 0.5 }],
      },
    ])
  },
)

t.test('a need for selected SMEs reaches only those SMEs', async (t) => {
  t.equal(needVisibleTo({ visibility: 'public', visibleTo: [] }, 's1'), true)
  t.equal(needVisibleTo({ visibility: 'selected', visibleTo: ['s1'] }, 's1'), true)
  t.equal(needVisibleTo({ visibility: 'selected', visibleTo: ['s1'] }, 's2'), false)
})
