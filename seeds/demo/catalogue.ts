import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../server/infra/db.js'
import { outbox } from '../../server/infra/outbox.table.js'
import { needs, offers } from '../../server/features/catalogue/catalogue.table.js'
import { organisations } from '../../server/features/organisations/organisations.table.js'
import type { DemoContext, DemoDataSet } from '../index.js'
import { daysBefore } from './story.js'

const OFFERS = [
  {
    org: 'Meccatronica Alpina S.r.l.',
    title: 'Robot collaborativi per linee di assemblaggio',
    description:
      'Cobot da 5 a 15 kg con pinze e visione integrata, installati e programmati per linee di assemblaggio automotive e ferroviarie.',
    language: 'it',
    cpvMain: '42997300',
    cpvExtra: ['42990000'],
    naceCode: '28.41',
    s3Domain: 'advanced-manufacturing',
    trl: 8,
    keywords: ['cobot', 'assemblaggio', 'automazione'],
    certifications: ['ISO 9001'],
  },
  {
    org: 'Meccatronica Alpina S.r.l.',
    title: 'Retrofit kits for rail vehicle doors',
    description:
      'Electromechanical door actuators and controllers that replace pneumatic systems on regional trains, with remote diagnostics.',
    language: 'en',
    cpvMain: '34631000',
    cpvExtra: [],
    naceCode: '30.20',
    s3Domain: 'sustainable-mobility',
    trl: 7,
    keywords: ['rail', 'doors', 'retrofit'],
    certifications: ['ISO 9001', 'EN 15085'],
  },
  {
    org: 'Sensoria Lab S.r.l.',
    title: 'Sensori di vibrazione per la manutenzione predittiva',
    description:
      'Sensori MEMS wireless e piattaforma di analisi per prevedere i guasti di motori, pompe e carrelli ferroviari.',
    language: 'it',
    cpvMain: '38424000',
    cpvExtra: ['48000000'],
    naceCode: '26.51',
    s3Domain: 'advanced-manufacturing',
    trl: 6,
    keywords: ['sensori', 'manutenzione predittiva', 'IoT'],
    certifications: [],
  },
]

const NEEDS = [
  {
    title: 'Predictive maintenance for the regional train fleet',
    description:
      'We look for sensors and analytics to predict failures of bogies and doors on 120 regional trains, with a pilot in 2027.',
    language: 'en',
    cpvCodes: ['38424000', '50220000'],
    requiredCertifications: ['ISO 9001'],
    minTrl: 6,
    budgetMinEur: 200_000,
    budgetMaxEur: 800_000,
    volume: '120 trains',
  },
  {
    title: 'Electromechanical door systems for new trains',
    description:
      'Supply of electromechanical passenger door systems for a new series of 40 commuter trains, delivery from 2028.',
    language: 'en',
    cpvCodes: ['34631000'],
    requiredCertifications: ['EN 15085'],
    minTrl: 8,
    budgetMinEur: 2_000_000,
    budgetMaxEur: 5_000_000,
    volume: '40 trains × 12 doors',
  },
]

async function load(db: DbOrTx, context: DemoContext): Promise<Record<string, number>> {
  const createdAt = daysBefore(context.clock.now(), 90)
  const names = [...new Set(OFFERS.map((o) => o.org))]
  const owners = await db
    .select({ id: organisations.id, legalName: organisations.legalName })
    .from(organisations)
    .where(inArray(organisations.legalName, names))
  const idOf = (name: string) => owners.find((o) => o.legalName === name)!.id
  const [buyer] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.legalName, 'Nordbahn Fahrzeugtechnik GmbH'))
  const offerRows = await db
    .insert(offers)
    .values(
      OFFERS.map(({ org, ...offer }) => ({
        ...offer,
        organisationId: idOf(org),
        status: 'published' as const,
        createdAt,
        updatedAt: createdAt,
      })),
    )
    .returning({ id: offers.id })
  const needRows = await db
    .insert(needs)
    .values(
      NEEDS.map((need) => ({
        ...need,
        organisationId: buyer!.id,
        visibility: 'public' as const,
        status: 'published' as const,
        createdAt,
        updatedAt: createdAt,
      })),
    )
    .returning({ id: needs.id })
  // Indexed by the search worker, like any other change.
  await db
    .insert(outbox)
    .values([
      ...offerRows.map((row) => ({ topic: 'search.sync', payload: { index: 'offers', id: row.id } })),
      ...needRows.map((row) => ({ topic: 'search.sync', payload: { index: 'needs', id: row.id } })),
    ])
  return { offers: offerRows.length, needs: needRows.length }
}

export const demoCatalogue: DemoDataSet = { name: 'demo-catalogue', version: '1', load }
