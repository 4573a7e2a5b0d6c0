import t from 'tap'
import {
  CPV_LEVEL_VALUE,
  scoreMatch,
  SUGGESTED_CPV_DISCOUNT,
  WEIGHTS,
  type MatchInput,
} from '../../../server/features/matching/matching.model.js'

const base = (overrides: Partial<MatchInput> = {}): MatchInput => ({
  need: { cpv: [{ code: '34121000', weight: 1 }], ...overrides.need },
  offer: { cpv: [{ code: '34121000', weight: 1 }], ...overrides.offer },
  text: overrides.text ?? 0,
  ...(overrides.concepts === undefined ? {} : { concepts: overrides.concepts }),
  ...(overrides.cpvSimilarity === undefined ? {} : { cpvSimilarity: overrides.cpvSimilarity }),
})
const scoreOf = (overrides: Partial<MatchInput>) => scoreMatch(base(overrides)).score
const offerCode = (code: string) => scoreOf({ offer: { cpv: [{ code, weight: 1 }] } })

t.test('CPV agreement ranks same code > same category > same class > same group > same division > none', async (t) => {
  const scores = ['34121000', '34121100', '34122000', '34130000', '34900000', '45000000'].map(offerCode)
  t.same(
    scores,
    [...scores].sort((a, b) => b - a),
  )
  t.equal(new Set(scores).size, 6)
  t.equal(scores[0], WEIGHTS.cpv * CPV_LEVEL_VALUE.same)
  t.equal(scores[5], 0)
})

t.test('more similar text scores higher, all else equal', async (t) => {
  t.ok(scoreOf({ text: 0.6 }) > scoreOf({ text: 0.2 }))
})

t.test(
  'words alike once carried into English raise the score, and the reason says so in Italian and English',
  async (t) => {
    t.ok(scoreOf({ concepts: 0.5 }) > scoreOf({ concepts: 0.1 }))
    t.ok(Math.abs(scoreOf({ concepts: 0.5 }) - scoreOf({}) - WEIGHTS.concepts * 0.5) < 1e-6, 'weighted as WEIGHTS says')
    const match = scoreMatch(base({ concepts: 0.42 }))
    t.match(match.reason.en, /; same subject in the CPV vocabulary \(42%\)$/)
    t.match(match.reason.it, /; stesso argomento nel vocabolario CPV \(42%\)$/)
    t.notMatch(scoreMatch(base({ concepts: 0.05 })).reason.en, /vocabulary/, 'a faint likeness is not a reason')
    t.equal(scoreMatch(base({ concepts: 3 })).parts.concepts, 1, 'clamped to [0, 1]')
  },
)

t.test('a TRL below the need’s minimum lowers the score, at or above raises it', async (t) => {
  const at = (trl: number) =>
    scoreOf({
      need: { cpv: [{ code: '34121000', weight: 1 }], minTrl: 6 },
      offer: { cpv: [{ code: '34121000', weight: 1 }], trl },
    })
  t.ok(at(7) > at(5))
  t.equal(at(7), at(6))
  t.ok(at(5) > at(3))
  t.ok(at(5) < scoreOf({}), 'below the minimum scores less than no TRL said')
})

t.test('required certifications held raise the score, missing ones lower it', async (t) => {
  const withCerts = (certifications: string[]) =>
    scoreOf({
      need: { cpv: [{ code: '34121000', weight: 1 }], requiredCertifications: ['ISO 9001', 'ISO 14001'] },
      offer: { cpv: [{ code: '34121000', weight: 1 }], certifications },
    })
  t.ok(withCerts(['iso-9001', 'ISO 14001']) > withCerts(['ISO 9001']))
  t.ok(withCerts(['ISO 9001']) > withCerts([]))
})

t.test('NACE and S3 agreement, enough capacity and a buyer outside the region each raise the score', async (t) => {
  const need = { cpv: [{ code: '34121000', weight: 1 }], nace: '29.10', s3: 'mobility', volume: 30, region: 'DE21' }
  const offer = { cpv: [{ code: '34121000', weight: 1 }], nace: '29.10', s3: 'mobility', capacity: 50, region: 'ITC1' }
  const full = scoreOf({ need, offer })
  t.ok(full > scoreOf({ need, offer: { ...offer, nace: '29.20' } }), 'same NACE code beats same division')
  t.ok(scoreOf({ need, offer: { ...offer, nace: '29.20' } }) > scoreOf({ need, offer: { ...offer, nace: '62.01' } }))
  t.ok(full > scoreOf({ need, offer: { ...offer, s3: 'aerospace' } }))
  t.ok(full > scoreOf({ need, offer: { ...offer, capacity: 10 } }))
  t.ok(
    full > scoreOf({ need, offer: { ...offer, region: 'DE21' } }),
    'the programme prefers buyers outside the SME’s region',
  )
})

t.test('profile parts never lift an offer across a CPV level', async (t) => {
  const need = {
    cpv: [{ code: '34121000', weight: 1 }],
    nace: '29.10',
    s3: 'mobility',
    volume: 30,
    region: 'DE21',
    minTrl: 6,
    requiredCertifications: ['ISO 9001'],
  }
  const perfect = { nace: '29.10', s3: 'mobility', capacity: 50, region: 'ITC1', trl: 9, certifications: ['ISO 9001'] }
  const poor = { nace: '62.01', s3: 'aerospace', capacity: 1, region: 'DE21', trl: 1, certifications: [] }
  t.ok(
    scoreOf({ need, offer: { cpv: [{ code: '34121000', weight: 1 }], ...poor } }) >
      scoreOf({ need, offer: { cpv: [{ code: '34122000', weight: 1 }], ...perfect } }),
  )
})

t.test('suggested codes count through the CPV similarity, discounted', async (t) => {
  const suggested = { cpv: [{ code: '34121000', weight: 1, suggested: true }] }
  t.equal(scoreMatch(base({ offer: suggested, cpvSimilarity: 1 })).parts.cpv, SUGGESTED_CPV_DISCOUNT)
  t.equal(scoreMatch(base({ cpvSimilarity: 0.2 })).parts.cpv, 1, 'declared codes on both sides ignore the similarity')
})

t.test(
  'the reason names the shared CPV branch with its label, the TRL and the certifications, in Italian and English',
  async (t) => {
    const match = scoreMatch(
      base({
        need: { cpv: [{ code: '34121000', weight: 1 }], minTrl: 6, requiredCertifications: ['ISO 9001'] },
        offer: { cpv: [{ code: '34121100', weight: 1 }], trl: 7, certifications: ['ISO 9001'] },
      }),
    )
    t.equal(
      match.reason.en,
      'same CPV code 34121000 — buses and coaches; TRL 7 ≥ 6 required; ISO 9001 held'.replace(
        'same CPV code 34121000',
        'same CPV category 34121',
      ),
    )
    t.match(match.reason.it, /^stessa categoria CPV 34121 — autobus/)
    t.match(match.reason.it, /TRL 7 ≥ 6 richiesto; ISO 9001 posseduta$/)
    t.same(Object.keys(match.parts).sort(), Object.keys(WEIGHTS).sort())
  },
)
