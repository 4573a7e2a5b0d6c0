import { and, desc, eq, inArray, or, sql } from 'drizzle-orm'
import { alias } from 'drizzle-orm/pg-core'
import type { Agenda, Assignment, Schedule, ScheduleRun, ScheduleStats } from '../../../shared/schemas/schedules.js'
import { countBreaks } from '../../scheduling/check.js'
import type { Slot } from '../events/slot-grid.model.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import type { Outbox } from '../../infra/outbox.js'
import { liveChannel, type LiveHub } from '../../infra/live.js'
import { newToken } from '../../infra/tokens.js'
import type { AuditService } from '../audit/audit.service.js'
import { events } from '../events/editions.table.js'
import type { EditionsService } from '../events/editions.service.js'
import { organisations } from '../organisations/organisations.table.js'
import { participations, representatives } from '../participation/participation.table.js'
import { meetingRequests } from '../requests/requests.table.js'
import { calendar, type CalendarEntry } from './ical.js'
import {
  breaksOf,
  dayOfSlots,
  buildInstance,
  type BuiltInstance,
  type PartyInput,
  type PublishedMeeting,
  type RequestInput,
} from './schedule-instance.model.js'
import { scheduleProblems as problems } from './schedules.errors.js'
import { agendaMail } from './schedules.mails.js'
import { calendarFeeds, meetings, schedules } from './schedules.table.js'
import { solveInWorker } from './solve-in-worker.js'
import { actingHub, eventOf, slotsOfEvent, type EventRow } from '../events/events.read.js'
import { membersToNotify } from '../organisations/organisations.read.js'

export const SCHEDULE_TOPIC = 'schedules.solve'
/** How long a run stays with the instance solving it without a heartbeat; then another instance takes it over. */
export const LEASE_MS = 15_000
export const HEARTBEAT_MS = 2_000
const RELEASED = { leaseOwner: null, leaseUntil: null }

type ScheduleRow = typeof schedules.$inferSelect
/** What a draft stores per accepted request. */
interface StoredAssignment {
  requestId: string
  slot: number
  tableIndex: number
  representativeId: string | null
  kept?: boolean
}
interface StoredResult {
  assignments: StoredAssignment[]
  unscheduled: { requestId: string; reason: 'no_common_slot' | 'no_room' }[]
}

export interface SchedulesDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue' | 'enqueueMany'>
  audit: Pick<AuditService, 'record'>
  editions: Pick<EditionsService, 'slotsOf'>
  /** Tells participants' open pages that their agenda changed. */
  live?: () => LiveHub
  publicUrl: string
}

const tableCount = (event: EventRow, parties: { kind: string; people: number }[]) => {
  const named = (event.tables as unknown[]).length
  return named > 0
    ? named
    : Math.max(
        1,
        parties.filter((p) => p.kind === 'buyer').reduce((n, p) => n + Math.max(1, p.people), 0),
      )
}

export function tableNames(event: EventRow, count: number): string[] {
  const named = (event.tables as { name: string }[]).map((t) => t.name)
  return named.length > 0 ? named : Array.from({ length: count }, (_, i) => String(i + 1))
}

/** Breaks per person from stored assignments (the SME, and the buyer's representative or the buyer). */
function participantStats(
  assignments: StoredAssignment[],
  requests: Map<string, { smeId: string; buyerId: string }>,
  names: Map<string, string>,
  dayOf: number[],
): ScheduleStats['participants'] {
  const rows = new Map<string, { organisationId: string; representativeId: string | null; slots: number[] }>()
  const add = (key: string, person: { organisationId: string; representativeId: string | null }, slot: number) => {
    const row = rows.get(key) ?? { ...person, slots: [] }
    row.slots.push(slot)
    rows.set(key, row)
  }
  for (const a of assignments) {
    const request = requests.get(a.requestId)
    if (!request) continue
    add(request.smeId, { organisationId: request.smeId, representativeId: null }, a.slot)
    const buyerKey = a.representativeId ? `${request.buyerId}/${a.representativeId}` : request.buyerId
    add(buyerKey, { organisationId: request.buyerId, representativeId: a.representativeId }, a.slot)
  }
  return [...rows]
    .map(([key, row]) => {
      const busy = new Array<number>(dayOf.length).fill(0)
      for (const slot of row.slots) busy[slot] = 1
      const name = row.representativeId
        ? `${names.get(row.organisationId) ?? ''} — ${names.get(row.representativeId) ?? ''}`
        : (names.get(row.organisationId) ?? '')
      return {
        key,
        organisationId: row.organisationId,
        representativeId: row.representativeId,
        name,
        meetings: row.slots.length,
        breaks: countBreaks(busy, dayOf),
      }
    })
    .sort((a, b) => b.breaks - a.breaks || a.name.localeCompare(b.name))
}

/** The buyer's side of a meeting, beside the SME's, in one statement. */
const buyerOrganisations = alias(organisations, 'buyer_organisations')

/** The hub a member acts for on the event: schedule entries of the audit trail carry it. */
const hubOf = (tx: DbOrTx, actor: AuthContext, eventId: string) =>
  actingHub(tx, { eventId, memberOf: actor.memberships.map((m) => m.organisationId) })

export function createSchedulesService(deps: SchedulesDeps) {
  const { db, clock, audit } = deps

  async function scheduleOf(
    tx: DbOrTx,
    { eventId, scheduleId, forUpdate = false }: { eventId: string; scheduleId: string; forUpdate?: boolean },
  ): Promise<ScheduleRow> {
    const query = tx
      .select()
      .from(schedules)
      .where(and(eq(schedules.id, scheduleId), eq(schedules.eventId, eventId)))
    const [row] = forUpdate ? await query.for('update') : await query
    if (!row) throw problems.notFound()
    return row
  }

  /** Everything the scheduler needs about an event, read in one go. */
  async function loadEvent(tx: DbOrTx, eventId: string) {
    const event = await eventOf(tx, eventId)
    const slots = await deps.editions.slotsOf(eventId, tx)
    const partyRows = await tx
      .select({
        organisationId: participations.organisationId,
        participationId: participations.id,
        unavailable: participations.unavailableSlots,
        kind: organisations.kind,
        name: organisations.legalName,
      })
      .from(participations)
      .innerJoin(organisations, eq(organisations.id, participations.organisationId))
      .where(
        and(eq(participations.eventId, eventId), inArray(participations.status, ['selected', 'prepared', 'attended'])),
      )
      // A fixed order of the scheduler's participants: the same requests give the same schedule on any database.
      .orderBy(organisations.legalName, participations.organisationId)
    const people =
      partyRows.length === 0
        ? []
        : await tx
            .select()
            .from(representatives)
            .where(
              inArray(
                representatives.participationId,
                partyRows.map((p) => p.participationId),
              ),
            )
            .orderBy(representatives.position)
    const parties: PartyInput[] = partyRows
      .filter((p) => p.kind === 'sme' || p.kind === 'buyer')
      .map((p) => ({
        organisationId: p.organisationId,
        kind: p.kind as 'sme' | 'buyer',
        name: p.name,
        unavailable: p.unavailable,
        representatives:
          p.kind === 'buyer'
            ? people
                .filter((r) => r.participationId === p.participationId)
                .map((r) => ({ id: r.id, name: r.name, unavailable: r.unavailableSlots }))
            : [],
      }))
    const kinds = new Map(parties.map((p) => [p.organisationId, p.kind]))
    const accepted = await tx
      .select()
      .from(meetingRequests)
      .where(and(eq(meetingRequests.eventId, eventId), eq(meetingRequests.status, 'accepted')))
      .orderBy(meetingRequests.createdAt)
    const requests: RequestInput[] = accepted.flatMap((r) => {
      const [smeId, buyerId] =
        kinds.get(r.fromOrganisationId) === 'sme'
          ? [r.fromOrganisationId, r.toOrganisationId]
          : [r.toOrganisationId, r.fromOrganisationId]
      return kinds.get(smeId) === 'sme' && kinds.get(buyerId) === 'buyer'
        ? [{ id: r.id, smeId, buyerId, representativeId: r.representativeId, priority: r.priority }]
        : []
    })
    const publishedRows = await tx
      .select()
      .from(meetings)
      .where(and(eq(meetings.eventId, eventId), eq(meetings.status, 'scheduled')))
    const published: PublishedMeeting[] = publishedRows.map((m) => ({
      requestId: m.requestId,
      slot: m.slot,
      tableIndex: m.tableIndex,
      representativeId: m.representativeId,
    }))
    const names = new Map<string, string>([
      ...parties.map((p) => [p.organisationId, p.name] as const),
      ...people.map((r) => [r.id, r.name] as const),
    ])
    const tables = tableCount(
      event,
      parties.map((p) => ({ kind: p.kind, people: p.representatives.length })),
    )
    return { event, slots, parties, requests, published, names, tables }
  }

  /** Gives each buyer with a booth its own table all day, by relabelling tables across the whole schedule (conflicts cannot appear). */
  function honourBooths(event: EventRow, built: BuiltInstance, tableOf: number[]): number[] {
    const booths = (event.tables as { name: string; buyerId?: string }[]).flatMap((t, i) =>
      t.buyerId ? [{ buyerId: t.buyerId, table: i }] : [],
    )
    const label = Array.from({ length: Math.max(built.instance.tables, ...tableOf.map((t) => t + 1)) }, (_, i) => i)
    for (const booth of booths) {
      const counts = new Map<number, number>()
      built.instance.meetings.forEach((m, i) => {
        if (tableOf[i]! >= 0 && built.participants[m.participants[1]]!.organisationId === booth.buyerId)
          counts.set(label[tableOf[i]!]!, (counts.get(label[tableOf[i]!]!) ?? 0) + 1)
      })
      const home = [...counts].sort((a, b) => b[1] - a[1])[0]?.[0]
      if (home === undefined || home === booth.table) continue
      for (let k = 0; k < label.length; k++) {
        if (label[k] === home) label[k] = booth.table
        else if (label[k] === booth.table) label[k] = home
      }
    }
    return tableOf.map((t) => (t < 0 ? t : label[t]!))
  }

  function toDto(
    row: ScheduleRow,
    detail?: {
      names: Map<string, string>
      requests: Map<string, { smeId: string; buyerId: string; priority: string }>
      tables: string[]
    },
  ): Schedule {
    const base: Schedule = {
      id: row.id,
      eventId: row.eventId,
      status: row.status,
      options: row.options as ScheduleRun,
      progress: row.progress,
      error: row.error,
      createdAt: row.createdAt.toISOString(),
      finishedAt: row.finishedAt?.toISOString() ?? null,
      publishedAt: row.publishedAt?.toISOString() ?? null,
      stats: (row.stats as ScheduleStats | null) ?? null,
    }
    if (!detail || !row.assignments) return base
    const stored = row.assignments as StoredResult
    const name = (id: string | null | undefined) => (id ? (detail.names.get(id) ?? '') : '')
    const assignments: Assignment[] = stored.assignments.flatMap((a) => {
      const r = detail.requests.get(a.requestId)
      if (!r) return []
      return [
        {
          requestId: a.requestId,
          smeId: r.smeId,
          smeName: name(r.smeId),
          buyerId: r.buyerId,
          buyerName: name(r.buyerId),
          representativeId: a.representativeId,
          representativeName: a.representativeId ? name(a.representativeId) : null,
          slot: a.slot,
          tableIndex: a.tableIndex,
          tableName: detail.tables[a.tableIndex] ?? String(a.tableIndex + 1),
          priority: r.priority,
          ...(a.kept ? { kept: true } : {}),
        },
      ]
    })
    const unscheduled = stored.unscheduled.flatMap((u) => {
      const r = detail.requests.get(u.requestId)
      return r ? [{ requestId: u.requestId, smeName: name(r.smeId), buyerName: name(r.buyerId), reason: u.reason }] : []
    })
    return { ...base, assignments, unscheduled, tables: detail.tables }
  }

  async function detailOf(tx: DbOrTx, eventId: string) {
    const loaded = await loadEvent(tx, eventId)
    const all = await tx.select().from(meetingRequests).where(eq(meetingRequests.eventId, eventId))
    const kinds = new Map(loaded.parties.map((p) => [p.organisationId, p.kind]))
    const requests = new Map(
      all.map((r) => {
        const smeFirst = kinds.get(r.fromOrganisationId) === 'sme'
        return [
          r.id,
          {
            smeId: smeFirst ? r.fromOrganisationId : r.toOrganisationId,
            buyerId: smeFirst ? r.toOrganisationId : r.fromOrganisationId,
            priority: r.priority,
          },
        ] as const
      }),
    )
    const names = new Map(loaded.names)
    const orgIds = [...new Set([...requests.values()].flatMap((r) => [r.smeId, r.buyerId]))].filter(
      (id) => !names.has(id),
    )
    if (orgIds.length > 0)
      for (const o of await tx
        .select({ id: organisations.id, name: organisations.legalName })
        .from(organisations)
        .where(inArray(organisations.id, orgIds)))
        names.set(o.id, o.name)
    return { loaded, requests, names, tables: tableNames(loaded.event, loaded.tables) }
  }

  /** The members of each organisation, to tell them their agenda changed. */
  async function notify(
    tx: DbOrTx,
    {
      event,
      counts,
      kind,
    }: { event: EventRow; counts: Map<string, number>; kind: (orgId: string) => 'first' | 'changed' },
  ) {
    if (counts.size === 0) return
    const people = await membersToNotify(tx, [...counts.keys()])
    await deps.outbox.enqueueMany(
      tx,
      MAIL_TOPIC,
      people.map((person) => ({
        ...agendaMail({
          kind: kind(person.organisationId),
          to: person.email,
          name: person.name,
          language: person.language,
          event: event.name,
          meetings: counts.get(person.organisationId) ?? 0,
          url: `${deps.publicUrl}/events/${event.id}/agenda`,
        }),
      })),
    )
  }

  return {
    /** Queues a run; the outbox worker computes it in a worker thread. */
    async queue(actor: AuthContext, eventId: string, options: ScheduleRun): Promise<Schedule> {
      return db.transaction(async (tx) => {
        const event = await eventOf(tx, eventId)
        if (event.kind === 'external') throw problems.externalEvent()
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`schedule:${eventId}`}))`)
        const [busy] = await tx
          .select({ id: schedules.id })
          .from(schedules)
          .where(and(eq(schedules.eventId, eventId), inArray(schedules.status, ['queued', 'running'])))
        if (busy) throw problems.running()
        const [row] = await tx.insert(schedules).values({ eventId, options, createdBy: actor.userId }).returning()
        await deps.outbox.enqueue(tx, SCHEDULE_TOPIC, { scheduleId: row!.id })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: await hubOf(tx, actor, eventId),
          action: 'schedule.queued',
          subjectType: 'schedule',
          subjectId: row!.id,
          after: { eventId, ...options },
        })
        return toDto(row!)
      })
    },

    /**
     * Claims the oldest run no live instance holds — queued, or running under a lease that lapsed because its
     * instance died — for `owner`, under a lease of LEASE_MS (`only`: that run or none). One statement, so two
     * instances never claim one run.
     */
    async claimRun(owner: string, only?: string): Promise<typeof schedules.$inferSelect | undefined> {
      const [row] = await db.execute<{ id: string }>(sql`
        update ${schedules} set status = 'running', progress = 0, lease_owner = ${owner},
          lease_until = now() + ${`${LEASE_MS} milliseconds`}::interval
        where id = (
          select id from ${schedules}
          where (status = 'queued' or (status = 'running' and (lease_until is null or lease_until < now())))
            ${only ? sql`and id = ${only}` : sql``}
          order by created_at limit 1 for update skip locked)
        returning id`)
      if (!row) return undefined
      const [claimed] = await db.select().from(schedules).where(eq(schedules.id, row.id))
      return claimed
    },

    /** How many runs each status holds, over every event (for /metrics). */
    async runsByStatus(): Promise<{ status: string; runs: number }[]> {
      return db
        .select({ status: schedules.status, runs: sql<number>`count(*)::int` })
        .from(schedules)
        .groupBy(schedules.status)
    },

    /** The hub stops a queued or running run; the instance solving it stops at its next heartbeat. */
    async cancel(actor: AuthContext, eventId: string, scheduleId: string): Promise<Schedule> {
      return db.transaction(async (tx) => {
        const row = await scheduleOf(tx, { eventId, scheduleId, forUpdate: true })
        if (row.status !== 'queued' && row.status !== 'running') throw problems.notRunning()
        const [updated] = await tx
          .update(schedules)
          .set({ status: 'cancelled', finishedAt: clock.now(), leaseOwner: null, leaseUntil: null })
          .where(eq(schedules.id, scheduleId))
          .returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: await hubOf(tx, actor, eventId),
          action: 'schedule.cancelled',
          subjectType: 'schedule',
          subjectId: scheduleId,
          before: { status: row.status, progress: row.progress },
          after: { status: 'cancelled' },
        })
        return toDto(updated!)
      })
    },

    /**
     * Solves a claimed run off the main thread and outside any transaction, then stores the draft. Every
     * HEARTBEAT_MS it renews its lease and stores the progress; when the run is no longer its own (cancelled, or
     * taken over after a lapse) it stops the solver and writes nothing. A failure is recorded on the run.
     */
    async solveRun(row: typeof schedules.$inferSelect, owner: string): Promise<void> {
      const scheduleId = row.id
      const mine = and(eq(schedules.id, scheduleId), eq(schedules.leaseOwner, owner), eq(schedules.status, 'running'))
      const stop = new AbortController()
      let progress = 0
      const heartbeat = setInterval(() => {
        db.update(schedules)
          .set({ progress, leaseUntil: sql`now() + ${`${LEASE_MS} milliseconds`}::interval` })
          .where(mine)
          .returning({ id: schedules.id })
          .then(
            (held) => held.length === 0 && stop.abort(),
            () => undefined,
          )
      }, HEARTBEAT_MS)
      heartbeat.unref()
      const options = row.options as ScheduleRun
      try {
        const { event, slots, parties, requests, published, names, tables } = await loadEvent(db, row.eventId)
        const instanceInput = { name: event.name, slots, tables, parties, requests, published }
        let built = buildInstance({ ...instanceInput, keepPublished: options.keepPublished })
        const limitMs = options.timeLimitSeconds * 1000
        const replan = options.keepPublished && published.length > 0
        const solveFor = (instance: typeof built.instance, shareOfTime: number, offsetMs: number) =>
          solveInWorker(
            instance,
            { timeLimitMs: limitMs * shareOfTime, fairness: options.fairness, seed: options.seed },
            (elapsedMs) =>
              void (progress = Math.max(1, Math.min(99, Math.round(((offsetMs + elapsedMs) / limitMs) * 100)))),
            stop.signal,
          )
        let result = built.instance.meetings.length === 0 ? null : await solveFor(built.instance, replan ? 0.5 : 1, 0)
        // Keeping every published meeting in place may leave new ones out: then try with all of them free, and keep whichever places more.
        if (result && replan && result.unscheduled.length > 0) {
          const free = buildInstance({ ...instanceInput, keepPublished: false })
          const second = await solveFor(free.instance, 0.5, limitMs * 0.5)
          if (second.unscheduled.length < result.unscheduled.length) {
            built = free
            result = second
          }
        }
        const slotOf = built.instance.meetings.map((m) => result?.slotOfMeeting[m.id] ?? -1)
        const tableOf = honourBooths(
          event,
          built,
          built.instance.meetings.map((m) => result?.tableOfMeeting[m.id] ?? -1),
        )
        const before = new Map(published.map((m) => [m.requestId, m]))
        const impossible = new Set(built.impossible)
        const stored: StoredResult = { assignments: [], unscheduled: [] }
        built.requests.forEach((request, i) => {
          if (slotOf[i]! < 0) {
            stored.unscheduled.push({
              requestId: request.id,
              reason: impossible.has(request.id) ? 'no_common_slot' : 'no_room',
            })
            return
          }
          const was = before.get(request.id)
          const kept =
            was !== undefined &&
            was.slot === slotOf[i] &&
            was.tableIndex === tableOf[i] &&
            was.representativeId === request.representativeId
          stored.assignments.push({
            requestId: request.id,
            slot: slotOf[i]!,
            tableIndex: tableOf[i]!,
            representativeId: request.representativeId,
            ...(kept ? { kept } : {}),
          })
        })
        const requestMap = new Map(requests.map((r) => [r.id, r]))
        const perPerson = participantStats(stored.assignments, requestMap, names, dayOfSlots(slots))
        const breaks = breaksOf(built, new Map(slotOf.flatMap((s, i) => (s >= 0 ? [[i, s] as [number, number]] : []))))
        const stats: ScheduleStats = {
          requests: requests.length,
          scheduled: stored.assignments.length,
          breaks: breaks.reduce((a, b) => a + b, 0),
          lowerBound: result?.lowerBound ?? null,
          fairness: options.fairness,
          maxBreaksPerParticipant: Math.max(0, ...breaks),
          overFairness: options.fairness === null ? 0 : breaks.filter((b) => b > options.fairness!).length,
          moved: published.filter((m) => !stored.assignments.some((a) => a.requestId === m.requestId && a.kept)).length,
          elapsedMs: Math.round(result?.elapsedMs ?? 0),
          stoppedBy: result?.stoppedBy ?? 'bound',
          participants: perPerson,
        }
        await db
          .update(schedules)
          .set({ status: 'draft', progress: 100, assignments: stored, stats, finishedAt: clock.now(), ...RELEASED })
          .where(mine)
      } catch (error) {
        if (stop.signal.aborted) return
        const message = error instanceof Error ? error.message : String(error)
        await db
          .update(schedules)
          .set({ status: 'failed', error: message.slice(0, 1000), finishedAt: clock.now(), ...RELEASED })
          .where(mine)
      } finally {
        clearInterval(heartbeat)
      }
    },

    async list(eventId: string): Promise<Schedule[]> {
      await eventOf(db, eventId)
      const rows = await db
        .select()
        .from(schedules)
        .where(eq(schedules.eventId, eventId))
        .orderBy(desc(schedules.createdAt))
      return rows.map((row) => toDto(row))
    },

    async get(eventId: string, scheduleId: string): Promise<Schedule> {
      const row = await scheduleOf(db, { eventId, scheduleId })
      return toDto(row, await detailOf(db, eventId))
    },

    /** The hub moves one meeting of a draft (or places an unscheduled one); anything that would clash is refused and nothing changes. */
    async move(
      actor: AuthContext,
      {
        eventId,
        scheduleId,
        requestId,
        target,
      }: { eventId: string; scheduleId: string; requestId: string; target: { slot: number; tableIndex: number } },
    ): Promise<Schedule> {
      return db.transaction(async (tx) => {
        const row = await scheduleOf(tx, { eventId, scheduleId, forUpdate: true })
        if (row.status !== 'draft') throw problems.notDraft()
        const detail = await detailOf(tx, eventId)
        const { slots, parties } = detail.loaded
        const stored = row.assignments as StoredResult
        if (target.slot >= slots.length)
          throw problems.noSuchSlot(`The event has slots 0 to ${slots.length - 1}.`, [
            { field: 'body.slot', code: 'maximum', message: `must be below ${slots.length}` },
          ])
        if (target.tableIndex >= detail.tables.length)
          throw problems.noSuchSlot(`The event has tables 0 to ${detail.tables.length - 1}.`, [
            { field: 'body.tableIndex', code: 'maximum', message: `must be below ${detail.tables.length}` },
          ])
        const request = detail.requests.get(requestId)
        const current = stored.assignments.find((a) => a.requestId === requestId)
        const waiting = stored.unscheduled.find((u) => u.requestId === requestId)
        if (!request || (!current && !waiting)) throw problems.noSuchRequest()
        const representativeId =
          current?.representativeId ?? detail.loaded.requests.find((r) => r.id === requestId)?.representativeId ?? null
        const others = stored.assignments.filter((a) => a.requestId !== requestId && a.slot === target.slot)
        const clash = (message: string, params: { reason: 'unavailable' | 'busy' | 'table'; name: string }) =>
          problems.conflict(
            message,
            [{ field: params.reason === 'table' ? 'body.tableIndex' : 'body.slot', code: 'conflict', message }],
            params,
          )
        const sme = parties.find((p) => p.organisationId === request.smeId)
        const buyer = parties.find((p) => p.organisationId === request.buyerId)
        if (!sme || !buyer) throw problems.noSuchRequest()
        if (sme.unavailable.includes(target.slot))
          throw clash(`${sme.name} cannot attend this slot.`, { reason: 'unavailable', name: sme.name })
        const person = buyer.representatives.find((r) => r.id === representativeId)
        if (buyer.unavailable.includes(target.slot) || person?.unavailable.includes(target.slot))
          throw clash(`${person ? person.name : buyer.name} cannot attend this slot.`, {
            reason: 'unavailable',
            name: person ? person.name : buyer.name,
          })
        for (const other of others) {
          const o = detail.requests.get(other.requestId)!
          if (o.smeId === request.smeId)
            throw clash(`${sme.name} already has a meeting in this slot.`, { reason: 'busy', name: sme.name })
          if (o.buyerId === request.buyerId && (other.representativeId ?? null) === representativeId)
            throw clash(`${person ? person.name : buyer.name} already has a meeting in this slot.`, {
              reason: 'busy',
              name: person ? person.name : buyer.name,
            })
          if (other.tableIndex === target.tableIndex)
            throw clash(`Table ${detail.tables[target.tableIndex]} is taken in this slot.`, {
              reason: 'table',
              name: detail.tables[target.tableIndex]!,
            })
        }
        const moved: StoredAssignment = {
          requestId,
          slot: target.slot,
          tableIndex: target.tableIndex,
          representativeId,
        }
        const next: StoredResult = {
          assignments: [...stored.assignments.filter((a) => a.requestId !== requestId), moved],
          unscheduled: stored.unscheduled.filter((u) => u.requestId !== requestId),
        }
        const stats = { ...(row.stats as ScheduleStats) }
        stats.participants = participantStats(next.assignments, detail.requests, detail.names, dayOfSlots(slots))
        stats.breaks = stats.participants.reduce((n, p) => n + p.breaks, 0)
        stats.maxBreaksPerParticipant = Math.max(0, ...stats.participants.map((p) => p.breaks))
        stats.overFairness =
          stats.fairness === null ? 0 : stats.participants.filter((p) => p.breaks > stats.fairness!).length
        stats.scheduled = next.assignments.length
        const [updated] = await tx
          .update(schedules)
          .set({ assignments: next, stats })
          .where(eq(schedules.id, scheduleId))
          .returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: await hubOf(tx, actor, eventId),
          action: 'schedule.meeting_moved',
          subjectType: 'schedule',
          subjectId: scheduleId,
          before: current ?? null,
          after: moved,
        })
        return toDto(updated!, detail)
      })
    },

    /**
     * Publishes a draft: meetings keep their row (and calendar UID); a moved one
     * gets a new SEQUENCE, a dropped one is cancelled. Only the organisations
     * whose agenda changed are told.
     */
    async publish(actor: AuthContext, eventId: string, scheduleId: string): Promise<Schedule> {
      return db.transaction(async (tx) => {
        const row = await scheduleOf(tx, { eventId, scheduleId, forUpdate: true })
        if (row.status !== 'draft') throw problems.notDraft()
        await tx.execute(sql`select pg_advisory_xact_lock(hashtext(${`schedule:${eventId}`}))`)
        const detail = await detailOf(tx, eventId)
        const stored = row.assignments as StoredResult
        const existing = new Map(
          (await tx.select().from(meetings).where(eq(meetings.eventId, eventId))).map((m) => [m.requestId, m]),
        )
        const firstTime = existing.size === 0
        const changed = new Set<string>()
        const now = clock.now()
        const inserts: (typeof meetings.$inferInsert)[] = []
        const updates: { id: string; slot: number; tableIndex: number; representativeId: string | null }[] = []
        for (const a of stored.assignments) {
          const request = detail.requests.get(a.requestId)
          if (!request) continue
          const was = existing.get(a.requestId)
          if (!was)
            inserts.push({
              eventId,
              requestId: a.requestId,
              smeId: request.smeId,
              buyerId: request.buyerId,
              representativeId: a.representativeId,
              slot: a.slot,
              tableIndex: a.tableIndex,
              scheduleId,
              updatedAt: now,
            })
          else if (
            was.status !== 'scheduled' ||
            was.slot !== a.slot ||
            was.tableIndex !== a.tableIndex ||
            was.representativeId !== a.representativeId
          )
            updates.push({ id: was.id, slot: a.slot, tableIndex: a.tableIndex, representativeId: a.representativeId })
          else continue
          changed.add(request.smeId).add(request.buyerId)
        }
        const kept = new Set(stored.assignments.map((a) => a.requestId))
        const cancelled = [...existing.values()].filter((was) => was.status === 'scheduled' && !kept.has(was.requestId))
        for (const was of cancelled) changed.add(was.smeId).add(was.buyerId)
        // Set-based writes: a publish for thousands of participants is a handful of statements.
        for (let i = 0; i < inserts.length; i += 1000) await tx.insert(meetings).values(inserts.slice(i, i + 1000))
        for (let i = 0; i < updates.length; i += 1000) {
          const rows = sql.join(
            updates
              .slice(i, i + 1000)
              .map((u) => sql`(${u.id}::uuid, ${u.slot}::int, ${u.tableIndex}::int, ${u.representativeId}::uuid)`),
            sql`, `,
          )
          await tx.execute(sql`update ${meetings} m set status = 'scheduled', slot = v.slot, table_index = v.table_index, representative_id = v.representative_id, sequence = m.sequence + 1, schedule_id = ${scheduleId}::uuid, updated_at = ${now.toISOString()}::timestamptz
            from (values ${rows}) as v(id, slot, table_index, representative_id) where m.id = v.id`)
        }
        if (cancelled.length > 0)
          await tx
            .update(meetings)
            .set({ status: 'cancelled', sequence: sql`${meetings.sequence} + 1`, scheduleId, updatedAt: now })
            .where(
              inArray(
                meetings.id,
                cancelled.map((m) => m.id),
              ),
            )
        await tx
          .update(schedules)
          .set({ status: 'superseded' })
          .where(and(eq(schedules.eventId, eventId), eq(schedules.status, 'published')))
        const [updated] = await tx
          .update(schedules)
          .set({ status: 'published', publishedAt: now })
          .where(eq(schedules.id, scheduleId))
          .returning()
        const counts = new Map<string, number>([...changed].map((id) => [id, 0]))
        for (const a of stored.assignments) {
          const r = detail.requests.get(a.requestId)
          if (!r) continue
          for (const id of [r.smeId, r.buyerId]) if (counts.has(id)) counts.set(id, counts.get(id)! + 1)
        }
        await notify(tx, { event: detail.loaded.event, counts, kind: () => (firstTime ? 'first' : 'changed') })
        await deps.live?.().publishMany(
          tx,
          [...changed].map((organisationId) => ({
            channel: liveChannel.organisation(organisationId),
            type: 'agenda_changed',
            payload: { eventId, reason: firstTime ? 'published' : 'replanned' },
          })),
        )
        await deps.live?.().publish(tx, liveChannel.event(eventId), 'schedule_published', {
          scheduleId,
          changedOrganisations: changed.size,
        })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: await hubOf(tx, actor, eventId),
          action: 'schedule.published',
          subjectType: 'schedule',
          subjectId: scheduleId,
          after: { eventId, meetings: stored.assignments.length, changedOrganisations: changed.size },
        })
        return toDto(updated!, detail)
      })
    },

    /** A participant's published meetings in an event, with times, tables or video links. */
    async agenda(eventId: string, organisationId: string): Promise<Agenda> {
      // Two statements: the event with whether a schedule is published, then the meetings with both names.
      const [found] = await db
        .select({
          event: events,
          // Qualified by hand: a one-table select renders its columns unqualified, which the subquery would take as its own.
          published: sql<boolean>`exists (select 1 from ${schedules} s where s.event_id = "events"."id" and s.status = 'published')`,
        })
        .from(events)
        .where(eq(events.id, eventId))
      if (!found) throw problems.eventNotFound()
      const { event, published } = found
      const slots = slotsOfEvent(event)
      const rows = await agendaRows(
        db,
        or(eq(meetings.smeId, organisationId), eq(meetings.buyerId, organisationId))!,
        eventId,
      )
      return {
        eventId,
        eventName: event.name,
        timeZone: event.timeZone,
        venue: event.venue,
        published,
        items: rows.map((r) => agendaItem(r, { organisationId, event, slots })),
      }
    },

    /** The secret address of the organisation's calendar feed; `rotate` replaces it (the old one stops working). */
    async feedUrl(organisationId: string, rotate = false): Promise<{ url: string }> {
      return db.transaction(async (tx) => {
        const [current] = await tx
          .select()
          .from(calendarFeeds)
          .where(eq(calendarFeeds.organisationId, organisationId))
          .for('update')
        let token = current?.token
        if (!token || rotate) {
          token = newToken()
          if (current)
            await tx
              .update(calendarFeeds)
              .set({ token, createdAt: clock.now() })
              .where(eq(calendarFeeds.organisationId, organisationId))
          else await tx.insert(calendarFeeds).values({ token, organisationId })
        }
        return { url: `${deps.publicUrl}/api/calendar/${token}.ics` }
      })
    },

    /** Every published meeting of the feed's organisation, cancelled ones included, as iCalendar. */
    async feed(token: string, language: 'it' | 'en'): Promise<string> {
      const [feed] = await db
        .select({ organisationId: calendarFeeds.organisationId, name: organisations.legalName })
        .from(calendarFeeds)
        .innerJoin(organisations, eq(organisations.id, calendarFeeds.organisationId))
        .where(eq(calendarFeeds.token, token))
      if (!feed) throw problems.feedNotFound()
      const rows = await agendaRows(
        db,
        or(eq(meetings.smeId, feed.organisationId), eq(meetings.buyerId, feed.organisationId))!,
      )
      const grids = new Map<string, { event: EventRow; slots: Slot[] }>()
      const entries: CalendarEntry[] = []
      for (const r of rows) {
        if (!grids.has(r.event.id)) grids.set(r.event.id, { event: r.event, slots: slotsOfEvent(r.event) })
        const { event, slots } = grids.get(r.event.id)!
        const item = agendaItem(r, { organisationId: feed.organisationId, event, slots })
        const where = [
          item.tableName ? `${language === 'it' ? 'Tavolo' : 'Table'} ${item.tableName}` : null,
          event.format !== 'online' ? event.venue : null,
        ]
          .filter(Boolean)
          .join(', ')
        entries.push({
          uid: `${item.meetingId}@meet-the-buyer`,
          sequence: item.sequence,
          status: item.status,
          startsAt: new Date(item.startsAt),
          endsAt: new Date(item.endsAt),
          stamp: r.meeting.updatedAt,
          summary: language === 'it' ? `Incontro con ${item.counterpartName}` : `Meeting with ${item.counterpartName}`,
          description: [
            event.name,
            item.representativeName ? `${language === 'it' ? 'Con' : 'With'} ${item.representativeName}` : null,
            item.videoLink,
          ]
            .filter(Boolean)
            .join('\n'),
          location: where || item.videoLink,
          url: item.videoLink,
        })
      }
      return calendar(`Meet the Buyer — ${feed.name}`, entries)
    },
  }

  async function agendaRows(tx: DbOrTx, whose: ReturnType<typeof or>, eventId?: string) {
    return tx
      .select({
        meeting: meetings,
        event: events,
        sme: organisations.legalName,
        buyer: buyerOrganisations.legalName,
        representative: representatives.name,
      })
      .from(meetings)
      .innerJoin(events, eq(events.id, meetings.eventId))
      .innerJoin(organisations, eq(organisations.id, meetings.smeId))
      .innerJoin(buyerOrganisations, eq(buyerOrganisations.id, meetings.buyerId))
      .leftJoin(representatives, eq(representatives.id, meetings.representativeId))
      .where(and(whose, eventId ? eq(meetings.eventId, eventId) : undefined))
      .orderBy(meetings.slot)
  }

  function agendaItem(
    r: Awaited<ReturnType<typeof agendaRows>>[number],
    { organisationId, event, slots }: { organisationId: string; event: EventRow; slots: Slot[] },
  ) {
    const slot = slots[r.meeting.slot]
    const mine = r.meeting.smeId === organisationId
    const link =
      event.virtualLinkBase && event.format !== 'venue'
        ? `${event.virtualLinkBase.replace(/\/+$/, '')}/${r.meeting.id}`
        : null
    const tables = tableNames(event, r.meeting.tableIndex + 1)
    return {
      meetingId: r.meeting.id,
      eventId: event.id,
      status: r.meeting.status,
      sequence: r.meeting.sequence,
      slot: r.meeting.slot,
      startsAt: slot?.startsAt ?? event.createdAt.toISOString(),
      endsAt: slot?.endsAt ?? event.createdAt.toISOString(),
      localStart: slot?.localStart ?? '',
      localEnd: slot?.localEnd ?? '',
      counterpartId: mine ? r.meeting.buyerId : r.meeting.smeId,
      counterpartName: mine ? r.buyer : r.sme,
      representativeName: r.representative,
      tableName: event.format === 'online' ? null : (tables[r.meeting.tableIndex] ?? String(r.meeting.tableIndex + 1)),
      videoLink: link,
    }
  }
}
export type SchedulesService = ReturnType<typeof createSchedulesService>
