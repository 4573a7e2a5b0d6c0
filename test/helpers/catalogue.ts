import type { FastifyInstance } from 'fastify'
import { addUser, affiliate, createOrgWithAdmin, signIn, type SignedInAgent } from './accounts.js'

export const offer = (overrides: Record<string, unknown> = {}) => ({
  title: 'Autobus elettrici per il trasporto urbano',
  description: 'Autobus elettrici a batteria da 12 metri con ricarica notturna in deposito.',
  language: 'it',
  cpvMain: '34121000',
  cpvExtra: ['34144900'],
  naceCode: '29.10',
  s3Domain: 'sustainable-mobility',
  trl: 8,
  keywords: ['autobus', 'e-mobility'],
  certifications: ['ISO 9001'],
  marketsServed: ['IT', 'FR'],
  status: 'published',
  ...overrides,
})

export const need = (overrides: Record<string, unknown> = {}) => ({
  title: 'Electric buses for the city fleet',
  description: 'We need thirty battery electric buses with depot charging, delivered in 2027.',
  language: 'en',
  cpvCodes: ['34121000'],
  budgetMinEur: 5_000_000,
  budgetMaxEur: 9_000_000,
  requiredCertifications: ['ISO 9001'],
  minTrl: 7,
  visibility: 'public',
  status: 'published',
  ...overrides,
})

export interface Market {
  hub: string
  sme: string
  otherSme: string
  buyer: string
  smeAgent: SignedInAgent
  otherSmeAgent: SignedInAgent
  buyerAgent: SignedInAgent
  hubAgent: SignedInAgent
}

/** A hub with a validated SME, a second validated SME and a validated buyer from outside the region. */
export async function market(
  app: FastifyInstance,
  options: { smeStatus?: 'pending' | 'validated' } = {},
): Promise<Market> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const sme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const otherSme = await createOrgWithAdmin(app, { kind: 'sme', name: 'Gamma Srl', email: 'gia@gamma.example' })
  const buyer = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'anna@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  await affiliate(app, hub.orgId, sme.orgId, options.smeStatus ?? 'validated')
  await affiliate(app, hub.orgId, otherSme.orgId)
  await affiliate(app, hub.orgId, buyer.orgId)
  await addUser(app, { orgId: sme.orgId, email: 'bob@alpha.example', role: 'member' })
  return {
    hub: hub.orgId,
    sme: sme.orgId,
    otherSme: otherSme.orgId,
    buyer: buyer.orgId,
    smeAgent: await signIn(app, 'ada@alpha.example'),
    otherSmeAgent: await signIn(app, 'gia@gamma.example'),
    buyerAgent: await signIn(app, 'anna@nordbahn.example'),
    hubAgent: await signIn(app, 'hub@hub.example'),
  }
}
