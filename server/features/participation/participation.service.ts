import { and, eq, inArray, or, sql } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import type {
  MeetingRequest,
  Representative,
  RepresentativesInputSchema,
} from '../../../shared/schemas/participation.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import { violates } from '../../infra/problems.js'
import type { Outbox } from '../../infra/outbox.js'
import type { AuditService } from '../audit/audit.service.js'
import { editions, events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { participationProblems as problems } from './participation.errors.js'
import { requestMail } from './participation.mails.js'
import { enqueueRecompute } from '../matching/recommendations.triggers.js'
import {
  canMove,
  effectiveStatus,
  isOutsideRegion,
  mayMeet,
  requestMoves,
  type StepTaker,
  type ParticipationStatus,
  type RequestStatus,
} from './participation.model.js'
import { meetingRequests, participations, representatives } from './participation.table.js'
import { eventWithHomeRegion } from '../events/events.read.js'
import { membersToNotify } from '../organisations/organisations.read.js'

type RequestRow = typeof meetingRequests.$inferSelect
type RepresentativeInput = Static<typeof RepresentativesInputSchema>['representatives'][number]

function toRepresentative(row: typeof representatives.$inferSelect): Representative {
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    jobTitle: row.jobTitle,
    unavailableSlots: row.unavailableSlots,
  }
}

function toRequestDto(
  row: RequestRow,
  status: RequestStatus = row.status,
  names?: Map<string, string>,
): MeetingRequest {
  const { createdBy: _by, createdAt, decidedAt, ...rest } = row
  return {
    ...rest,
    status,
    createdAt: createdAt.toISOString(),
    decidedAt: decidedAt?.toISOString() ?? null,
    ...(names
      ? { fromName: names.get(row.fromOrganisationId) ?? '', toName: names.get(row.toOrganisationId) ?? '' }
      : {}),
  }
}

export interface ParticipationDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  publicUrl: string
}

export function createParticipationService(deps: ParticipationDeps) {
  const { db, audit, clock } = deps

  async function participationOf(
    tx: DbOrTx,
    { eventId, organisationId, forUpdate = false }: { eventId: string; organisationId: string; forUpdate?: boolean },
  ) {
    const query = tx
      .select()
      .from(participations)
      .where(and(eq(participations.eventId, eventId), eq(participations.organisationId, organisationId)))
    const [row] = forUpdate ? await query.for('update') : await query
    return row
  }

  /** Mail each member of the organisation, in their own language, through the outbox. */
  async function notify(
    tx: DbOrTx,
    {
      organisationId,
      kind,
      request,
      otherName,
      eventName,
    }: {
      organisationId: string
      kind: 'received' | 'accepted' | 'declined'
      request: RequestRow
      otherName: string
      eventName: string
    },
  ) {
    const people = await membersToNotify(tx, [organisationId])
    for (const person of people) {
      await deps.outbox.enqueue(tx, MAIL_TOPIC, {
        ...requestMail({
          kind,
          to: person.email,
          name: person.name,
          language: person.language,
          other: otherName,
          event: eventName,
          reason: request.declineReason,
          url: `${deps.publicUrl}/events/${request.eventId}/requests`,
        }),
      })
    }
  }

  async function nameOf(
    tx: DbOrTx,
    organisationId: string,
  ): Promise<{ legalName: string; kind: string; nuts2: string | null }> {
    const [row] = await tx
      .select({ legalName: organisations.legalName, kind: organisations.kind, nuts2: organisations.nuts2 })
      .from(organisations)
      .where(eq(organisations.id, organisationId))
    if (!row) throw problems.organisationNotFound()
    return row
  }

  /** Meetings an organisation may hold: the event's maximum per person, times a buyer's representatives. */
  async function quotaOf(
    tx: DbOrTx,
    { maxPerPerson, eventId, organisationId }: { maxPerPerson: number; eventId: string; organisationId: string },
  ): Promise<number> {
    const [row] = await tx.execute<{ kind: string; people: number }>(sql`
      select o.kind, (select count(*)::int from ${representatives} r where r.participation_id = p.id) as people
      from ${organisations} o left join ${participations} p on p.organisation_id = o.id and p.event_id = ${eventId}
      where o.id = ${organisationId}`)
    return maxPerPerson * (row?.kind === 'buyer' ? Math.max(1, row.people) : 1)
  }

  /** Locks both sides' participation rows, always in the same order, so simultaneous accepts count each other's meetings against the quota. */
  async function lockSides(tx: DbOrTx, eventId: string, organisationIds: string[]) {
    await tx
      .select({ id: participations.id })
      .from(participations)
      .where(and(eq(participations.eventId, eventId), inArray(participations.organisationId, organisationIds)))
      .orderBy(participations.organisationId)
      .for('update')
  }

  async function acceptedCount(tx: DbOrTx, eventId: string, organisationId: string): Promise<number> {
    const [row] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(meetingRequests)
      .where(
        and(
          eq(meetingRequests.eventId, eventId),
          eq(meetingRequests.status, 'accepted'),
          or(
            eq(meetingRequests.fromOrganisationId, organisationId),
            eq(meetingRequests.toOrganisationId, organisationId),
          ),
        ),
      )
    return row?.n ?? 0
  }

  return {
    /** Hubs move organisations through the lifecycle; an illegal step is a clear problem and changes nothing. */
    async setStatus(
      actor: AuthContext,
      {
        eventId,
        organisationId,
        input,
        outer,
      }: {
        eventId: string
        organisationId: string
        input: {
          status: ParticipationStatus
          reason?: string | undefined
          coachingSessions?: number | undefined
          /** Who takes the step: the hub (its board), unless the organisation applies. */
          by?: StepTaker
        }
        outer?: DbOrTx
      },
    ) {
      const run = <T>(fn: (tx: DbOrTx) => Promise<T>) => (outer ? fn(outer) : db.transaction(fn))
      return run(async (tx) => {
        const { homeNuts2 } = await eventWithHomeRegion(tx, eventId)
        const organisation = await nameOf(tx, organisationId)
        if (organisation.kind !== 'sme' && organisation.kind !== 'buyer') throw problems.notParticipant()
        const current = await participationOf(tx, { eventId, organisationId, forUpdate: true })
        if (!canMove(current?.status, input.status, input.by ?? 'hub'))
          throw problems.illegalTransition(
            `An organisation cannot go from ${current?.status ?? 'nothing'} to ${input.status}.`,
          )
        if (input.status === 'rejected' && !input.reason) throw problems.reasonRequired()
        const values = {
          status: input.status,
          reason: input.reason ?? null,
          ...(input.coachingSessions === undefined ? {} : { coachingSessions: input.coachingSessions }),
          updatedAt: clock.now(),
        }
        const [row] = current
          ? await tx.update(participations).set(values).where(eq(participations.id, current.id)).returning()
          : await tx
              .insert(participations)
              .values({ eventId, organisationId, ...values })
              .returning()
        // Joining or leaving the meetings changes the event's recommendations.
        if (mayMeet(current?.status) !== mayMeet(input.status)) await enqueueRecompute(deps.outbox, tx, eventId)
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: `participation.${input.status}`,
          subjectType: 'participation',
          subjectId: row!.id,
          before: current ? { status: current.status } : null,
          after: { status: input.status, reason: input.reason ?? null, eventId },
        })
        return {
          ...row!,
          outsideRegion: organisation.kind === 'buyer' && isOutsideRegion(organisation.nuts2, homeNuts2),
        }
      })
    },

    /** An SME or buyer validated by a hub of the edition applies on its own. */
    async apply(actor: AuthContext, eventId: string, organisationId: string) {
      return db.transaction(async (tx) => {
        const { event } = await eventWithHomeRegion(tx, eventId)
        if (event.registrationDeadline && clock.now() > event.registrationDeadline) throw problems.registrationClosed()
        const [validated] = await tx.execute<{ ok: boolean }>(sql`
          select exists (select 1 from affiliations a join edition_organisers eo on eo.organiser_id = a.organiser_id
                         where a.participant_id = ${organisationId} and a.status = 'validated' and eo.edition_id = ${event.editionId}) as ok`)
        if (!validated?.ok) throw problems.notValidated()
        return this.setStatus(actor, {
          eventId,
          organisationId,
          input: { status: 'applied', by: 'organisation' },
          outer: tx,
        })
      })
    },

    /** Events the organisation takes part in, with its step in each. */
    async eventsOf(organisationId: string) {
      const rows = await db
        .select({ participation: participations, event: events })
        .from(participations)
        .innerJoin(events, eq(events.id, participations.eventId))
        .where(eq(participations.organisationId, organisationId))
        .orderBy(events.createdAt)
      return rows.map(({ participation, event }) => ({
        eventId: event.id,
        eventName: event.name,
        timeZone: event.timeZone,
        days: event.days as { date: string }[],
        status: participation.status,
        unavailableSlots: participation.unavailableSlots,
      }))
    },

    /** The two organisations of a meeting request (none when there is no such request). */
    async partiesOfRequest(requestId: string): Promise<string[]> {
      const [row] = await db
        .select({ from: meetingRequests.fromOrganisationId, to: meetingRequests.toOrganisationId })
        .from(meetingRequests)
        .where(eq(meetingRequests.id, requestId))
      return row ? [row.from, row.to] : []
    },

    /** The event of a meeting request, if there is such a request. */
    async eventOfRequest(requestId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ eventId: meetingRequests.eventId })
        .from(meetingRequests)
        .where(eq(meetingRequests.id, requestId))
      return row?.eventId
    },

    async participantsOfEvent(eventId: string): Promise<string[]> {
      const rows = await db
        .select({ id: participations.organisationId })
        .from(participations)
        .where(eq(participations.eventId, eventId))
      return rows.map((row) => row.id)
    },

    /** Own events of editions run by a hub that validated the organisation, still open for registration. */
    async openEvents(organisationId: string) {
      const rows = await db.execute<{
        id: string
        name: string
        time_zone: string
        days: { date: string }[]
        edition_name: string
        registration_deadline: Date | null
        status: string | null
      }>(sql`
        select distinct e.id, e.name, e.time_zone, e.days, ed.name as edition_name, e.registration_deadline, p.status
        from ${events} e
        join ${editions} ed on ed.id = e.edition_id
        join edition_organisers eo on eo.edition_id = e.edition_id
        join affiliations a on a.organiser_id = eo.organiser_id and a.participant_id = ${organisationId} and a.status = 'validated'
        left join ${participations} p on p.event_id = e.id and p.organisation_id = ${organisationId}
        where e.kind = 'own' and (e.registration_deadline is null or e.registration_deadline > ${clock.now().toISOString()}::timestamptz)
        order by e.name`)
      return rows.map((row) => ({
        eventId: row.id,
        eventName: row.name,
        editionName: row.edition_name,
        timeZone: row.time_zone,
        days: row.days,
        registrationDeadline: row.registration_deadline ? new Date(row.registration_deadline).toISOString() : null,
        status: row.status,
      }))
    },

    async countsByStatus(eventId: string): Promise<Record<string, number>> {
      const rows = await db
        .select({ status: participations.status, n: sql<number>`count(*)::int` })
        .from(participations)
        .where(eq(participations.eventId, eventId))
        .groupBy(participations.status)
      return Object.fromEntries(rows.map((row) => [row.status, row.n]))
    },

    async listParticipations(eventId: string, status?: ParticipationStatus) {
      const { homeNuts2 } = await eventWithHomeRegion(db, eventId)
      const rows = await db
        .select({ participation: participations, organisation: organisations })
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(and(eq(participations.eventId, eventId), status ? eq(participations.status, status) : undefined))
        .orderBy(organisations.legalName)
      return rows.map(({ participation, organisation }) => ({
        ...participation,
        organisation: {
          id: organisation.id,
          legalName: organisation.legalName,
          kind: organisation.kind,
          nuts2: organisation.nuts2,
        },
        outsideRegion: organisation.kind === 'buyer' && isOutsideRegion(organisation.nuts2, homeNuts2),
      }))
    },

    async setAvailability(
      actor: AuthContext,
      {
        eventId,
        organisationId,
        unavailableSlots,
        slotCount,
      }: { eventId: string; organisationId: string; unavailableSlots: number[]; slotCount: number },
    ) {
      const bad = unavailableSlots.findIndex((slot) => slot >= slotCount)
      if (bad >= 0)
        throw problems.noSuchSlot(`The event has slots 0 to ${slotCount - 1}.`, [
          { field: `body.unavailableSlots.${bad}`, code: 'maximum', message: `must be below ${slotCount}` },
        ])
      return db.transaction(async (tx) => {
        const current = await participationOf(tx, { eventId, organisationId, forUpdate: true })
        if (!current) throw problems.notParticipant()
        const [row] = await tx
          .update(participations)
          .set({ unavailableSlots: [...new Set(unavailableSlots)].sort((a, b) => a - b), updatedAt: clock.now() })
          .where(eq(participations.id, current.id))
          .returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: 'participation.availability_changed',
          subjectType: 'participation',
          subjectId: current.id,
          before: current.unavailableSlots,
          after: row!.unavailableSlots,
        })
        return row!
      })
    },

    /** SME→buyer, buyer→SME, or imposed by a hub (accepted at once). Quotas and the request deadline apply. */
    async requestMeeting(
      actor: AuthContext,
      input: {
        eventId: string
        from: string
        to: string
        message?: string | undefined
        priority: 'must_meet' | 'meet'
        imposed: boolean
      },
    ) {
      return db.transaction(async (tx) => {
        const { event } = await eventWithHomeRegion(tx, input.eventId)
        if (event.requestDeadline && clock.now() > event.requestDeadline) throw problems.deadlinePassed()
        const [from, to] = [await nameOf(tx, input.from), await nameOf(tx, input.to)]
        if (
          new Set([from.kind, to.kind]).size !== 2 ||
          ![from.kind, to.kind].every((k) => k === 'sme' || k === 'buyer')
        )
          throw problems.wrongPair()
        await lockSides(tx, input.eventId, [input.from, input.to])
        for (const id of [input.from, input.to])
          if (!mayMeet((await participationOf(tx, { eventId: input.eventId, organisationId: id }))?.status))
            throw problems.notSelected()
        const [pending] = await tx
          .select({ n: sql<number>`count(*)::int` })
          .from(meetingRequests)
          .where(
            and(
              eq(meetingRequests.eventId, input.eventId),
              eq(meetingRequests.fromOrganisationId, input.from),
              eq(meetingRequests.status, 'pending'),
            ),
          )
        if (!input.imposed && (pending?.n ?? 0) >= event.maxMeetingsPerParticipant * 2)
          throw problems.quotaReached('Wait for answers to your pending requests first.')
        if (input.imposed)
          for (const id of [input.from, input.to])
            if (
              (await acceptedCount(tx, input.eventId, id)) >=
              (await quotaOf(tx, {
                maxPerPerson: event.maxMeetingsPerParticipant,
                eventId: input.eventId,
                organisationId: id,
              }))
            )
              throw problems.quotaReached()
        const origin = input.imposed ? 'organiser' : (from.kind as 'sme' | 'buyer')
        const [row] = await insertRequest(tx, {
          eventId: input.eventId,
          fromOrganisationId: input.from,
          toOrganisationId: input.to,
          origin,
          priority: input.priority,
          message: input.message ?? null,
          status: input.imposed ? 'accepted' : 'pending',
          createdBy: actor.userId,
          ...(input.imposed ? { decidedAt: clock.now() } : {}),
        })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: input.from,
          action: input.imposed ? 'request.imposed' : 'request.sent',
          subjectType: 'meeting_request',
          subjectId: row!.id,
          after: { to: input.to, priority: input.priority },
        })
        await notify(tx, {
          organisationId: input.to,
          kind: input.imposed ? 'accepted' : 'received',
          request: row!,
          otherName: from.legalName,
          eventName: event.name,
        })
        if (input.imposed)
          await notify(tx, {
            organisationId: input.from,
            kind: 'accepted',
            request: row!,
            otherName: to.legalName,
            eventName: event.name,
          })
        return toRequestDto(row!)
      })
    },

    async listRequests(eventId: string, organisationId: string | undefined) {
      const { event } = await eventWithHomeRegion(db, eventId)
      const mine = organisationId
        ? or(
            eq(meetingRequests.fromOrganisationId, organisationId),
            eq(meetingRequests.toOrganisationId, organisationId),
          )
        : undefined
      const rows = await db
        .select()
        .from(meetingRequests)
        .where(and(eq(meetingRequests.eventId, eventId), mine))
        .orderBy(meetingRequests.createdAt)
      const names = await organisationNames(
        db,
        rows.flatMap((r) => [r.fromOrganisationId, r.toOrganisationId]),
      )
      return rows.map((row) =>
        toRequestDto(row, effectiveStatus(row.status, event.requestDeadline, clock.now()), names),
      )
    },

    /** The recipient accepts or declines, the sender withdraws; anything else is a clear problem. */
    async decide(
      actor: AuthContext,
      { requestId, to, reason }: { requestId: string; to: RequestStatus; reason?: string },
    ) {
      return db.transaction(async (tx) => {
        const [request] = await tx.select().from(meetingRequests).where(eq(meetingRequests.id, requestId)).for('update')
        if (!request) throw problems.requestNotFound()
        const { event } = await eventWithHomeRegion(tx, request.eventId)
        // The route lets in only the request's parties: a member of the recipient acts as it, anyone else as the sender.
        const side = actor.memberships.some((m) => m.organisationId === request.toOrganisationId)
          ? 'recipient'
          : 'sender'
        const status = effectiveStatus(request.status, event.requestDeadline, clock.now())
        if (!requestMoves(status)[side].includes(to))
          throw problems.illegalRequestMove(`A ${status} request cannot be ${to} by its ${side}.`)
        if (to === 'accepted')
          await lockSides(tx, request.eventId, [request.fromOrganisationId, request.toOrganisationId])
        const full = async (id: string) =>
          (await acceptedCount(tx, request.eventId, id)) >=
          (await quotaOf(tx, {
            maxPerPerson: event.maxMeetingsPerParticipant,
            eventId: request.eventId,
            organisationId: id,
          }))
        if (to === 'accepted' && (await full(request.toOrganisationId))) throw problems.quotaReached()
        if (to === 'accepted' && (await full(request.fromOrganisationId)))
          throw problems.quotaReached('The other side has no meetings left.')
        const [row] = await tx
          .update(meetingRequests)
          .set({ status: to, declineReason: reason ?? null, decidedAt: clock.now() })
          .where(eq(meetingRequests.id, requestId))
          .returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: side === 'recipient' ? request.toOrganisationId : request.fromOrganisationId,
          action: `request.${to}`,
          subjectType: 'meeting_request',
          subjectId: requestId,
          before: { status },
          after: { status: to, reason: reason ?? null },
        })
        if (to === 'accepted' || to === 'declined')
          await notify(tx, {
            organisationId: request.fromOrganisationId,
            kind: to,
            request: row!,
            otherName: (await nameOf(tx, request.toOrganisationId)).legalName,
            eventName: event.name,
          })
        return toRequestDto(row!)
      })
    },

    async listRepresentatives(eventId: string, organisationId: string): Promise<Representative[]> {
      const current = await participationOf(db, { eventId, organisationId })
      if (!current) throw problems.notParticipant()
      return (
        await db
          .select()
          .from(representatives)
          .where(eq(representatives.participationId, current.id))
          .orderBy(representatives.position)
      ).map(toRepresentative)
    },

    /** Replaces the list: entries with an id are updated, new ones added, missing ones removed (their meetings go back to "anyone"). */
    async setRepresentatives(
      actor: AuthContext,
      {
        eventId,
        organisationId,
        list,
        slotCount,
      }: { eventId: string; organisationId: string; list: RepresentativeInput[]; slotCount: number },
    ): Promise<Representative[]> {
      list.forEach((person, i) => {
        const bad = (person.unavailableSlots ?? []).findIndex((slot) => slot >= slotCount)
        if (bad >= 0)
          throw problems.noSuchSlot(`The event has slots 0 to ${slotCount - 1}.`, [
            {
              field: `body.representatives.${i}.unavailableSlots.${bad}`,
              code: 'maximum',
              message: `must be below ${slotCount}`,
            },
          ])
      })
      const seen = new Map<string, number>()
      list.forEach((person, i) => {
        const email = person.email?.toLowerCase()
        if (!email) return
        if (seen.has(email))
          throw problems.duplicateRepresentative(undefined, [
            {
              field: `body.representatives.${i}.email`,
              code: 'duplicate',
              message: `same as representative ${seen.get(email)! + 1}`,
            },
          ])
        seen.set(email, i)
      })
      return db.transaction(async (tx) => {
        const current = await participationOf(tx, { eventId, organisationId, forUpdate: true })
        if (!current) throw problems.notParticipant()
        const before = await tx.select().from(representatives).where(eq(representatives.participationId, current.id))
        const known = new Set(before.map((r) => r.id))
        list.forEach((person, i) => {
          if (person.id && !known.has(person.id))
            throw problems.noSuchRepresentative(undefined, [
              {
                field: `body.representatives.${i}.id`,
                code: 'not_found',
                message: 'not a representative of this organisation in this event',
              },
            ])
        })
        const kept = new Set(list.flatMap((person) => (person.id ? [person.id] : [])))
        const removed = before.filter((r) => !kept.has(r.id)).map((r) => r.id)
        if (removed.length > 0) await tx.delete(representatives).where(inArray(representatives.id, removed))
        for (const [position, person] of list.entries()) {
          const values = {
            name: person.name.trim(),
            email: person.email?.trim() || null,
            jobTitle: person.jobTitle?.trim() || null,
            unavailableSlots: [...new Set(person.unavailableSlots ?? [])].sort((a, b) => a - b),
            position,
          }
          if (person.id) await tx.update(representatives).set(values).where(eq(representatives.id, person.id))
          else await tx.insert(representatives).values({ participationId: current.id, ...values })
        }
        const after = (
          await tx
            .select()
            .from(representatives)
            .where(eq(representatives.participationId, current.id))
            .orderBy(representatives.position)
        ).map(toRepresentative)
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: 'participation.representatives_changed',
          subjectType: 'participation',
          subjectId: current.id,
          before: before.map((r) => r.name),
          after: after.map((r) => r.name),
        })
        return after
      })
    },

    /** The buyer's side (or the event's hub) chooses which representative holds a meeting; null leaves it to the scheduler. */
    async chooseRepresentative(
      actor: AuthContext,
      {
        requestId,
        representativeId,
        hubOf,
      }: { requestId: string; representativeId: string | null; hubOf: (eventId: string) => Promise<string[]> },
    ) {
      return db.transaction(async (tx) => {
        const [request] = await tx.select().from(meetingRequests).where(eq(meetingRequests.id, requestId)).for('update')
        const memberOf = actor.memberships.map((m) => m.organisationId)
        if (!request) throw problems.requestNotFound()
        // The route lets in only the request's parties and its event's hubs; of the parties, only the buyer side chooses.
        const sides = [request.fromOrganisationId, request.toOrganisationId]
        const hub = (await hubOf(request.eventId)).some((id) => memberOf.includes(id))
        const [buyer] = await tx
          .select({ id: organisations.id })
          .from(organisations)
          .where(and(inArray(organisations.id, sides), eq(organisations.kind, 'buyer')))
        if (!buyer || (!hub && !memberOf.includes(buyer.id))) throw problems.notBuyerSide()
        const { event } = await eventWithHomeRegion(tx, request.eventId)
        const status = effectiveStatus(request.status, event.requestDeadline, clock.now())
        if (status !== 'pending' && status !== 'accepted')
          throw problems.illegalRequestMove(`A ${status} request has no meeting to hold.`)
        if (representativeId) {
          const [found] = await tx
            .select({ id: representatives.id })
            .from(representatives)
            .innerJoin(participations, eq(participations.id, representatives.participationId))
            .where(
              and(
                eq(representatives.id, representativeId),
                eq(participations.eventId, request.eventId),
                eq(participations.organisationId, buyer.id),
              ),
            )
          if (!found)
            throw problems.noSuchRepresentative(undefined, [
              {
                field: 'body.representativeId',
                code: 'not_found',
                message: 'not a representative of the buyer in this event',
              },
            ])
        }
        const [row] = await tx
          .update(meetingRequests)
          .set({ representativeId })
          .where(eq(meetingRequests.id, requestId))
          .returning()
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId: buyer.id,
          action: 'request.representative_chosen',
          subjectType: 'meeting_request',
          subjectId: requestId,
          before: { representativeId: request.representativeId },
          after: { representativeId },
        })
        return toRequestDto(row!, status)
      })
    },

    /** Marks pending requests past their deadline as expired (they never block a slot either way). */
    async expireRequests(): Promise<number> {
      const rows = await db
        .update(meetingRequests)
        .set({ status: 'expired', decidedAt: clock.now() })
        .where(
          and(
            eq(meetingRequests.status, 'pending'),
            inArray(
              meetingRequests.eventId,
              db
                .select({ id: events.id })
                .from(events)
                .where(sql`${events.requestDeadline} < ${clock.now().toISOString()}::timestamptz`),
            ),
          ),
        )
        .returning({ id: meetingRequests.id })
      return rows.length
    },
  }
}
export type ParticipationService = ReturnType<typeof createParticipationService>

async function insertRequest(tx: DbOrTx, values: typeof meetingRequests.$inferInsert) {
  try {
    return await tx.insert(meetingRequests).values(values).returning()
  } catch (error) {
    if (violates(error, 'meeting_requests_open_pair_unique')) throw problems.duplicate()
    throw error
  }
}

async function organisationNames(db: DbOrTx, ids: string[]): Promise<Map<string, string>> {
  if (ids.length === 0) return new Map()
  const rows = await db
    .select({ id: organisations.id, legalName: organisations.legalName })
    .from(organisations)
    .where(inArray(organisations.id, [...new Set(ids)]))
  return new Map(rows.map((row) => [row.id, row.legalName]))
}
