import { DateTime } from 'luxon'
import { and, eq, inArray, ne, or, sql } from 'drizzle-orm'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { liveChannel, type LiveHub } from '../../infra/live.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import type { Outbox } from '../../infra/outbox.js'
import type { AuditService } from '../audit/audit.service.js'
import type { EditionsService } from '../events/editions.service.js'
import { events } from '../events/editions.table.js'
import type { Slot } from '../events/slot-grid.model.js'
import { organisations } from '../organisations/organisations.table.js'
import { mayMeet, type ParticipationStatus } from '../participation/participation.model.js'
import { participations, representatives } from '../participation/participation.table.js'
import { meetingRequests } from '../requests/requests.table.js'
import { calendar } from '../schedules/ical.js'
import { tableNames } from '../schedules/schedules.service.js'
import { meetings } from '../schedules/schedules.table.js'
import { liveProblems as problems } from './live.errors.js'
import { createAbsences } from './live.absences.js'
import { liveMail } from './live.mails.js'
import type { DayMeeting } from '../../../shared/schemas/live.js'
import { meetingState, needsFollowUp, standbyCandidates, type Interest, type Presence } from './live.model.js'
import { checkIns, meetingFeedback, remindersSent } from './live.table.js'
import { eventOf, type EventRow } from '../events/events.read.js'
import { membersToNotify } from '../organisations/organisations.read.js'

export interface LiveDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  editions: Pick<EditionsService, 'slotsOf'>
  live: () => LiveHub
  publicUrl: string
}

/** The event's own date today (in its time zone), and whether the event runs on it. */
function eventDay(
  event: { timeZone: string; days: unknown },
  now: Date,
): { today: string; onDay: boolean; days: string[] } {
  const today = DateTime.fromJSDate(now, { zone: event.timeZone }).toISODate() ?? now.toISOString().slice(0, 10)
  const days = (event.days as { date: string }[]).map((d) => d.date)
  return { today, onDay: days.includes(today), days }
}

/** Presence is recorded on the event's days only: a check-in a month early is a mistake, not an arrival. */
function assertEventDay(event: { timeZone: string; days: unknown }, now: Date) {
  const { onDay, days } = eventDay(event, now)
  if (!onDay) throw problems.notEventDay(`The event runs on ${days.join(', ')}.`, undefined, { days: days.join(', ') })
}

export function createLiveService(deps: LiveDeps) {
  const { db, clock, audit } = deps

  async function presenceOf(tx: DbOrTx, eventId: string): Promise<Map<string, Presence>> {
    const rows = await tx.select().from(checkIns).where(eq(checkIns.eventId, eventId))
    return new Map(rows.map((r) => [r.organisationId, r.absent ? 'absent' : 'present']))
  }

  /** The event's published meetings with names, times, presence and live state. */
  async function day(
    tx: DbOrTx,
    { event, slots, whose }: { event: EventRow; slots: Slot[]; whose?: string },
  ): Promise<DayMeeting[]> {
    const rows = await tx
      .select({ meeting: meetings, sme: organisations.legalName, representative: representatives.name })
      .from(meetings)
      .innerJoin(organisations, eq(organisations.id, meetings.smeId))
      .leftJoin(representatives, eq(representatives.id, meetings.representativeId))
      .where(
        and(
          eq(meetings.eventId, event.id),
          whose ? or(eq(meetings.smeId, whose), eq(meetings.buyerId, whose)) : undefined,
        ),
      )
      .orderBy(meetings.slot, meetings.tableIndex)
    const buyerIds = [...new Set(rows.map((r) => r.meeting.buyerId))]
    const buyers = new Map(
      buyerIds.length === 0
        ? []
        : (
            await tx
              .select({ id: organisations.id, name: organisations.legalName })
              .from(organisations)
              .where(inArray(organisations.id, buyerIds))
          ).map((b) => [b.id, b.name]),
    )
    const presence = await presenceOf(tx, event.id)
    const tables = tableNames(event, Math.max(1, ...rows.map((r) => r.meeting.tableIndex + 1)))
    const now = clock.now()
    return rows.map(({ meeting, sme, representative }) => {
      const slot = slots[meeting.slot]
      const startsAt = new Date(slot?.startsAt ?? 0)
      const endsAt = new Date(slot?.endsAt ?? 0)
      const both: [Presence, Presence] = [
        presence.get(meeting.smeId) ?? 'unknown',
        presence.get(meeting.buyerId) ?? 'unknown',
      ]
      return {
        id: meeting.id,
        requestId: meeting.requestId,
        smeId: meeting.smeId,
        smeName: sme,
        buyerId: meeting.buyerId,
        buyerName: buyers.get(meeting.buyerId) ?? '',
        representativeName: representative,
        slot: meeting.slot,
        tableIndex: meeting.tableIndex,
        tableName: event.format === 'online' ? null : (tables[meeting.tableIndex] ?? String(meeting.tableIndex + 1)),
        startsAt: startsAt.toISOString(),
        endsAt: endsAt.toISOString(),
        status: meeting.status,
        outcome: meeting.outcome,
        state: meetingState(
          { status: meeting.status, outcome: meeting.outcome, startsAt, endsAt, presence: both },
          now,
        ),
        presence: { sme: both[0], buyer: both[1] },
      }
    })
  }

  async function participantStatus(tx: DbOrTx, eventId: string, organisationId: string) {
    const [row] = await tx
      .select({
        status: participations.status,
        kind: organisations.kind,
        name: organisations.legalName,
        unavailable: participations.unavailableSlots,
      })
      .from(participations)
      .innerJoin(organisations, eq(organisations.id, participations.organisationId))
      .where(and(eq(participations.eventId, eventId), eq(participations.organisationId, organisationId)))
    if (!row || !mayMeet(row.status as ParticipationStatus)) throw problems.notParticipant()
    return row
  }

  async function mailMembers(
    tx: DbOrTx,
    organisationId: string,
    build: (person: { email: string; name: string; language: 'it' | 'en' }) => Record<string, unknown>,
  ) {
    const people = await membersToNotify(tx, [organisationId])
    for (const person of people) await deps.outbox.enqueue(tx, MAIL_TOPIC, build(person))
  }

  /** Each side's published meetings of the event that have not happened yet, for the no-show and check-in messages. */
  async function meetingsWith(tx: DbOrTx, eventId: string, organisationId: string) {
    return tx
      .select()
      .from(meetings)
      .where(
        and(
          eq(meetings.eventId, eventId),
          eq(meetings.status, 'scheduled'),
          or(eq(meetings.smeId, organisationId), eq(meetings.buyerId, organisationId)),
        ),
      )
  }

  const counterpartOf = (meeting: typeof meetings.$inferSelect, organisationId: string) =>
    meeting.smeId === organisationId ? meeting.buyerId : meeting.smeId

  const absences = createAbsences(deps, { assertEventDay, participantStatus, meetingsWith, mailMembers })

  return {
    day,
    absencePreview: absences.absencePreview,
    markAbsent: absences.markAbsent,
    undoAbsence: absences.undoAbsence,

    /** A hub checks an organisation in (or it checks itself in); counterparts and the hub's board hear at once. Twice is once. */
    async checkIn(
      actor: AuthContext,
      { eventId, organisationId, method }: { eventId: string; organisationId: string; method: 'organiser' | 'self' },
    ) {
      return db.transaction(async (tx) => {
        assertEventDay(await eventOf(tx, eventId), clock.now())
        const participant = await participantStatus(tx, eventId, organisationId)
        // The participation row is the lock: a check-in row may not exist yet, and two first check-ins must not both count.
        await tx
          .select({ id: participations.id })
          .from(participations)
          .where(and(eq(participations.eventId, eventId), eq(participations.organisationId, organisationId)))
          .for('update')
        const [before] = await tx
          .select()
          .from(checkIns)
          .where(and(eq(checkIns.eventId, eventId), eq(checkIns.organisationId, organisationId)))
          .for('update')
        if (before && !before.absent)
          return { organisationId, at: before.at.toISOString(), absent: false, already: true }
        const now = clock.now()
        await tx
          .insert(checkIns)
          .values({ eventId, organisationId, method, byUserId: actor.userId, at: now })
          .onConflictDoUpdate({
            target: [checkIns.eventId, checkIns.organisationId],
            set: { absent: false, method, byUserId: actor.userId, cancelledMeetings: [], at: now },
          })
        // Someone marked absent who turns up after all gets their meetings back.
        if (before?.absent)
          await absences.restore(tx, actor, {
            event: await eventOf(tx, eventId),
            organisationId,
            name: participant.name,
            cancelled: before.cancelledMeetings,
          })
        await deps.live().publish(tx, liveChannel.event(eventId), 'check_in', {
          organisationId,
          name: participant.name,
          at: now.toISOString(),
        })
        for (const meeting of await meetingsWith(tx, eventId, organisationId)) {
          await deps
            .live()
            .publish(tx, liveChannel.organisation(counterpartOf(meeting, organisationId)), 'counterpart_checked_in', {
              eventId,
              meetingId: meeting.id,
              organisationId,
              name: participant.name,
            })
        }
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: 'event.checked_in',
          subjectType: 'event',
          subjectId: eventId,
          after: { method },
        })
        return { organisationId, at: now.toISOString(), absent: false, already: false }
      })
    },

    /** For each no-show still to come: present participants who asked to meet the stranded counterpart and are free then. */
    async standby(eventId: string) {
      const event = await eventOf(db, eventId)
      const slots = await deps.editions.slotsOf(eventId)
      const now = clock.now()
      const list = (await day(db, { event, slots })).filter((m) => m.outcome === 'no_show' && new Date(m.endsAt) > now)
      const presence = await presenceOf(db, eventId)
      const parts = await db
        .select({
          organisationId: participations.organisationId,
          kind: organisations.kind,
          name: organisations.legalName,
          unavailable: participations.unavailableSlots,
        })
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(eq(participations.eventId, eventId))
      const all = await day(db, { event, slots })
      const busy = (id: string) =>
        all
          .filter((m) => m.status === 'scheduled' && m.outcome !== 'no_show' && (m.smeId === id || m.buyerId === id))
          .map((m) => m.slot)
      const withMeeting = new Set(all.map((m) => m.requestId))
      const open = await db
        .select()
        .from(meetingRequests)
        .where(and(eq(meetingRequests.eventId, eventId), inArray(meetingRequests.status, ['pending', 'accepted'])))
      const [absentRows] = [
        await db
          .select({ meetingId: meetings.id, absent: meetings.absentOrganisationId })
          .from(meetings)
          .where(and(eq(meetings.eventId, eventId), eq(meetings.outcome, 'no_show'))),
      ]
      const absentOf = new Map(absentRows.map((r) => [r.meetingId, r.absent]))
      return list.flatMap((m) => {
        const absent = absentOf.get(m.id)
        const counterpartId = absent === m.smeId ? m.buyerId : m.smeId
        if (presence.get(counterpartId) !== 'present') return []
        const otherKind = counterpartId === m.smeId ? 'buyer' : 'sme'
        const requestsWith = new Map(
          open
            .filter(
              (r) =>
                !withMeeting.has(r.id) &&
                (r.fromOrganisationId === counterpartId || r.toOrganisationId === counterpartId),
            )
            .map((r) => [r.fromOrganisationId === counterpartId ? r.toOrganisationId : r.fromOrganisationId, r.id]),
        )
        const present = parts
          .filter((p) => p.kind === otherKind && presence.get(p.organisationId) === 'present')
          .map((p) => ({
            organisationId: p.organisationId,
            busySlots: busy(p.organisationId),
            unavailableSlots: p.unavailable,
          }))
        const names = new Map(parts.map((p) => [p.organisationId, p.name]))
        const candidates = standbyCandidates({ counterpartId, slot: m.slot, present, requestsWith }).map((c) => ({
          ...c,
          name: names.get(c.organisationId) ?? '',
        }))
        return [
          {
            meetingId: m.id,
            slot: m.slot,
            startsAt: m.startsAt,
            tableName: m.tableName,
            counterpartId,
            counterpartName: names.get(counterpartId) ?? '',
            candidates,
          },
        ]
      })
    },

    /** One click: the stranded counterpart meets a standby participant in the same slot and table; both are told. One winner when two hubs click. */
    async repair(
      actor: AuthContext,
      { eventId, meetingId, candidateId }: { eventId: string; meetingId: string; candidateId: string },
    ) {
      const options = await this.standby(eventId)
      const option = options.find((o) => o.meetingId === meetingId)
      if (!option)
        throw problems.noStandby('This meeting is not a no-show still to come, or its counterpart is not here.')
      const candidate = option.candidates.find((c) => c.organisationId === candidateId)
      if (!candidate)
        throw problems.noStandby('This participant is not free for it, is not here, or has not asked to meet them.', [
          { field: 'body.organisationId', code: 'not_candidate', message: 'not on the standby list' },
        ])
      return db.transaction(async (tx) => {
        const [old] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update')
        const [request] = await tx
          .select()
          .from(meetingRequests)
          .where(eq(meetingRequests.id, candidate.requestId))
          .for('update')
        if (!old || !request || !['pending', 'accepted'].includes(request.status))
          throw problems.noStandby('The standby list changed; look again.')
        const smeFirst = old.smeId === option.counterpartId
        const [smeId, buyerId] = smeFirst ? [option.counterpartId, candidateId] : [candidateId, option.counterpartId]
        const now = clock.now()
        const clash = await tx
          .select({ id: meetings.id })
          .from(meetings)
          .where(
            and(
              eq(meetings.eventId, eventId),
              eq(meetings.slot, old.slot),
              eq(meetings.status, 'scheduled'),
              or(sql`${meetings.outcome} is null`, ne(meetings.outcome, 'no_show')),
              or(eq(meetings.smeId, candidateId), eq(meetings.buyerId, candidateId)),
            ),
          )
        if (clash.length > 0) throw problems.noStandby('The participant got another meeting in that slot meanwhile.')
        await tx
          .update(meetingRequests)
          .set({ status: 'accepted', decidedAt: request.decidedAt ?? now })
          .where(eq(meetingRequests.id, request.id))
        try {
          await tx.insert(meetings).values({
            eventId,
            requestId: request.id,
            smeId,
            buyerId,
            slot: old.slot,
            tableIndex: old.tableIndex,
            updatedAt: now,
          })
        } catch {
          throw problems.noStandby('These two already have a meeting.')
        }
        const event = await eventOf(tx, eventId)
        const slots = await deps.editions.slotsOf(eventId, tx)
        const names = new Map(
          (
            await tx
              .select({ id: organisations.id, name: organisations.legalName })
              .from(organisations)
              .where(inArray(organisations.id, [smeId, buyerId]))
          ).map((o) => [o.id, o.name]),
        )
        for (const [me, other] of [
          [smeId, buyerId],
          [buyerId, smeId],
        ] as const) {
          await deps.live().publish(tx, liveChannel.organisation(me), 'agenda_changed', {
            eventId,
            reason: 'repaired',
            with: names.get(other),
            slot: old.slot,
          })
          await mailMembers(tx, me, (p) => ({
            ...liveMail({
              kind: 'repaired',
              to: p.email,
              name: p.name,
              language: p.language,
              other: names.get(other) ?? '',
              event: event.name,
              time: slots[old.slot]?.localStart.slice(11) ?? '',
              url: `${deps.publicUrl}/events/${eventId}/today`,
            }),
          }))
        }
        await deps
          .live()
          .publish(tx, liveChannel.event(eventId), 'repaired', { meetingId, smeId, buyerId, slot: old.slot })
        await audit.record(tx, {
          actorUserId: actor.userId,
          action: 'event.meeting_repaired',
          subjectType: 'event',
          subjectId: eventId,
          after: { replaces: meetingId, smeId, buyerId, slot: old.slot },
        })
        return { smeId, buyerId, slot: old.slot }
      })
    },

    /** Either side says how it went; "they did not come" makes the meeting a no-show of the other side. */
    async feedback(
      actor: AuthContext,
      meetingId: string,
      input: { held: boolean; interest?: Interest | null | undefined; comment?: string | null | undefined },
    ) {
      return db.transaction(async (tx) => {
        const [meeting] = await tx.select().from(meetings).where(eq(meetings.id, meetingId)).for('update')
        const memberOf = actor.memberships.map((m) => m.organisationId)
        const side = meeting && [meeting.smeId, meeting.buyerId].find((id) => memberOf.includes(id))
        // The route lets in only the meeting's two sides; `side` is the caller's.
        if (!meeting || !side) throw problems.meetingNotFound()
        if (meeting.status === 'cancelled') throw problems.cancelled()
        const values = {
          held: input.held,
          interest: input.held ? (input.interest ?? null) : null,
          comment: input.comment?.trim() || null,
          byUserId: actor.userId,
          updatedAt: clock.now(),
        }
        await tx
          .insert(meetingFeedback)
          .values({ meetingId, organisationId: side, ...values })
          .onConflictDoUpdate({ target: [meetingFeedback.meetingId, meetingFeedback.organisationId], set: values })
        const outcome = input.held ? 'held' : 'no_show'
        await tx
          .update(meetings)
          .set({
            outcome,
            absentOrganisationId: input.held ? null : counterpartOf(meeting, side),
            updatedAt: clock.now(),
          })
          .where(eq(meetings.id, meetingId))
        await deps.live().publish(tx, liveChannel.event(meeting.eventId), 'meeting', { meetingId, outcome })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: side,
          action: 'meeting.feedback',
          subjectType: 'meeting',
          subjectId: meetingId,
          after: { held: input.held, interest: values.interest },
        })
        return {
          meetingId,
          organisationId: side,
          held: values.held,
          interest: values.interest,
          comment: values.comment,
          followUp: needsFollowUp(values.interest),
        }
      })
    },

    /** Both sides' feedback for the hub (with comments); a side reads only its own. */
    /** The two organisations of a meeting (none when there is no such meeting). */
    async partiesOfMeeting(meetingId: string): Promise<string[]> {
      const [row] = await db
        .select({ sme: meetings.smeId, buyer: meetings.buyerId })
        .from(meetings)
        .where(eq(meetings.id, meetingId))
      return row ? [row.sme, row.buyer] : []
    },

    /** The event of a meeting, if there is such a meeting. */
    async eventOfMeeting(meetingId: string): Promise<string | undefined> {
      const [row] = await db.select({ eventId: meetings.eventId }).from(meetings).where(eq(meetings.id, meetingId))
      return row?.eventId
    },

    async feedbackOf(actor: AuthContext, meetingId: string, isHub: (eventId: string) => Promise<boolean>) {
      const [meeting] = await db.select().from(meetings).where(eq(meetings.id, meetingId))
      if (!meeting) throw problems.meetingNotFound()
      const memberOf = actor.memberships.map((m) => m.organisationId)
      const hub = await isHub(meeting.eventId)
      const side = [meeting.smeId, meeting.buyerId].find((id) => memberOf.includes(id))
      // The route lets in only the meeting's sides and its event's hubs: a hub reads both sides, a side its own.
      const rows = await db
        .select()
        .from(meetingFeedback)
        .where(
          and(eq(meetingFeedback.meetingId, meetingId), hub ? undefined : eq(meetingFeedback.organisationId, side!)),
        )
      return rows.map((r) => ({
        meetingId,
        organisationId: r.organisationId,
        held: r.held,
        interest: r.interest,
        comment: r.comment,
        followUp: needsFollowUp(r.interest),
      }))
    },

    /** A participant's day: its meetings with live state, whether it is checked in, its own feedback. */
    async today(eventId: string, organisationId: string) {
      const event = await eventOf(db, eventId)
      const slots = await deps.editions.slotsOf(eventId)
      const list = await day(db, { event, slots, whose: organisationId })
      const presence = await presenceOf(db, eventId)
      const mine =
        list.length === 0
          ? []
          : await db
              .select()
              .from(meetingFeedback)
              .where(
                and(
                  eq(meetingFeedback.organisationId, organisationId),
                  inArray(
                    meetingFeedback.meetingId,
                    list.map((m) => m.id),
                  ),
                ),
              )
      const feedback = new Map(mine.map((f) => [f.meetingId, { held: f.held, interest: f.interest }]))
      return {
        eventId,
        eventName: event.name,
        timeZone: event.timeZone,
        now: clock.now().toISOString(),
        eventDay: eventDay(event, clock.now()).onDay,
        presence: presence.get(organisationId) ?? 'unknown',
        meetings: list.map((m) => ({
          ...m,
          mine: m.smeId === organisationId ? ('sme' as const) : ('buyer' as const),
          feedback: feedback.get(m.id) ?? null,
        })),
      }
    },

    /** The hub's live board: slot clock, every meeting's state, check-ins, the no-show queue. */
    async board(eventId: string) {
      const event = await eventOf(db, eventId)
      const slots = await deps.editions.slotsOf(eventId)
      const list = await day(db, { event, slots })
      const now = clock.now()
      const current = slots.find((s) => new Date(s.startsAt) <= now && now < new Date(s.endsAt)) ?? null
      const next = slots.find((s) => new Date(s.startsAt) > now) ?? null
      const parts = await db
        .select({
          organisationId: participations.organisationId,
          status: participations.status,
          name: organisations.legalName,
          kind: organisations.kind,
        })
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(eq(participations.eventId, eventId))
      const presence = await presenceOf(db, eventId)
      const { today } = eventDay(event, now)
      const undoable = new Set(
        (
          await db
            .select()
            .from(checkIns)
            .where(and(eq(checkIns.eventId, eventId), eq(checkIns.absent, true)))
        )
          .filter((r) => eventDay(event, r.at).today === today)
          .map((r) => r.organisationId),
      )
      const participants = parts
        .filter((p) => mayMeet(p.status as ParticipationStatus))
        .map((p) => ({
          organisationId: p.organisationId,
          name: p.name,
          kind: p.kind,
          presence: presence.get(p.organisationId) ?? 'unknown',
          undoable: undoable.has(p.organisationId),
        }))
        .sort((a, b) => a.name.localeCompare(b.name))
      return {
        eventId,
        eventName: event.name,
        timeZone: event.timeZone,
        now: now.toISOString(),
        currentSlot: current?.index ?? null,
        nextSlot: next ? { index: next.index, startsAt: next.startsAt, localStart: next.localStart } : null,
        slots: slots.map((s) => ({
          index: s.index,
          localStart: s.localStart,
          localEnd: s.localEnd,
          startsAt: s.startsAt,
          endsAt: s.endsAt,
        })),
        tables:
          event.format === 'online'
            ? []
            : tableNames(event, Math.max(1, (event.tables as unknown[]).length, ...list.map((m) => m.tableIndex + 1))),
        meetings: list,
        participants,
        standby: await this.standby(eventId),
      }
    },

    /**
     * Reminders, once each (a sweep may run on several instances): the day
     * before and 15 minutes before (e-mail with the meeting's .ics), "your next
     * meeting in 5 minutes" live, "your counterpart is late" live two minutes
     * into a meeting, and every 3 days a nudge to selected participants
     * without an accepted meeting while requests are open.
     */
    async sendReminders(): Promise<number> {
      const now = clock.now()
      let sent = 0
      const claim = async (tx: DbOrTx, key: string) =>
        (await tx.insert(remindersSent).values({ key }).onConflictDoNothing().returning()).length > 0
      const upcoming = await db
        .select({ meeting: meetings, event: events })
        .from(meetings)
        .innerJoin(events, eq(events.id, meetings.eventId))
        .where(and(eq(meetings.status, 'scheduled'), sql`${meetings.outcome} is null`))
      const grids = new Map<string, Slot[]>()
      const presences = new Map<string, Map<string, Presence>>()
      for (const { meeting, event } of upcoming) {
        if (!grids.has(event.id)) grids.set(event.id, await deps.editions.slotsOf(event.id))
        const slot = grids.get(event.id)![meeting.slot]
        if (!slot) continue
        const minutes = (new Date(slot.startsAt).getTime() - now.getTime()) / 60_000
        if (minutes < -2 && now < new Date(slot.endsAt)) {
          // Started over two minutes ago and one side has not arrived: the side that is here hears it, once.
          if (!presences.has(event.id)) presences.set(event.id, await presenceOf(db, event.id))
          const here = presences.get(event.id)!
          const missing = [meeting.smeId, meeting.buyerId].filter((id) => here.get(id) !== 'present')
          if (missing.length !== 1) continue
          await db.transaction(async (tx) => {
            if (!(await claim(tx, `late:${meeting.id}:${meeting.sequence}`))) return
            const [late] = await tx
              .select({ name: organisations.legalName })
              .from(organisations)
              .where(eq(organisations.id, missing[0]!))
            const waiting = counterpartOf(meeting, missing[0]!)
            await deps.live().publish(tx, liveChannel.organisation(waiting), 'counterpart_late', {
              eventId: event.id,
              meetingId: meeting.id,
              name: late?.name ?? '',
            })
            await deps
              .live()
              .publish(tx, liveChannel.event(event.id), 'meeting', { meetingId: meeting.id, state: 'late' })
            sent += 1
          })
          continue
        }
        if (minutes <= 0) continue
        const kinds = [
          ...(minutes <= 24 * 60 && minutes > 60 ? ['day' as const] : []),
          ...(minutes <= 15 ? ['soon' as const] : []),
          ...(minutes <= 5 ? ['next' as const] : []),
        ]
        for (const kind of kinds) {
          await db.transaction(async (tx) => {
            if (!(await claim(tx, `${kind}:${meeting.id}:${meeting.sequence}`))) return
            const names = new Map(
              (
                await tx
                  .select({ id: organisations.id, name: organisations.legalName })
                  .from(organisations)
                  .where(inArray(organisations.id, [meeting.smeId, meeting.buyerId]))
              ).map((o) => [o.id, o.name]),
            )
            for (const [me, other] of [
              [meeting.smeId, meeting.buyerId],
              [meeting.buyerId, meeting.smeId],
            ] as const) {
              if (kind === 'next') {
                await deps.live().publish(tx, liveChannel.organisation(me), 'next_meeting', {
                  eventId: event.id,
                  meetingId: meeting.id,
                  with: names.get(other),
                  startsAt: slot.startsAt,
                  minutes: Math.round(minutes),
                })
                continue
              }
              const ics = calendar(event.name, [
                {
                  uid: `${meeting.id}@meet-the-buyer`,
                  sequence: meeting.sequence,
                  status: 'scheduled',
                  startsAt: new Date(slot.startsAt),
                  endsAt: new Date(slot.endsAt),
                  stamp: meeting.updatedAt,
                  summary: `${names.get(other) ?? ''} — ${event.name}`,
                  description: event.name,
                  location: event.venue,
                  url: null,
                },
              ])
              await mailMembers(tx, me, (p) => ({
                ...liveMail({
                  kind,
                  to: p.email,
                  name: p.name,
                  language: p.language,
                  other: names.get(other) ?? '',
                  event: event.name,
                  time: slot.localStart,
                  url: `${deps.publicUrl}/events/${event.id}/today`,
                }),
                attachments: [
                  {
                    filename: 'meeting.ics',
                    content: ics,
                    contentType: 'text/calendar; charset=utf-8; method=PUBLISH',
                  },
                ],
              }))
            }
            sent += 1
          })
        }
      }
      const open = await db.execute<{
        event_id: string
        organisation_id: string
        name: string
        request_deadline: Date | null
      }>(sql`
        select p.event_id, p.organisation_id, e.name, e.request_deadline from ${participations} p join ${events} e on e.id = p.event_id
        where p.status in ('selected', 'prepared') and e.kind = 'own' and (e.request_deadline is null or e.request_deadline > ${now.toISOString()}::timestamptz)
          and not exists (select 1 from ${meetingRequests} r where r.event_id = p.event_id and r.status = 'accepted' and (r.from_organisation_id = p.organisation_id or r.to_organisation_id = p.organisation_id))`)
      const period = Math.floor(now.getTime() / (3 * 24 * 3600_000))
      for (const row of open) {
        await db.transaction(async (tx) => {
          if (!(await claim(tx, `nudge:${row.event_id}:${row.organisation_id}:${period}`))) return
          await mailMembers(tx, row.organisation_id, (p) => ({
            ...liveMail({
              kind: 'nudge',
              to: p.email,
              name: p.name,
              language: p.language,
              other: '',
              event: row.name,
              time: '',
              url: `${deps.publicUrl}/events/${row.event_id}/requests`,
            }),
          }))
          sent += 1
        })
      }
      return sent
    },
  }
}
export type LiveService = ReturnType<typeof createLiveService>
