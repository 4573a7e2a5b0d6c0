import { inArray } from 'drizzle-orm'
import t from 'tap'
import { offers } from '../../../server/features/catalogue/catalogue.table.js'
import { createMatchingService } from '../../../server/features/matching/matching.service.js'
import { build } from '../../helpers/build.js'
import { market, need, offer } from '../../helpers/catalogue.js'

/** A small catalogue in three languages: one Italian bus maker, a French one, and offers that have nothing to do with buses. */
const OFFERS = [
  offer(),
  offer({
    title: 'Autobus électriques pour réseaux urbains',
    description: 'Bus électriques à batterie de 12 mètres, recharge au dépôt, pour le transport public urbain.',
    language: 'fr',
    cpvMain: '34144910',
    cpvExtra: [],
    certifications: [],
  }),
  offer({
    title: 'Software gestionale per flotte',
    description: 'Software in cloud per la gestione della manutenzione delle flotte aziendali.',
    language: 'it',
    cpvMain: '48000000',
    cpvExtra: [],
    naceCode: '62.01',
    trl: 9,
  }),
  offer({
    title: 'Office cleaning services',
    description: 'Daily cleaning of offices and public buildings, with eco-label products.',
    language: 'en',
    cpvMain: '90919200',
    cpvExtra: [],
    naceCode: '81.21',
    trl: 9,
  }),
  offer({
    title: 'Imballaggi compostabili per alimenti',
    description: 'Vaschette e film compostabili per la filiera agroalimentare.',
    language: 'it',
    cpvMain: '44619000',
    cpvExtra: [],
    naceCode: '22.22',
    trl: 6,
  }),
]

t.test('an Italian offer matches an English need, with or without CPV codes, and says why', async (t) => {
  const app = await build(t, { outbox: { start: false } })
  const m = await market(app)
  const ids: string[] = []
  for (const [i, payload] of OFFERS.entries()) {
    const owner = i === 1 ? m.otherSme : m.sme
    const agent = i === 1 ? m.otherSmeAgent : m.smeAgent
    const res = await agent.inject({ method: 'POST', url: `/api/organisations/${owner}/offers`, payload })
    t.equal(res.statusCode, 201)
    ids.push(res.json().id)
  }
  await app.outbox.drain()
  const matching = createMatchingService({ search: () => app.searchEngine })
  const bus = need()
  const subject = {
    title: bus.title,
    description: bus.description,
    language: bus.language,
    minTrl: 7,
    requiredCertifications: ['ISO 9001'],
    region: 'DE21',
  }

  // Certifications live in PostgreSQL, not in the index: the caller supplies them.
  const offerDetails = async (wanted: string[]) =>
    new Map(
      (
        await app.db
          .select({ id: offers.id, certifications: offers.certifications })
          .from(offers)
          .where(inArray(offers.id, wanted))
      ).map((row) => [row.id, { certifications: row.certifications }]),
    )
  const coded = await matching.matchOffersForNeed({ ...subject, cpvCodes: ['34121000'] }, { offerDetails })
  t.equal(coded[0]?.offerId, ids[0], 'the Italian electric buses come first')
  t.equal(coded[1]?.offerId, ids[1], 'the French electric buses, found through the codes, come second')
  t.match(
    coded[0]?.reason.en,
    /^same CPV code 34121000 — buses and coaches; same subject in the CPV vocabulary \(\d+%\); TRL 8 ≥ 7 required; ISO 9001 held; buyer outside the region \(DE21\)$/,
  )
  t.match(
    coded[0]?.reason.it,
    /^stesso codice CPV 34121000 — autobus e pullman; stesso argomento nel vocabolario CPV \(\d+%\); TRL 8 ≥ 7 richiesto; ISO 9001 posseduta; acquirente fuori regione \(DE21\)$/,
  )
  t.ok(
    coded[1]!.parts.concepts > coded.find((match) => match.offerId === ids[3])!.parts.concepts,
    'the French buses read closer to the English need than the English cleaning offer',
  )
  t.ok(coded[0]!.score > coded[1]!.score)
  t.ok(
    coded[1]!.parts.cpv > 0 && coded[1]!.parts.certifications < 0,
    'the French offer shares the branch but misses ISO 9001',
  )

  const textOnly = await matching.matchOffersForNeed({ ...subject, cpvCodes: [] })
  t.same(
    textOnly
      .slice(0, 2)
      .map((m) => m.offerId)
      .sort(),
    ids.slice(0, 2).sort(),
    'without codes, the suggested codes still find both bus makers first',
  )
  t.match(textOnly[0]?.reason.en, /\(code inferred from the text\)/)
})
