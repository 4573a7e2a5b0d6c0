import type { FastifyInstance } from 'fastify'
import { addUser, affiliate, createOrgWithAdmin, signIn, type SignedInAgent } from './accounts.js'
import { need, offer } from './catalogue.js'
import { createEdition, createEvent } from './builders.js'

/**
 * One hub, one edition with a March and a May event. Alpha, Gamma and Delta
 * (SMEs) sell the same electric buses; Nordbahn (buyer) publishes a public
 * need for them, Torino Trasporti a need only Alpha may see. Alpha, Gamma,
 * Nordbahn and Torino Trasporti are selected for May; Delta is not.
 */
export async function recommendationsWorld(app: FastifyInstance) {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Piemonte', email: 'hub@hub.example' })
  const alpha = await createOrgWithAdmin(app, { kind: 'sme', name: 'Alpha Srl', email: 'ada@alpha.example' })
  const gamma = await createOrgWithAdmin(app, { kind: 'sme', name: 'Gamma Srl', email: 'gia@gamma.example' })
  const delta = await createOrgWithAdmin(app, { kind: 'sme', name: 'Delta Srl', email: 'dan@delta.example' })
  const nordbahn = await createOrgWithAdmin(app, {
    kind: 'buyer',
    name: 'Nordbahn GmbH',
    email: 'anna@nordbahn.example',
    country: 'DE',
    nuts2: 'DE21',
  })
  const torino = await createOrgWithAdmin(app, { kind: 'buyer', name: 'Torino Trasporti SpA', email: 'tom@tt.example' })
  for (const org of [alpha, gamma, delta, nordbahn, torino]) await affiliate(app, hub.orgId, org.orgId)
  await addUser(app, { orgId: alpha.orgId, email: 'bob@alpha.example', role: 'member', name: 'Bruno' })
  await app.sql`update users set language = 'it' where email = 'bob@alpha.example'`
  const agents = {
    hub: await signIn(app, 'hub@hub.example'),
    alpha: await signIn(app, 'ada@alpha.example'),
    gamma: await signIn(app, 'gia@gamma.example'),
    delta: await signIn(app, 'dan@delta.example'),
    nordbahn: await signIn(app, 'anna@nordbahn.example'),
    torino: await signIn(app, 'tom@tt.example'),
  }
  const offers: Record<string, string> = {}
  for (const [key, org] of [
    ['alpha', alpha],
    ['gamma', gamma],
    ['delta', delta],
  ] as const) {
    offers[key] = (
      await agents[key].inject({ method: 'POST', url: `/api/organisations/${org.orgId}/offers`, payload: offer() })
    ).json().id
  }
  const publicNeed = (
    await agents.nordbahn.inject({ method: 'POST', url: `/api/organisations/${nordbahn.orgId}/needs`, payload: need() })
  ).json().id as string
  const privateNeed = (
    await agents.torino.inject({
      method: 'POST',
      url: `/api/organisations/${torino.orgId}/needs`,
      payload: need({ title: 'Autobus elettrici urbani', visibility: 'selected', visibleTo: [alpha.orgId] }),
    })
  ).json().id as string
  const edition = (await createEdition(agents.hub, hub.orgId)).id
  const march = (await createEvent(agents.hub, edition, { name: 'Meet the Buyer Torino' })).id
  const may = (
    await createEvent(agents.hub, edition, {
      name: 'Meet the Buyer Novara',
      days: [{ date: '2027-05-12', sessions: [{ name: 'morning', start: '09:00', end: '11:00' }] }],
    })
  ).id
  const select = async (eventId: string, orgIds: string[]) => {
    for (const orgId of orgIds)
      for (const status of ['invited', 'selected'])
        await agents.hub.inject({
          method: 'PUT',
          url: `/api/events/${eventId}/participations/${orgId}`,
          payload: { status },
        })
  }
  await select(may, [alpha.orgId, gamma.orgId, nordbahn.orgId, torino.orgId])
  await app.outbox.drain()
  const ids = {
    hub: hub.orgId,
    alpha: alpha.orgId,
    gamma: gamma.orgId,
    delta: delta.orgId,
    nordbahn: nordbahn.orgId,
    torino: torino.orgId,
  }
  return { ids, agents, offers, needs: { publicNeed, privateNeed }, march, may, select }
}

export type RecommendationsWorld = Awaited<ReturnType<typeof recommendationsWorld>>

/** Counterpart names in the order the list gives them. */
export async function counterparts(agent: SignedInAgent, eventId: string, orgId: string): Promise<string[]> {
  const res = await agent.inject({ method: 'GET', url: `/api/events/${eventId}/recommendations/${orgId}` })
  if (res.statusCode !== 200) throw new Error(`recommendations: ${res.statusCode} ${res.body}`)
  return (res.json() as { counterpart: { legalName: string }; declinedByMe: boolean }[])
    .filter((r) => !r.declinedByMe)
    .map((r) => r.counterpart.legalName)
}
