import t from 'tap'
import { S3_PRIORITY_DOMAINS, S3_TRANSVERSAL_COMPONENTS, s3ByCode } from '../../seeds/taxonomies/index.js'

t.test("Piemonte's S3 2021–2027 names six priority innovation systems", async (t) => {
  t.same(
    S3_PRIORITY_DOMAINS.map((domain) => [domain.code, domain.label.it]),
    [
      ['aerospace', 'Aerospazio'],
      ['sustainable-mobility', 'Mobilità sostenibile'],
      ['advanced-manufacturing', 'Manifattura avanzata'],
      ['green-technologies', 'Tecnologie, risorse e materiali verdi'],
      ['food', 'Food'],
      ['health', 'Salute'],
    ],
  )
  t.ok(S3_PRIORITY_DOMAINS.every((domain) => domain.label.en.trim() !== ''))
})

t.test('transversal components stay apart from the priority systems', async (t) => {
  t.same(
    S3_TRANSVERSAL_COMPONENTS.map((component) => component.code),
    ['digital-transition', 'ecological-transition', 'social-territorial-innovation', 'capabilities-skills'],
  )
  t.ok(S3_TRANSVERSAL_COMPONENTS.every((component) => component.label.en && component.label.it))
})

t.test('codes are stable kebab-case and unique', async (t) => {
  const codes = [...S3_PRIORITY_DOMAINS, ...S3_TRANSVERSAL_COMPONENTS].map((domain) => domain.code)
  t.ok(codes.every((code) => /^[a-z0-9]+(-[a-z0-9]+)*$/.test(code)))
  t.equal(new Set(codes).size, codes.length)
  t.equal(s3ByCode('health')?.label.en, 'Health')
  t.equal(s3ByCode('automotive'), undefined)
})
