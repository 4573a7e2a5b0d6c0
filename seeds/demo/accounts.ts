import { hash } from '@node-rs/argon2'
import type { DbOrTx } from '../../server/infra/db.js'
import { consents, users } from '../../server/features/accounts/accounts.table.js'
import { affiliations, memberships, organisations } from '../../server/features/organisations/organisations.table.js'
import type { DemoContext, DemoDataSet } from '../index.js'
import { daysBefore } from './story.js'

/** Everyone in the demo signs in with this password (printed at start). */
export const DEMO_PASSWORD = 'demo-password-2026'

type OrgValues = typeof organisations.$inferInsert

const ORGANISATIONS: (OrgValues & { key: string })[] = [
  {
    key: 'region',
    kind: 'authority',
    legalName: 'Regione Piemonte — Direzione Competitività',
    vatId: 'IT01234567806',
    country: 'IT',
    nuts2: 'ITC1',
    addressStreet: 'Piazza Piemonte 1',
    addressPostalCode: '10127',
    addressCity: 'Torino',
    sizeClass: 'large',
    languages: ['it', 'en'],
  },
  {
    key: 'hub',
    kind: 'organiser',
    legalName: 'Polo di Innovazione Piemonte Manifattura',
    vatId: 'IT09765432100',
    country: 'IT',
    nuts2: 'ITC1',
    addressStreet: 'Via Livorno 60',
    addressPostalCode: '10144',
    addressCity: 'Torino',
    website: 'https://hub.example.eu',
    sizeClass: 'small',
    naceCode: '94.12',
    languages: ['it', 'en'],
  },
  {
    key: 'sme',
    kind: 'sme',
    legalName: 'Meccatronica Alpina S.r.l.',
    vatId: 'IT11223344554',
    country: 'IT',
    nuts2: 'ITC1',
    addressStreet: 'Corso Francia 12',
    addressPostalCode: '10143',
    addressCity: 'Torino',
    website: 'https://meccatronica-alpina.example.eu',
    sizeClass: 'small',
    naceCode: '28.41',
    innovativeStartup: true,
    isSme: true,
    languages: ['it', 'en'],
  },
  {
    key: 'sme2',
    kind: 'sme',
    legalName: 'Sensoria Lab S.r.l.',
    vatId: 'IT05556667771',
    country: 'IT',
    nuts2: 'ITC1',
    addressStreet: 'Via Nizza 230',
    addressPostalCode: '10126',
    addressCity: 'Torino',
    sizeClass: 'micro',
    naceCode: '26.51',
    innovativeStartup: true,
    isSme: true,
    languages: ['it'],
  },
  {
    key: 'buyer',
    kind: 'buyer',
    legalName: 'Nordbahn Fahrzeugtechnik GmbH',
    vatId: 'DE123456789',
    country: 'DE',
    nuts2: 'DE21',
    addressStreet: 'Landsberger Straße 110',
    addressPostalCode: '80339',
    addressCity: 'München',
    website: 'https://nordbahn.example.eu',
    sizeClass: 'large',
    naceCode: '30.20',
    languages: ['de', 'en'],
  },
]

const USERS = [
  { org: 'region', name: 'Giulia Ferrero', email: 'authority@demo.meet-the-buyer.eu', language: 'it' as const },
  { org: 'hub', name: 'Marco Bianchi', email: 'organiser@demo.meet-the-buyer.eu', language: 'it' as const },
  { org: 'sme', name: 'Elena Rossi', email: 'sme@demo.meet-the-buyer.eu', language: 'it' as const },
  { org: 'sme2', name: 'Luca Conti', email: 'sme2@demo.meet-the-buyer.eu', language: 'it' as const },
  { org: 'buyer', name: 'Anna Weber', email: 'buyer@demo.meet-the-buyer.eu', language: 'en' as const },
]

async function load(db: DbOrTx, context: DemoContext): Promise<Record<string, number>> {
  const decidedAt = daysBefore(context.clock.now(), 120)
  // They registered a few days before the hub validated them.
  const registeredAt = daysBefore(context.clock.now(), 124)
  const ids = new Map<string, string>()
  for (const { key, ...values } of ORGANISATIONS) {
    const [row] = await db.insert(organisations).values(values).returning({ id: organisations.id })
    ids.set(key, row!.id)
  }
  const passwordHash = await hash(DEMO_PASSWORD, { algorithm: 2 })
  for (const person of USERS) {
    const timeZone = person.org === 'buyer' ? 'Europe/Berlin' : 'Europe/Rome'
    const [user] = await db
      .insert(users)
      .values({ name: person.name, email: person.email, language: person.language, timeZone, passwordHash })
      .returning({ id: users.id })
    await db.insert(memberships).values({ userId: user!.id, organisationId: ids.get(person.org)!, role: 'admin' })
    await db.insert(consents).values([
      { userId: user!.id, purpose: 'profile_visible_to_matches', granted: true, textVersion: 'demo' },
      { userId: user!.id, purpose: 'email_notifications', granted: true, textVersion: 'demo' },
    ])
  }
  const hub = ids.get('hub')!
  await db.insert(affiliations).values([
    { organiserId: hub, participantId: ids.get('sme')!, status: 'validated', registeredAt, decidedAt },
    { organiserId: hub, participantId: ids.get('buyer')!, status: 'validated', registeredAt, decidedAt },
    { organiserId: hub, participantId: ids.get('sme2')!, status: 'validated', registeredAt, decidedAt },
  ])
  return { organisations: ORGANISATIONS.length, users: USERS.length }
}

export const demoAccounts: DemoDataSet = { name: 'demo-accounts', version: '1', load }

/** What `npm start` prints so a newcomer can sign in as each role. */
export const demoSignIns = USERS.map((user) => {
  const organisation = ORGANISATIONS.find((o) => o.key === user.org)!
  return { role: organisation.kind, email: user.email, organisation: organisation.legalName }
})
