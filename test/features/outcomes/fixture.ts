import type { FastifyInstance } from 'fastify'
import { addUser, createOrgWithAdmin, signIn, type SignedInAgent } from '../../helpers/accounts.js'
import { createEdition, createEvent, eventInput } from '../../helpers/builders.js'

/**
 * A small world with known KPI answers (see kpis.test.ts):
 * - hub H runs edition E1 (2025, home ITC1) with own events ev1, ev2 and an external event ev3;
 *   hub H2 runs edition E2 (2026) with own event ev4;
 * - SMEs S1, S2, S3 involved in ev1 (S2 also in ev2), S4 only targeted, S5 involved in ev4;
 * - buyers B1 (Bavaria, involved), B2 (Piedmont, involved: inside the region), B3 (Île-de-France, only invited),
 *   B4 (Andalucía, involved in E2);
 * - contracts: C1 S1–B1 from an accepted request in ev1, verified, €100,000; C2 S2–B2 edition only, verified, €50,000;
 *   C3 S3–B1 in ev1 reported only, €30,000; C4 S1–B2 rejected, €999; C5 S5–B4 in E2 verified, €70,000;
 * - performance: S1 2024 1,000,000/200,000 → 2025 1,200,000/300,000; S2 2024 500,000/0 → 2026 450,000/50,000;
 *   S3 2024 only; S5 none.
 */

export const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n')

const targets = (n: number) => ({
  events: 2 * n,
  smesInvolved: 3 * n,
  buyersOutsideTargeted: 2 * n,
  buyersOutsideInvolved: 1 * n,
  contracts: 2 * n,
  turnoverChangePct: 10,
  exportChangePct: 10,
})
const EVENT = (name: string, date: string, kind = 'own') =>
  eventInput({
    name,
    kind,
    ...(kind === 'external' ? { externalOrganiser: 'Another cluster' } : {}),
    days: [{ date, sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] }],
  })

export interface Fixture {
  hub: string
  hub2: string
  e1: string
  e2: string
  ev1: string
  ev2: string
  ev3: string
  ev4: string
  org: Record<'S1' | 'S2' | 'S3' | 'S4' | 'S5' | 'B1' | 'B2' | 'B3' | 'B4', string>
  agents: Record<'hub' | 'hub2' | 'authority' | 'S1' | 'S2' | 'S3' | 'S5' | 'B1' | 'B2' | 'B4', SignedInAgent>
  contracts: Record<'C1' | 'C2' | 'C3' | 'C4' | 'C5', string>
  request: string
}

export async function buildFixture(app: FastifyInstance): Promise<Fixture> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const hub2 = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Two', email: 'hub2@hub2.example' })
  await createOrgWithAdmin(app, { kind: 'authority', name: 'Regione', email: 'region@region.example' })
  const orgs: Record<string, string> = {}
  const spec: [string, 'sme' | 'buyer', string][] = [
    ['S1', 'sme', 'ITC1'],
    ['S2', 'sme', 'ITC1'],
    ['S3', 'sme', 'ITC1'],
    ['S4', 'sme', 'ITC1'],
    ['S5', 'sme', 'ITC1'],
    ['B1', 'buyer', 'DE21'],
    ['B2', 'buyer', 'ITC1'],
    ['B3', 'buyer', 'FR10'],
    ['B4', 'buyer', 'ES61'],
  ]
  for (const [key, kind, nuts2] of spec)
    orgs[key] = (
      await createOrgWithAdmin(app, {
        kind,
        name: `${key} ${kind === 'sme' ? 'Srl' : 'AG'}`,
        email: `${key.toLowerCase()}@${key.toLowerCase()}.example`,
        country: nuts2.slice(0, 2),
        nuts2,
      })
    ).orgId
  const agent = (email: string) => signIn(app, email)
  const h = await agent('hub@hub.example')
  const h2 = await agent('hub2@hub2.example')
  const e1 = (
    await createEdition(h, hub.orgId, {
      name: 'Edition 2025',
      periodStart: '2025-01-01',
      periodEnd: '2025-12-31',
      kpiTargets: targets(1),
    })
  ).id
  const e2 = (
    await createEdition(h2, hub2.orgId, {
      name: 'Edition 2026',
      periodStart: '2026-01-01',
      periodEnd: '2026-12-31',
      kpiTargets: targets(2),
    })
  ).id
  const event = async (as: SignedInAgent, edition: string, body: Record<string, unknown>) =>
    (await createEvent(as, edition, body)).id
  const ev1 = await event(h, e1, EVENT('MtB Torino', '2025-03-10'))
  const ev2 = await event(h, e1, EVENT('MtB Novara', '2025-06-10'))
  const ev3 = await event(h, e1, EVENT('Fiera esterna', '2025-09-10', 'external'))
  const ev4 = await event(h2, e2, EVENT('MtB Cuneo', '2026-03-10'))
  const move = async (as: SignedInAgent, ev: string, org: string, steps: string[]) => {
    for (const status of steps) {
      const res = await as.inject({
        method: 'PUT',
        url: `/api/events/${ev}/participations/${org}`,
        payload: { status },
      })
      if (res.statusCode !== 200) throw new Error(`${status}: ${res.body}`)
    }
  }
  await move(h, ev1, orgs.S1!, ['invited', 'selected'])
  await move(h, ev1, orgs.S2!, ['invited', 'selected'])
  await move(h, ev1, orgs.S3!, ['invited', 'selected', 'attended'])
  await move(h, ev2, orgs.S2!, ['invited', 'selected'])
  await move(h, ev2, orgs.S4!, ['targeted'])
  await move(h, ev1, orgs.B1!, ['invited', 'selected'])
  await move(h, ev1, orgs.B2!, ['invited', 'selected'])
  await move(h, ev2, orgs.B3!, ['invited'])
  await move(h, ev3, orgs.B3!, ['targeted'])
  await move(h2, ev4, orgs.S5!, ['invited', 'selected'])
  await move(h2, ev4, orgs.B4!, ['invited', 'selected'])

  const agents = {
    hub: h,
    hub2: h2,
    authority: await agent('region@region.example'),
    S1: await agent('s1@s1.example'),
    S2: await agent('s2@s2.example'),
    S3: await agent('s3@s3.example'),
    S5: await agent('s5@s5.example'),
    B1: await agent('b1@b1.example'),
    B2: await agent('b2@b2.example'),
    B4: await agent('b4@b4.example'),
  }
  const asked = await agents.S1.inject({
    method: 'POST',
    url: `/api/events/${ev1}/requests`,
    payload: { fromOrganisationId: orgs.S1, toOrganisationId: orgs.B1, priority: 'meet' },
  })
  if (asked.statusCode !== 201) throw new Error(asked.body)
  const request = asked.json().id as string
  await agents.B1.inject({ method: 'POST', url: `/api/requests/${request}/accept`, payload: {} })
  await move(h, ev1, orgs.S1!, ['attended', 'followed_up'])
  await app.sql`insert into meetings (event_id, request_id, sme_id, buyer_id, slot, table_index) values (${ev1}, ${request}, ${orgs.S1!}, ${orgs.B1!}, 0, 0)`

  const report = async (as: SignedInAgent, from: string, body: Record<string, unknown>) => {
    const res = await as.inject({
      method: 'POST',
      url: `/api/organisations/${from}/contracts`,
      payload: { kind: 'purchase_order', signedOn: '2025-10-01', ...body },
    })
    if (res.statusCode !== 201) throw new Error(res.body)
    return res.json().id as string
  }
  const evidence = (as: SignedInAgent, id: string) =>
    as.inject({
      method: 'PUT',
      url: `/api/contracts/${id}/evidence?fileName=order.pdf`,
      payload: PDF,
      headers: { 'content-type': 'application/pdf' },
    })
  const confirm = (as: SignedInAgent, id: string) => as.inject({ method: 'POST', url: `/api/contracts/${id}/confirm` })
  const decide = (as: SignedInAgent, id: string, decision: string, note?: string) =>
    as.inject({
      method: 'POST',
      url: `/api/contracts/${id}/decision`,
      payload: { decision, ...(note ? { note } : {}) },
    })

  const C1 = await report(agents.S1, orgs.S1!, {
    counterpartId: orgs.B1,
    requestId: request,
    title: 'Door retrofit kits',
    valueEur: 100_000,
  })
  await evidence(agents.S1, C1)
  await confirm(agents.B1, C1)
  await decide(h, C1, 'verified')
  const C2 = await report(agents.B2, orgs.B2!, {
    counterpartId: orgs.S2,
    editionId: e1,
    title: 'Pilot of sensors',
    kind: 'pilot',
    valueEur: 50_000,
    signedOn: '2025-11-15',
  })
  await evidence(agents.B2, C2)
  await confirm(agents.S2, C2)
  await decide(h, C2, 'verified')
  const C3 = await report(agents.S3, orgs.S3!, {
    counterpartId: orgs.B1,
    eventId: ev1,
    title: 'Framework for seats',
    kind: 'framework',
    valueEur: 30_000,
  })
  const C4 = await report(agents.S1, orgs.S1!, {
    counterpartId: orgs.B2,
    editionId: e1,
    title: 'Mistaken report',
    valueEur: 999,
  })
  await decide(h, C4, 'rejected', 'Not a supply contract')
  const C5 = await report(agents.S5, orgs.S5!, {
    counterpartId: orgs.B4,
    eventId: ev4,
    title: 'Licence of software',
    kind: 'licence',
    valueEur: 70_000,
    signedOn: '2026-05-01',
  })
  await evidence(agents.S5, C5)
  await confirm(agents.B4, C5)
  await decide(h2, C5, 'verified')

  const perf = (
    as: SignedInAgent,
    org: string,
    year: number,
    turnoverEur: number,
    exportEur: number,
    source = 'self_declared',
  ) =>
    as.inject({
      method: 'PUT',
      url: `/api/organisations/${org}/performance/${year}`,
      payload: { turnoverEur, exportEur, source },
    })
  await perf(agents.S1, orgs.S1!, 2024, 1_000_000, 200_000, 'financial_statements')
  await perf(agents.S1, orgs.S1!, 2025, 1_200_000, 300_000)
  await perf(agents.S2, orgs.S2!, 2024, 500_000, 0)
  await perf(agents.S2, orgs.S2!, 2026, 450_000, 50_000)
  await perf(agents.S3, orgs.S3!, 2024, 800_000, 100_000)
  await addUser(app, { orgId: orgs.S1!, email: 'leaver@s1.example', role: 'member' })

  return {
    hub: hub.orgId,
    hub2: hub2.orgId,
    e1,
    e2,
    ev1,
    ev2,
    ev3,
    ev4,
    org: orgs as Fixture['org'],
    agents,
    contracts: { C1, C2, C3, C4, C5 },
    request,
  }
}
