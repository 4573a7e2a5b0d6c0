import type { FastifyInstance } from 'fastify'
import { createOrgWithAdmin, signIn, type SignedInAgent } from '../../test/helpers/accounts.js'
import { createEdition, createEvent } from '../../test/helpers/builders.js'

/**
 * An event with `smes × buyers` recommended pairs, written straight into the
 * tables (a recompute would take minutes): selected participants, one pair per
 * SME and buyer with a spread of scores, statuses and mutual marks, each with
 * one offer–need pair behind it. For the Matches-tab benchmark and the paging
 * browser test.
 */
export async function eventWithManyPairs(
  app: FastifyInstance,
  { smes, buyers }: { smes: number; buyers: number },
): Promise<{ eventId: string; hub: SignedInAgent; hubEmail: string }> {
  const hubEmail = 'hub@bench.example'
  const hub = await createOrgWithAdmin(app, { kind: 'organiser', name: 'Hub Bench', email: hubEmail })
  const agent = await signIn(app, hubEmail)
  const edition = await createEdition(agent, hub.orgId)
  const event = await createEvent(agent, edition.id)
  await app.sql`
    with made as (
      insert into organisations (kind, legal_name, country, nuts2, languages)
      select kind, name, 'IT', 'ITC1', '{it}'
      from (
        select 'sme'::organisation_kind as kind, 'PMI ' || lpad(i::text, 5, '0') || ' S.r.l.' as name from generate_series(1, ${smes}) i
        union all
        select 'buyer'::organisation_kind, 'Buyer ' || lpad(i::text, 5, '0') || ' S.p.A.' from generate_series(1, ${buyers}) i
      ) o
      returning id
    )
    insert into participations (event_id, organisation_id, status)
    select ${event.id}, id, 'selected' from made`
  await app.sql`
    insert into recommendations (event_id, sme_id, buyer_id, score, parts, reason, pairs, status)
    select ${event.id}, s.organisation_id, b.organisation_id, sc.score,
      jsonb_build_object('cpv', sc.score, 'text', sc.score / 2),
      jsonb_build_object('it', 'Codici CPV in comune e parole simili', 'en', 'CPV codes in common and similar words'),
      jsonb_build_array(jsonb_build_object('offerId', gen_random_uuid(), 'needId', gen_random_uuid(), 'score', sc.score)),
      (array['proposed', 'shortlisted', 'approved', 'rejected', 'proposed']::recommendation_status[])[1 + (abs(hashtext(s.organisation_id::text || b.organisation_id::text)) % 5)]
    from participations s
    join organisations so on so.id = s.organisation_id and so.kind = 'sme'
    join participations b on b.event_id = s.event_id
    join organisations bo on bo.id = b.organisation_id and bo.kind = 'buyer'
    cross join lateral (select 0.1 + (abs(hashtext(so.legal_name || bo.legal_name)) % 900) / 1000.0 as score) sc
    where s.event_id = ${event.id}`
  // Every seventh pair is marked by both sides: a request candidate.
  await app.sql`
    insert into recommendation_marks (event_id, sme_id, buyer_id, organisation_id, mark)
    select r.event_id, r.sme_id, r.buyer_id, side.id, 'meet'
    from (select *, row_number() over (order by sme_id, buyer_id) n from recommendations where event_id = ${event.id}) r
    cross join lateral (values (r.sme_id), (r.buyer_id)) side(id)
    where r.n % 7 = 0`
  return { eventId: event.id, hub: agent, hubEmail }
}

/**
 * `count` meeting requests among the event's SMEs and buyers, from SMEs to
 * buyers, one per pair in name order (so the first SMEs have requests), a
 * minute apart, in a spread of statuses.
 */
export async function addManyRequests(app: FastifyInstance, eventId: string, count: number): Promise<void> {
  await app.sql`
    insert into meeting_requests (event_id, from_organisation_id, to_organisation_id, origin, priority, status, created_at, decided_at)
    select ${eventId}, r.sme_id, r.buyer_id, 'sme', case when n % 4 = 0 then 'must_meet' else 'meet' end::request_priority,
      (array['pending', 'accepted', 'declined', 'withdrawn', 'accepted']::request_status[])[1 + n % 5],
      now() - make_interval(mins => n::int), case when n % 5 <> 0 then now() - make_interval(mins => n::int) - interval '1 minute' end
    from (
      select r.sme_id, r.buyer_id, row_number() over (order by s.legal_name, b.legal_name) n
      from recommendations r
      join organisations s on s.id = r.sme_id
      join organisations b on b.id = r.buyer_id
      where r.event_id = ${eventId}
    ) r
    where n <= ${count}`
}

/**
 * Spreads the event's participants over the board's steps by name order:
 * every fourth applied, every sixth invited, every ninth rejected (the first
 * rule that holds wins), the rest stay selected.
 */
export async function spreadParticipationSteps(app: FastifyInstance, eventId: string): Promise<void> {
  await app.sql`
    update participations p set status = case
        when n % 4 = 1 then 'applied'
        when n % 6 = 0 then 'invited'
        when n % 9 = 0 then 'rejected'
        else 'selected' end::participation_status
    from (
      select p2.id, row_number() over (order by o.legal_name) n
      from participations p2 join organisations o on o.id = p2.organisation_id
      where p2.event_id = ${eventId}
    ) ranked
    where ranked.id = p.id`
}

/**
 * `count` contracts in the event's edition, one per SME–buyer pair in name
 * order, reported by the SME, signed a day apart, statuses in turn:
 * reported, confirmed, verified, rejected. Answers the edition's id.
 */
export async function addManyContracts(app: FastifyInstance, eventId: string, count: number): Promise<string> {
  const [event] = await app.sql<
    { editionId: string }[]
  >`select edition_id as "editionId" from events where id = ${eventId}`
  await app.sql`
    insert into contracts (edition_id, event_id, sme_id, buyer_id, reported_by_organisation_id, title, kind,
      signed_on, value_eur, status, confirmed_at, decision_note)
    select e.edition_id, e.id, pair.sme_id, pair.buyer_id, pair.sme_id,
      'Supply contract ' || lpad(pair.n::text, 5, '0'), 'purchase_order',
      date '2027-01-01' + (pair.n % 700)::int, 10000 + pair.n * 100,
      (array['reported', 'confirmed', 'verified', 'rejected']::contract_status[])[1 + pair.n % 4],
      case when pair.n % 4 in (1, 2) then now() end,
      case when pair.n % 4 = 3 then 'No evidence of delivery' end
    from events e
    cross join lateral (
      select s.id as sme_id, b.id as buyer_id, row_number() over (order by s.legal_name, b.legal_name) n
      from participations ps join organisations s on s.id = ps.organisation_id and s.kind = 'sme'
      join participations pb on pb.event_id = ps.event_id
      join organisations b on b.id = pb.organisation_id and b.kind = 'buyer'
      where ps.event_id = e.id
    ) pair
    where e.id = ${eventId} and pair.n <= ${count}`
  return event!.editionId
}

/**
 * A voucher budget of €5,000 for each SME of the event, in its edition; every
 * third SME by name has a pending claim of €800, every fifth an approved one
 * of €1,000. Answers the edition's id.
 */
export async function addManyVoucherAccounts(app: FastifyInstance, eventId: string): Promise<string> {
  const [event] = await app.sql<
    { editionId: string }[]
  >`select edition_id as "editionId" from events where id = ${eventId}`
  const editionId = event!.editionId
  await app.sql`
    insert into voucher_budgets (edition_id, sme_id, budget_eur)
    select ${editionId}, o.id, 5000
    from participations p join organisations o on o.id = p.organisation_id and o.kind = 'sme'
    where p.event_id = ${eventId}`
  await app.sql`
    insert into voucher_claims (edition_id, sme_id, category, amount_eur, description, status)
    select ${editionId}, sme_id, 'coaching', amount, 'Coaching session', status::voucher_claim_status
    from (
      select vb.sme_id, row_number() over (order by o.legal_name) n
      from voucher_budgets vb join organisations o on o.id = vb.sme_id
      where vb.edition_id = ${editionId}
    ) ranked
    cross join lateral (values (800, 'pending', ranked.n % 3 = 0), (1000, 'approved', ranked.n % 5 = 0)) c(amount, status, wanted)
    where c.wanted`
  return editionId
}

/**
 * `count` organisations registered with the hub, a minute apart (the last
 * newest), three SMEs to each buyer; by name order every third is pending,
 * every seventh rejected, the rest validated.
 */
export async function addManyRegistrations(app: FastifyInstance, organiserId: string, count: number): Promise<void> {
  await app.sql`
    with made as (
      insert into organisations (kind, legal_name, country, nuts2, languages)
      select case when i % 4 = 0 then 'buyer' else 'sme' end::organisation_kind,
        'Registered ' || lpad(i::text, 5, '0') || case when i % 4 = 0 then ' S.p.A.' else ' S.r.l.' end, 'IT', 'ITC1', '{it}'
      from generate_series(1, ${count}) i
      returning id, legal_name
    )
    insert into affiliations (organiser_id, participant_id, status, reason, registered_at, decided_at)
    select ${organiserId}, id, status::affiliation_status,
      case when status = 'rejected' then 'Outside the programme' end,
      timestamptz '2026-09-01' + n * interval '1 minute', case when status <> 'pending' then now() end
    from (
      select id, n, case when n % 3 = 0 then 'pending' when n % 7 = 0 then 'rejected' else 'validated' end status
      from (select id, row_number() over (order by legal_name) n from made) ranked
    ) spread`
}
