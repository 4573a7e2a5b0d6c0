import type { FastifyInstance } from 'fastify'
import { createOrgWithAdmin, signIn, type SignedInAgent } from './accounts.js'
import { createEdition, createEvent } from './builders.js'

/**
 * An event the scheduler cannot finish early: every one of `smes` SMEs has an
 * accepted request with each of `buyers` buyers, on four tables over 14
 * twenty-minute slots — more meetings than the room holds, so a run searches
 * for its whole time limit.
 */
export async function busyEvent(
  app: FastifyInstance,
  shape: { smes: number; buyers: number } = { smes: 14, buyers: 6 },
): Promise<{ eventId: string; organiser: SignedInAgent; requests: number }> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const eventId = (
    await createEvent(organiser, edition.id, {
      venue: 'Lingotto',
      days: [{ date: '2027-03-10', sessions: [{ name: 'morning', start: '09:00', end: '13:40' }] }],
      tables: [{ name: 'T1' }, { name: 'T2' }, { name: 'T3' }, { name: 'T4' }],
      maxMeetingsPerParticipant: 20,
    })
  ).id
  const join = async (kind: 'sme' | 'buyer', i: number) => {
    const email = `${kind}${i}@${kind}${i}.example`
    const org = await createOrgWithAdmin(app, { kind, name: `${kind.toUpperCase()} ${i}`, email })
    for (const status of ['invited', 'selected'])
      await organiser.inject({
        method: 'PUT',
        url: `/api/events/${eventId}/participations/${org.orgId}`,
        payload: { status },
      })
    return { orgId: org.orgId, agent: await signIn(app, email) }
  }
  const smes = []
  for (let i = 0; i < shape.smes; i++) smes.push(await join('sme', i))
  const buyers = []
  for (let i = 0; i < shape.buyers; i++) buyers.push(await join('buyer', i))
  let requests = 0
  for (const sme of smes) {
    for (const buyer of buyers) {
      const sent = await sme.agent.inject({
        method: 'POST',
        url: `/api/events/${eventId}/requests`,
        payload: { fromOrganisationId: sme.orgId, toOrganisationId: buyer.orgId, priority: 'meet' },
      })
      if (sent.statusCode !== 201) throw new Error(`request: ${sent.statusCode} ${sent.body}`)
      const accepted = await buyer.agent.inject({
        method: 'POST',
        url: `/api/requests/${sent.json().id}/accept`,
        payload: {},
      })
      if (accepted.statusCode !== 200) throw new Error(`accept: ${accepted.statusCode} ${accepted.body}`)
      requests++
    }
  }
  return { eventId, organiser, requests }
}

/**
 * An event at trade-fair size, written straight into the tables: `buyers`
 * buyers (a multiple of 5) each with an accepted request from `perBuyer` SMEs (each SME meets
 * five buyers), a table per buyer, one day of 30 fifteen-minute slots. Every
 * meeting fits; the solver searches a while for a schedule without breaks.
 */
export async function largeEvent(
  app: FastifyInstance,
  { buyers, perBuyer }: { buyers: number; perBuyer: number },
): Promise<{ eventId: string; organiser: SignedInAgent; requests: number }> {
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub', email: 'hub@hub.example' })
  const organiser = await signIn(app, 'hub@hub.example')
  const edition = await createEdition(organiser, hub.orgId)
  const smes = (buyers * perBuyer) / 5
  const eventId = (
    await createEvent(organiser, edition.id, {
      days: [{ date: '2027-03-10', sessions: [{ name: 'day', start: '09:00', end: '16:30' }] }],
      slotMinutes: 15,
      gapMinutes: 0,
      tables: [...Array(buyers).keys()].map((i) => ({ name: `T${i + 1}` })),
      maxMeetingsPerParticipant: 30,
    })
  ).id
  await app.sql`
    with made as (
      insert into organisations (kind, legal_name, country, nuts2, languages)
      select kind, name, 'IT', 'ITC1', '{it}' from (
        select 'sme'::organisation_kind as kind, 'SME ' || lpad(i::text, 4, '0') as name from generate_series(1, ${smes}) i
        union all
        select 'buyer'::organisation_kind, 'Buyer ' || lpad(i::text, 4, '0') from generate_series(1, ${buyers}) i
      ) o
      returning id, kind, legal_name
    ), joined as (
      insert into participations (event_id, organisation_id, status) select ${eventId}, id, 'selected' from made
    )
    insert into meeting_requests (event_id, from_organisation_id, to_organisation_id, origin, priority, status, decided_at)
    select ${eventId}, s.id, b.id, 'sme', 'meet', 'accepted', now()
    from (select id, row_number() over (order by legal_name) - 1 as n from made where kind = 'sme') s
    cross join generate_series(0, 4) k
    join (select id, row_number() over (order by legal_name) - 1 as n from made where kind = 'buyer') b
      on b.n = (s.n + k * ${buyers / 5}) % ${buyers}`
  return { eventId, organiser, requests: buyers * perBuyer }
}
