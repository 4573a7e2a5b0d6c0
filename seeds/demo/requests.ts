import { eq, sql } from 'drizzle-orm'
import { participations, representatives } from '../../server/features/participation/participation.table.js'
import { meetingRequests } from '../../server/features/requests/requests.table.js'
import type { Party, Story } from './edition.js'
import { FIRST_NAMES, LAST_NAMES } from './directory.js'
import { participationIds, recordAudit, writeLifecycles, type AuditEntry, type LifecycleStep } from './history.js'
import { romeAt, slug } from './story.js'

export interface Selected {
  smes: Party[]
  buyers: Party[]
}

type Outcome = 'accepted' | 'declined' | 'withdrawn' | 'pending'
/** [sme or buyer, counterpart, outcome]; without a counterpart one of the same domain is chosen; `incoming` is a pending request to the party. */
type Forced = [Party, Party, Outcome] | [Party, Outcome | 'incoming']

interface PlannedRequest {
  from: Party
  to: Party
  priority: 'must_meet' | 'meet'
  message: string
  outcome: Outcome
}

const MESSAGES = {
  sme: [
    'Vorremmo presentarvi la nostra soluzione: pensiamo risponda al vostro fabbisogno.',
    'We supply similar customers in Italy and would like to discuss a pilot with you.',
    'Abbiamo referenze nel vostro settore e capacità produttiva disponibile dal prossimo trimestre.',
    'Our product meets the certifications you ask for; happy to bring samples.',
  ],
  buyer: [
    'Your offer matches one of our open sourcing needs; we would like to learn more.',
    'Siamo interessati alla vostra offerta per il nostro piano acquisti del prossimo anno.',
    'We are qualifying new suppliers for this category and would like to meet.',
    'Please bring references and an indicative price list.',
  ],
}
const DECLINE = [
  'Agenda piena per questo evento: riprendiamo il contatto dopo.',
  'Not a fit for our current sourcing plan.',
  'We already work with a supplier for this category.',
  'Prodotto non ancora alla maturità richiesta.',
]

/**
 * Buyers are targeted, invited and selected by the hub (a few never answer);
 * SMEs apply before the registration deadline and are selected (some after
 * coaching) or rejected with a reason; `leaveOpen` keeps a few undecided.
 * Steps fall between 45 and 16 days before `anchor`.
 */
export async function select(
  story: Story,
  eventId: string,
  input: { smes: Party[]; buyers: Party[]; anchor: string; keep: Party[]; leaveOpen?: boolean },
): Promise<Selected> {
  const { random, hub } = story
  const selected: Selected = { smes: [], buyers: [] }
  const hubStep = (
    status: LifecycleStep['status'],
    days: number,
    extra: Partial<LifecycleStep> = {},
  ): LifecycleStep => ({ status, at: romeAt(input.anchor, days, '10:30'), actorUserId: hub.userId, ...extra })
  const open = (party: Party, i: number, from: number) =>
    input.leaveOpen === true && !input.keep.includes(party) && i >= from
  const lifecycles = input.buyers.map((buyer, i) => {
    const steps = [hubStep('targeted', -45)]
    const kept = input.keep.includes(buyer)
    if (kept || i < input.buyers.length - 2) steps.push(hubStep('invited', -43))
    if (kept || (!open(buyer, i, input.buyers.length - 4) && i < input.buyers.length - 3)) {
      steps.push(hubStep('selected', -30))
      selected.buyers.push(buyer)
    }
    return { organisationId: buyer.id, steps }
  })
  input.smes.forEach((sme, i) => {
    const steps: LifecycleStep[] = [
      {
        status: 'applied',
        at: romeAt(
          input.anchor,
          -38 + Math.floor((i * 12) / input.smes.length),
          `${String(9 + (i % 8)).padStart(2, '0')}:${String((i * 7) % 60).padStart(2, '0')}`,
        ),
        actorUserId: sme.userId,
      },
    ]
    if (!open(sme, i, input.smes.length - 6)) {
      if (!input.keep.includes(sme) && random.chance(0.05))
        steps.push(hubStep('rejected', -24, { reason: random.pick(REJECT) }))
      else {
        steps.push(hubStep('selected', -24))
        if (random.chance(0.3)) steps.push(hubStep('prepared', -16, { coachingSessions: random.int(1, 3) }))
        selected.smes.push(sme)
      }
    }
    lifecycles.push({ organisationId: sme.id, steps })
  })
  await writeLifecycles(story.db, eventId, lifecycles)
  return selected
}

const REJECT = [
  'Offerta non ancora pronta per il mercato: vi aspettiamo alla prossima edizione.',
  'Settore non coperto dagli acquirenti di questo evento.',
]

/** Who asks whom: buyers and SMEs of the same S3 domain, with the demo pairs placed first. */
export function requestsFor(
  story: Story,
  selected: Selected,
  input: { forced: Forced[]; open: number },
): PlannedRequest[] {
  const { random } = story
  const plan: PlannedRequest[] = []
  const pairs = new Set<string>()
  const accepted = new Map<string, number>()
  const key = (a: Party, b: Party) => [a.id, b.id].sort().join(':')
  const room = (party: Party) => (accepted.get(party.id) ?? 0) < (party.kind === 'sme' ? 6 : 8)
  const add = (from: Party, to: Party, outcome: Outcome) => {
    if (
      from === to ||
      from.kind === to.kind ||
      pairs.has(key(from, to)) ||
      (outcome === 'accepted' && (!room(from) || !room(to)))
    )
      return false
    pairs.add(key(from, to))
    if (outcome === 'accepted') for (const p of [from, to]) accepted.set(p.id, (accepted.get(p.id) ?? 0) + 1)
    plan.push({
      from,
      to,
      priority: random.chance(0.3) ? 'must_meet' : 'meet',
      message: random.pick(MESSAGES[from.kind === 'sme' ? 'sme' : 'buyer']),
      outcome,
    })
    return true
  }
  const others = (party: Party) => {
    const pool = party.kind === 'sme' ? selected.buyers : selected.smes
    return [
      ...random.shuffle(pool.filter((p) => p.domain === party.domain)),
      ...random.shuffle(pool.filter((p) => p.domain !== party.domain)),
    ]
  }
  for (const forced of input.forced) {
    if (forced.length === 3) {
      add(forced[0], forced[1], forced[2])
      continue
    }
    const [party, what] = forced
    for (const other of others(party)) {
      const [from, to] = what === 'incoming' || random.chance(0.5) ? [other, party] : [party, other]
      if (add(from, to, what === 'incoming' ? 'pending' : what)) break
    }
  }
  const outcome = (): Outcome => {
    if (random.chance(input.open)) return 'pending'
    const r = random.next()
    return r < 0.8 ? 'accepted' : r < 0.92 ? 'declined' : r < 0.96 ? 'withdrawn' : 'pending'
  }
  for (const buyer of selected.buyers) {
    const wanted = random.int(5, 9)
    let made = 0
    for (const sme of others(buyer)) {
      if (made >= wanted) break
      const [from, to] = random.chance(0.5) ? [buyer, sme] : [sme, buyer]
      if (add(from, to, outcome())) made += 1
    }
  }
  return plan
}

/** Requests are sent between two dates and answered a few hours or days later; the rest stay pending. */
export async function runRequests(
  story: Story,
  eventId: string,
  plan: PlannedRequest[],
  window: { from: Date; to: Date },
) {
  const { random, db } = story
  const span = window.to.getTime() - window.from.getTime()
  const timed = plan.map((request, i) => {
    const at = window.from.getTime() + Math.floor((span * 0.7 * i) / plan.length)
    const decidedAt =
      request.outcome === 'pending' ? null : new Date(Math.min(window.to.getTime(), at + random.int(2, 72) * 3_600_000))
    return {
      request,
      at: new Date(at),
      decidedAt,
      reason: request.outcome === 'declined' ? random.pick(DECLINE) : null,
    }
  })
  const rows = await db
    .insert(meetingRequests)
    .values(
      timed.map(({ request, at, decidedAt, reason }) => ({
        eventId,
        fromOrganisationId: request.from.id,
        toOrganisationId: request.to.id,
        origin: request.from.kind as 'sme' | 'buyer',
        priority: request.priority,
        message: request.message,
        status: request.outcome,
        declineReason: reason,
        createdBy: request.from.userId,
        createdAt: at,
        decidedAt,
      })),
    )
    .returning({ id: meetingRequests.id })
  await recordAudit(
    db,
    timed.flatMap(({ request, at, decidedAt, reason }, i) => {
      const id = rows[i]!.id
      const sent: AuditEntry = {
        at,
        actorUserId: request.from.userId,
        organisationId: request.from.id,
        action: 'request.sent',
        subjectType: 'meeting_request',
        subjectId: id,
        after: { to: request.to.id, priority: request.priority },
      }
      if (!decidedAt) return [sent]
      const by = request.outcome === 'withdrawn' ? request.from : request.to
      return [
        sent,
        {
          at: decidedAt,
          actorUserId: by.userId,
          organisationId: by.id,
          action: `request.${request.outcome}`,
          subjectType: 'meeting_request',
          subjectId: id,
          before: { status: 'pending' },
          after: { status: request.outcome, reason },
        },
      ]
    }),
  )
}

/** Buyers name who they send (those with many meetings two people); some participants cannot attend a slot or two. */
export async function availability(story: Story, eventId: string, selected: Selected, slotCount: number, late?: Party) {
  const { random, db, clock } = story
  const at = clock.now()
  const ids = await participationIds(
    db,
    eventId,
    [...selected.smes, ...selected.buyers].map((p) => p.id),
  )
  const accepted = await db.execute<{ id: string; n: number }>(sql`
    select o.id, count(*)::int as n from ${meetingRequests} r join organisations o on o.id in (r.from_organisation_id, r.to_organisation_id)
    where r.event_id = ${eventId} and r.status = 'accepted' and o.kind = 'buyer' group by o.id`)
  const load = new Map(accepted.map((row) => [row.id, row.n]))
  const people: (typeof representatives.$inferInsert & { buyer: Party })[] = []
  for (const buyer of selected.buyers) {
    const domain = `${slug(buyer.name)}.example`
    const participationId = ids.get(buyer.id)!
    people.push({
      buyer,
      participationId,
      name: buyer.personName,
      email: `${slug(buyer.personName)}@${domain}`,
      jobTitle: 'Head of Procurement',
      unavailableSlots: random.chance(0.15) ? [slotCount - 1] : [],
      position: 0,
      createdAt: at,
    })
    if ((load.get(buyer.id) ?? 0) > 5) {
      let colleague = buyer.personName
      while (colleague === buyer.personName) colleague = `${random.pick(FIRST_NAMES)} ${random.pick(LAST_NAMES)}`
      people.push({
        buyer,
        participationId,
        name: colleague,
        email: `${slug(colleague)}@${domain}`,
        jobTitle: 'Category Manager',
        unavailableSlots: random.chance(0.3) ? [0, 1] : [],
        position: 1,
        createdAt: at,
      })
    }
  }
  await db.insert(representatives).values(people.map(({ buyer: _b, ...row }) => row))
  const busy = selected.smes.flatMap((sme) => {
    const slots =
      sme === late ? [0] : random.chance(0.15) ? random.pick([[0, 1], [slotCount - 2, slotCount - 1], [6]]) : []
    return slots.length > 0 ? [{ sme, slots }] : []
  })
  for (const { sme, slots } of busy)
    await db
      .update(participations)
      .set({ unavailableSlots: slots, updatedAt: at })
      .where(eq(participations.id, ids.get(sme.id)!))
  await recordAudit(db, [
    ...selected.buyers.map((buyer) => ({
      at,
      actorUserId: buyer.userId,
      organisationId: buyer.id,
      action: 'participation.representatives_changed',
      subjectType: 'participation',
      subjectId: ids.get(buyer.id)!,
      before: [],
      after: people.filter((p) => p.buyer === buyer).map((p) => p.name),
    })),
    ...busy.map(({ sme, slots }) => ({
      at,
      actorUserId: sme.userId,
      organisationId: sme.id,
      action: 'participation.availability_changed',
      subjectType: 'participation',
      subjectId: ids.get(sme.id)!,
      before: [],
      after: slots,
    })),
  ])
}

/**
 * The hub runs the scheduler, looks at the draft and publishes it: the agendas.
 * The demo events are small enough for the search to reach its lower bound in
 * a second or two; the generous time limit is never the reason it stops, so
 * the seed alone decides the schedule.
 */
export async function publishSchedule(story: Story, eventId: string, at: Date) {
  const { services, clock, hub } = story
  clock.set(at)
  const queued = await services.schedules.queue(story.actor(hub), eventId, {
    timeLimitSeconds: 20,
    fairness: 2,
    seed: 1,
    keepPublished: true,
  })
  const claimed = await services.schedules.claimRun('demo data', queued.id)
  if (claimed) await services.schedules.solveRun(claimed, 'demo data')
  // A running server may have claimed it first, woken by the run's job: then it is solved there.
  for (let waited = 0; !claimed && waited < 60_000; waited += 250) {
    const { status } = await services.schedules.get(eventId, queued.id)
    if (status !== 'queued' && status !== 'running') break
    await new Promise((resolve) => setTimeout(resolve, 250))
  }
  clock.advance(15 * 60_000)
  const draft = await services.schedules.get(eventId, queued.id)
  if (draft.status !== 'draft') throw new Error(`the demo schedule did not solve: ${draft.error ?? draft.status}`)
  await services.schedules.publish(story.actor(hub), eventId, queued.id)
  await story.db.execute(
    sql`update schedules set finished_at = ${new Date(at.getTime() + 60_000).toISOString()}::timestamptz where id = ${queued.id}`,
  )
  await story.stamp()
}
