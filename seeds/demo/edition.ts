import { eq, gt, sql } from 'drizzle-orm'
import type { EventInput } from '../../shared/schemas/events.js'
import { fixedClock } from '../../server/infra/clock.js'
import type { DbOrTx } from '../../server/infra/db.js'
import { outbox } from '../../server/infra/outbox.table.js'
import { users } from '../../server/features/accounts/accounts.table.js'
import { RECOMPUTE_TOPIC } from '../../server/features/matching/recommendations.triggers.js'
import { memberships, organisations } from '../../server/features/organisations/organisations.table.js'
import type { DemoContext, DemoDataSet } from '../index.js'
import { BUYERS } from './directory.js'
import { SME_DOMAINS } from './network.js'
import { eventDay, followUp } from './outcomes.js'
import { createRandom, type Random } from './random.js'
import { actorFor, storyServices } from './services.js'
import { DEMO_BUYER, DEMO_HUB, DEMO_SME, DEMO_SME2, ZONE, eventDays, plusDays, romeAt } from './story.js'
import { availability, publishSchedule, requestsFor, runRequests, select } from './requests.js'

export interface Party {
  id: string
  name: string
  kind: 'sme' | 'buyer' | 'organiser' | 'authority'
  domain: string
  userId: string
  personName: string
}

/** Everything the story chapters share. */
export interface Story {
  db: DbOrTx
  clock: ReturnType<typeof fixedClock>
  services: ReturnType<typeof storyServices>
  random: Random
  parties: Map<string, Party>
  hub: Party
  editionId: string
  actor(party: Party): ReturnType<typeof actorFor>
  /** Rows written with the database's now() get the story's time instead. */
  stamp(): Promise<void>
}

const DOMAIN_OF_BUYER = new Map([
  ...BUYERS.map((b) => [b.legalName, b.domain] as const),
  [DEMO_BUYER, 'sustainable-mobility'],
])

async function partiesOf(db: DbOrTx): Promise<Map<string, Party>> {
  const rows = await db
    .select({
      id: organisations.id,
      name: organisations.legalName,
      kind: organisations.kind,
      nace: organisations.naceCode,
      userId: users.id,
      personName: users.name,
    })
    .from(organisations)
    .innerJoin(memberships, eq(memberships.organisationId, organisations.id))
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(
      sql`${organisations.id} in (select participant_id from affiliations where status = 'validated') or ${organisations.kind} in ('organiser', 'authority')`,
    )
    .orderBy(organisations.legalName, users.email)
  const offers = await db.execute<{ organisation_id: string; s3_domain: string }>(
    sql`select distinct on (organisation_id) organisation_id, s3_domain from offers where status = 'published' order by organisation_id, created_at, title`,
  )
  const domains = new Map(offers.map((o) => [o.organisation_id, o.s3_domain]))
  const parties = new Map<string, Party>()
  for (const row of rows) {
    if (parties.has(row.name)) continue
    const domain =
      row.kind === 'buyer'
        ? (DOMAIN_OF_BUYER.get(row.name) ?? 'advanced-manufacturing')
        : (domains.get(row.id) ?? 'advanced-manufacturing')
    parties.set(row.name, {
      id: row.id,
      name: row.name,
      kind: row.kind,
      domain,
      userId: row.userId,
      personName: row.personName,
    })
  }
  return parties
}

/** Both events share a grid: two sessions of seven 25-minute meetings with 5 minutes between. */
function eventInput(name: string, date: string, extra: Partial<EventInput>): EventInput {
  return {
    name,
    kind: 'own',
    format: 'venue',
    timeZone: ZONE,
    days: [
      {
        date,
        sessions: [
          { name: 'Mattina', start: '09:30', end: '13:00' },
          { name: 'Pomeriggio', start: '14:00', end: '17:30' },
        ],
      },
    ],
    slotMinutes: 25,
    gapMinutes: 5,
    tables: [],
    maxMeetingsPerParticipant: 8,
    registrationDeadline: romeAt(date, -21, '18:00').toISOString(),
    requestDeadline: romeAt(date, -7, '18:00').toISOString(),
    schedulingDeadline: romeAt(date, -5, '18:00').toISOString(),
    ...extra,
  }
}

const tablesFor = (buyerId: string) => [
  { name: 'Stand Nordbahn', buyerId },
  ...Array.from({ length: 35 }, (_, i) => ({ name: `Tavolo ${i + 1}` })),
]

async function load(db: DbOrTx, context: DemoContext): Promise<Record<string, number>> {
  const days = eventDays(context.clock.now())
  const [{ last } = { last: 0 }] = await db.execute<{ last: number }>(
    sql`select coalesce(max(id), 0)::int as last from ${outbox}`,
  )
  const clock = fixedClock(romeAt(days.past, -75, '09:00'))
  const parties = await partiesOf(db)
  const hub = parties.get(DEMO_HUB)!
  const story: Story = {
    db,
    clock,
    services: storyServices(db, clock),
    random: createRandom(Number(days.today.replaceAll('-', '')) % 1_000_003),
    parties,
    hub,
    editionId: '',
    actor: (party) => actorFor(party.userId, party.id, party.kind),
    stamp: async () => {
      const at = clock.now().toISOString()
      for (const [table, column] of [
        ['editions', 'created_at'],
        ['events', 'created_at'],
        ['participations', 'created_at'],
        ['representatives', 'created_at'],
        ['meeting_requests', 'created_at'],
        ['schedules', 'created_at'],
        ['audit_events', 'at'],
        ['documents', 'uploaded_at'],
      ] as const) {
        await db.execute(
          sql`update ${sql.identifier(table)} set ${sql.identifier(column)} = ${at}::timestamptz where ${sql.identifier(column)} = now()`,
        )
      }
    },
  }
  const year = Number(days.today.slice(0, 4))
  const edition = await story.services.editions.createEdition(story.actor(hub), hub.id, {
    name: `Connecting SMEs with Large Buyers — Piemonte ${year - 1}/${String(year + 1).slice(2)}`,
    periodStart: `${year - 1}-09-01`,
    periodEnd: `${year + 1}-06-30`,
    homeNuts2: 'ITC1',
    targetS3: SME_DOMAINS.map(([domain]) => domain),
    budgetEur: 480_000,
    coOrganiserIds: [],
    kpiTargets: {
      events: 4,
      smesInvolved: 180,
      buyersOutsideTargeted: 45,
      buyersOutsideInvolved: 30,
      contracts: 25,
      turnoverChangePct: 8,
      exportChangePct: 12,
    },
  })
  story.editionId = edition.id
  const buyer = parties.get(DEMO_BUYER)!
  const past = await story.services.editions.createEvent(
    story.actor(hub),
    edition.id,
    eventInput('Meet the Buyer Torino — Manifattura, mobilità e salute', days.past, {
      venue: 'Lingotto Fiere, Via Nizza 294, 10126 Torino',
      tables: tablesFor(buyer.id),
    }),
  )
  await story.stamp()
  clock.set(romeAt(days.upcoming, -70, '09:30'))
  const upcoming = await story.services.editions.createEvent(
    story.actor(hub),
    edition.id,
    eventInput('Meet the Buyer Piemonte — Green, food e aerospazio', days.upcoming, {
      format: 'hybrid',
      venue: 'Centro Congressi Torino Incontra, Via Nino Costa 8, 10123 Torino',
      virtualLinkBase: 'https://video.meet-the-buyer.example/rooms',
      tables: tablesFor(buyer.id),
    }),
  )
  await story.stamp()

  const smes = [...parties.values()].filter((p) => p.kind === 'sme')
  const buyers = [...parties.values()].filter((p) => p.kind === 'buyer')
  const demo = { sme: parties.get(DEMO_SME)!, sme2: parties.get(DEMO_SME2)!, buyer }

  // The past event: selection, requests until the deadline, a published schedule, the day, and what came of it.
  clock.set(romeAt(days.past, -40, '09:00'))
  const pastSmes = [
    demo.sme,
    ...story.random.sample(
      smes.filter((p) => p !== demo.sme && p !== demo.sme2),
      115,
    ),
  ]
  const pastBuyers = [
    demo.buyer,
    ...story.random.sample(
      buyers.filter((p) => p !== demo.buyer),
      27,
    ),
  ]
  const pastSelected = await select(story, past.id, {
    smes: pastSmes,
    buyers: pastBuyers,
    anchor: days.past,
    keep: [demo.sme, demo.buyer],
  })
  const pastPlan = requestsFor(story, pastSelected, {
    forced: [
      [demo.sme, demo.buyer, 'accepted'],
      [demo.sme, 'accepted'],
      [demo.sme, 'accepted'],
      [demo.sme, 'declined'],
    ],
    open: 0,
  })
  await runRequests(story, past.id, pastPlan, { from: romeAt(days.past, -20), to: romeAt(days.past, -8) })
  clock.set(romeAt(days.past, -6, '09:00'))
  await story.services.requests.expireRequests()
  clock.set(romeAt(days.past, -6, '12:00'))
  await availability(story, past.id, pastSelected, 14)
  await publishSchedule(story, past.id, romeAt(days.past, -5, '11:00'))
  const day = await eventDay(story, past.id, days.past, pastSelected, [demo.sme, demo.buyer])
  const outcomes = await followUp(story, past.id, {
    date: days.past,
    today: days.today,
    year,
    demo,
    meetings: day.meetings,
  })

  // The upcoming event: selection done (by eight days before today), requests open, availability given and a first schedule published.
  const upSmes = [
    demo.sme,
    demo.sme2,
    ...story.random.sample(
      smes.filter((p) => p !== demo.sme && p !== demo.sme2),
      104,
    ),
  ]
  const upBuyers = [
    demo.buyer,
    ...story.random.sample(
      buyers.filter((p) => p !== demo.buyer),
      29,
    ),
  ]
  const upSelected = await select(story, upcoming.id, {
    smes: upSmes,
    buyers: upBuyers,
    anchor: plusDays(days.today, 8),
    keep: [demo.sme, demo.sme2, demo.buyer],
    leaveOpen: true,
  })
  const upPlan = requestsFor(story, upSelected, {
    forced: [
      [demo.sme, demo.buyer, 'accepted'],
      [demo.sme, 'accepted'],
      [demo.sme, 'accepted'],
      [demo.sme, 'pending'],
      [demo.sme, 'incoming'],
      [demo.sme2, demo.buyer, 'pending'],
      [demo.sme2, 'accepted'],
      [demo.buyer, 'incoming'],
      [demo.buyer, 'incoming'],
    ],
    open: 0.25,
  })
  const todayAt = (offset: number, time: string) => romeAt(days.today, offset, time)
  await runRequests(story, upcoming.id, upPlan, { from: todayAt(-14, '10:00'), to: todayAt(-2, '17:00') })
  clock.set(todayAt(-2, '12:00'))
  await availability(story, upcoming.id, upSelected, 14, demo.sme)
  await publishSchedule(story, upcoming.id, todayAt(-1, '11:00'))

  // Nothing seeded is mailed; recommendations are computed by the outbox worker once the listings are indexed.
  await db.delete(outbox).where(gt(outbox.id, last))
  await db
    .insert(outbox)
    .values([past.id, upcoming.id].map((eventId) => ({ topic: RECOMPUTE_TOPIC, payload: { eventId } })))
  const [counts] = await db.execute<Record<string, number>>(sql`
    select (select count(*)::int from participations) as participations, (select count(*)::int from meeting_requests) as requests,
      (select count(*)::int from meetings where status = 'scheduled') as meetings, (select count(*)::int from check_ins) as "checkIns", (select count(*)::int from meeting_feedback) as feedback`)
  return { editions: 1, events: 2, ...counts, ...outcomes }
}

export const demoEdition: DemoDataSet = { name: 'demo-edition', version: '1', load }
