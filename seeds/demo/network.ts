import { eq, inArray } from 'drizzle-orm'
import type { DbOrTx } from '../../server/infra/db.js'
import { outbox } from '../../server/infra/outbox.table.js'
import { users } from '../../server/features/accounts/accounts.table.js'
import { needs, offers } from '../../server/features/catalogue/catalogue.table.js'
import { SEARCH_SYNC_TOPIC } from '../../server/features/catalogue/catalogue.service.js'
import { affiliations, memberships, organisations } from '../../server/features/organisations/organisations.table.js'
import type { DemoContext, DemoDataSet } from '../index.js'
import { BUYERS, FIRST_NAMES, LAST_NAMES, MARKETS, NAME_STEMS, PLACES, SUFFIXES, TOWNS } from './directory.js'
import { NEED_TEMPLATES } from './need-templates.js'
import { OFFER_TEMPLATES } from './offer-templates.js'
import { createRandom } from './random.js'
import { DEMO_HUB, daysBefore, slug } from './story.js'

/** How many generated SMEs work in each S3 domain (with the two demo SMEs: 200). */
export const SME_DOMAINS: [string, number][] = [
  ['advanced-manufacturing', 45],
  ['sustainable-mobility', 40],
  ['food', 35],
  ['health', 30],
  ['green-technologies', 28],
  ['aerospace', 20],
]

type OrgRow = typeof organisations.$inferInsert
type OfferRow = Omit<typeof offers.$inferInsert, 'organisationId'> & { org: string }
type NeedRow = Omit<typeof needs.$inferInsert, 'organisationId'> & { org: string; visibleToNames: string[] }

export interface NetworkPlan {
  organisations: (OrgRow & {
    domain: string
    person: string
    personLanguage: 'it' | 'en'
    affiliation: 'validated' | 'pending' | 'rejected'
  })[]
  offers: OfferRow[]
  needs: NeedRow[]
}

const vat = (n: number) => `IT${String(10_000_000_000 + n * 7_919).slice(-11)}`

/** The generated SMEs and buyers, their offers and needs: a pure function of the day it is loaded. */
export function planNetwork(now: Date): NetworkPlan {
  const random = createRandom(20_260_401)
  const plan: NetworkPlan = { organisations: [], offers: [], needs: [] }
  const names = new Set<string>()
  let n = 0
  for (const [domain, count] of SME_DOMAINS) {
    const templates = OFFER_TEMPLATES[domain]!
    for (let i = 0; i < count; i++) {
      // The firm is named after its main product; further offers are other lines of it, or a neighbouring product.
      const main = random.int(0, templates.length - 1)
      let legalName = ''
      while (!legalName || names.has(legalName))
        legalName = `${random.pick(NAME_STEMS[domain]![main]!)} ${random.pick(PLACES)} ${random.pick(SUFFIXES)}`
      names.add(legalName)
      const [city, street, postal] = random.pick(TOWNS)
      const affiliation = n % 40 === 7 ? 'pending' : n % 65 === 11 ? 'rejected' : 'validated'
      plan.organisations.push({
        kind: 'sme',
        legalName,
        vatId: vat(++n),
        country: 'IT',
        nuts2: 'ITC1',
        addressStreet: `${street} ${random.int(1, 240)}`,
        addressPostalCode: postal,
        addressCity: city,
        website: `https://${slug(legalName)}.example`,
        sizeClass: random.pick(['micro', 'small', 'small', 'medium'] as const),
        naceCode: templates[main]!.naceCode,
        innovativeStartup: random.chance(0.2),
        isSme: true,
        languages: random.chance(0.6) ? ['it', 'en'] : ['it'],
        createdAt: daysBefore(now, random.int(60, 500)),
        domain,
        person: `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`,
        personLanguage: random.chance(0.8) ? 'it' : 'en',
        affiliation,
      })
      const variants = random.shuffle(templates[main]!.variants.map((_, v) => v))
      const lines = [
        [main, variants[0]!],
        [main, variants[1]!],
        [(main + 1) % templates.length, random.int(0, 2)],
      ].slice(0, random.int(1, 3))
      lines.forEach(([t, v], k) => {
        const template = templates[t!]!
        const language = random.chance(0.6) ? 'it' : 'en'
        const text = template[language]
        plan.offers.push({
          org: legalName,
          title: `${text.title} ${template.variants[v!]![language === 'it' ? 0 : 1]}`,
          description: text.description,
          language,
          cpvMain: template.cpvMain,
          cpvExtra: template.cpvExtra,
          naceCode: template.naceCode,
          s3Domain: domain,
          trl: random.int(template.trl[0], template.trl[1]),
          keywords: template.keywords[language],
          certifications: random.sample(
            template.certifications,
            random.int(Math.min(1, template.certifications.length), template.certifications.length),
          ),
          capacity:
            language === 'it'
              ? `fino a ${random.pick([5, 10, 20, 50, 100])} ordini al mese`
              : `up to ${random.pick([5, 10, 20, 50, 100])} orders a month`,
          marketsServed: ['IT', ...random.sample(MARKETS.slice(1), random.int(0, 4))],
          status: k === 2 && random.chance(0.3) ? 'draft' : 'published',
          createdAt: daysBefore(now, random.int(30, 300)),
        })
      })
    }
  }
  const smesByDomain = (domain: string) =>
    plan.organisations.filter((o) => o.domain === domain && o.affiliation === 'validated').map((o) => o.legalName)
  BUYERS.forEach((profile, i) => {
    plan.organisations.push({
      kind: 'buyer',
      legalName: profile.legalName,
      vatId: `${profile.country}${String(800_000_000 + i * 104_729).slice(-9)}`,
      country: profile.country,
      nuts2: profile.nuts2,
      addressStreet: profile.street,
      addressPostalCode: profile.postalCode,
      addressCity: profile.city,
      website: `https://${slug(profile.legalName)}.example`,
      sizeClass: 'large',
      naceCode: profile.naceCode,
      isSme: false,
      languages: profile.language === 'it' ? ['it', 'en'] : ['en'],
      createdAt: daysBefore(now, random.int(60, 400)),
      domain: profile.domain,
      person: profile.person,
      personLanguage: profile.language,
      affiliation: 'validated',
    })
    random.sample(NEED_TEMPLATES[profile.domain]!, random.int(2, 3)).forEach((template, k) => {
      const language = profile.language === 'it' || random.chance(0.15) ? 'it' : 'en'
      const selected = k === 1 && random.chance(0.25)
      plan.needs.push({
        org: profile.legalName,
        title: template[language].title,
        description: template[language].description,
        language,
        cpvCodes: template.cpvCodes,
        volume: template.volume,
        budgetMinEur: template.budget[0],
        budgetMaxEur: template.budget[1],
        deadline: daysBefore(now, -random.int(90, 300)).toISOString().slice(0, 10),
        requiredCertifications: template.certifications,
        minTrl: template.minTrl,
        visibility: selected ? 'selected' : 'public',
        visibleToNames: selected ? random.sample(smesByDomain(profile.domain), 6) : [],
        status: 'published',
        createdAt: daysBefore(now, random.int(20, 200)),
      })
    })
  })
  return plan
}

async function load(db: DbOrTx, context: DemoContext): Promise<Record<string, number>> {
  const plan = planNetwork(context.clock.now())
  const [hub] = await db
    .select({ id: organisations.id })
    .from(organisations)
    .where(eq(organisations.legalName, DEMO_HUB))
  const [hubAdmin] = await db
    .select({ id: memberships.userId })
    .from(memberships)
    .where(eq(memberships.organisationId, hub!.id))
  const rows = await db
    .insert(organisations)
    .values(
      plan.organisations.map(({ domain: _d, person: _p, personLanguage: _l, affiliation: _a, ...row }) => ({
        ...row,
        updatedAt: row.createdAt,
      })),
    )
    .returning({ id: organisations.id, legalName: organisations.legalName })
  const idOf = new Map(rows.map((row) => [row.legalName, row.id]))
  const people = await db
    .insert(users)
    .values(
      plan.organisations.map((o) => ({
        name: o.person,
        email: `${slug(o.person)}@${slug(o.legalName)}.example`,
        language: o.personLanguage,
        timeZone: o.kind === 'buyer' && o.country !== 'IT' ? timeZoneOf(o.country!) : 'Europe/Rome',
        createdAt: o.createdAt,
      })),
    )
    .returning({ id: users.id })
  await db.insert(memberships).values(
    plan.organisations.map((o, i) => ({
      userId: people[i]!.id,
      organisationId: idOf.get(o.legalName)!,
      role: 'admin' as const,
      createdAt: o.createdAt,
    })),
  )
  await db.insert(affiliations).values(
    plan.organisations.map((o) => ({
      organiserId: hub!.id,
      participantId: idOf.get(o.legalName)!,
      status: o.affiliation,
      registeredAt: o.createdAt!,
      ...(o.affiliation === 'pending' ? {} : { decidedAt: daysBefore(o.createdAt!, -3), decidedBy: hubAdmin!.id }),
      ...(o.affiliation === 'rejected'
        ? { reason: 'La sede operativa non è in Piemonte: registratevi presso il polo della vostra regione.' }
        : {}),
    })),
  )
  const offerRows = await db
    .insert(offers)
    .values(
      plan.offers.map(({ org, ...offer }) => ({
        ...offer,
        organisationId: idOf.get(org)!,
        updatedAt: offer.createdAt,
      })),
    )
    .returning({ id: offers.id })
  const needRows = await db
    .insert(needs)
    .values(
      plan.needs.map(({ org, visibleToNames, ...need }) => ({
        ...need,
        organisationId: idOf.get(org)!,
        visibleTo: visibleToNames.map((name) => idOf.get(name)!),
        updatedAt: need.createdAt,
      })),
    )
    .returning({ id: needs.id })
  await db
    .insert(outbox)
    .values([
      ...offerRows.map((row) => ({ topic: SEARCH_SYNC_TOPIC, payload: { index: 'offers', id: row.id } })),
      ...needRows.map((row) => ({ topic: SEARCH_SYNC_TOPIC, payload: { index: 'needs', id: row.id } })),
    ])
  return { organisations: rows.length, users: people.length, offers: offerRows.length, needs: needRows.length }
}

function timeZoneOf(country: string): string {
  const zones: Record<string, string> = {
    FR: 'Europe/Paris',
    DE: 'Europe/Berlin',
    ES: 'Europe/Madrid',
    AT: 'Europe/Vienna',
    BE: 'Europe/Brussels',
    NL: 'Europe/Amsterdam',
    PL: 'Europe/Warsaw',
    SE: 'Europe/Stockholm',
    CZ: 'Europe/Prague',
    HU: 'Europe/Budapest',
    FI: 'Europe/Helsinki',
    IE: 'Europe/Dublin',
  }
  return zones[country] ?? 'Europe/Rome'
}

/** Organisation ids by legal name (the demo's natural keys). */
export async function idsByName(db: DbOrTx, names: string[]): Promise<Map<string, string>> {
  const rows = await db
    .select({ id: organisations.id, legalName: organisations.legalName })
    .from(organisations)
    .where(inArray(organisations.legalName, names))
  return new Map(rows.map((row) => [row.legalName, row.id]))
}

export const demoNetwork: DemoDataSet = { name: 'demo-network', version: '1', load }
