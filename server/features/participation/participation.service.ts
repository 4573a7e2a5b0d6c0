import { and, eq, inArray, sql } from 'drizzle-orm'
import type { Static } from '@sinclair/typebox'
import {
  BOARD_PAGE_SIZE,
  type ParticipationBoard,
  type ParticipationBoardQuery,
  type Representative,
  type RepresentativesInputSchema,
} from '../../../shared/schemas/participation.js'
import { nameMatches, pageOf } from '../../../shared/paging.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import type { Outbox } from '../../infra/outbox.js'
import type { AuditService } from '../audit/audit.service.js'
import { editions, events } from '../events/editions.table.js'
import { organisations } from '../organisations/organisations.table.js'
import { participationProblems as problems } from './participation.errors.js'
import { enqueueRecompute } from '../matching/recommendations.triggers.js'
import { BOARD_STATUSES, MEETING_STATUSES } from '../../../shared/lifecycles/participation.js'
import { canMove, isOutsideRegion, mayMeet, type StepTaker, type ParticipationStatus } from './participation.model.js'
import { participations, representatives } from './participation.table.js'
import { eventWithHomeRegion } from '../events/events.read.js'
import { organisationOf } from '../organisations/organisations.read.js'
import { participationOf } from './participation.read.js'

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

export interface ParticipationDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  publicUrl: string
}

/** Steps at which an organisation meets, or met, the other side. */
const PARTNER_STATUSES: ParticipationStatus[] = [...MEETING_STATUSES, 'followed_up']

export function createParticipationService(deps: ParticipationDeps) {
  const { db, audit, clock } = deps

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
        const organisation = await organisationOf(tx, organisationId)
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
        requestDeadline: event.requestDeadline ? event.requestDeadline.toISOString() : null,
        status: participation.status,
        unavailableSlots: participation.unavailableSlots,
      }))
    },

    /**
     * Who the organisation may ask to meet in the event: the other kind's participants at a meeting step, by
     * name, also after the event (followed up), when a contract names its other side. Without an organisation
     * (the event's hub imposing a meeting) both kinds. An organisation that is not at such a step itself gets
     * `participation.not_participant`.
     */
    async meetingPartners(eventId: string, organisationId: string | undefined) {
      let kinds: ('sme' | 'buyer')[] = ['sme', 'buyer']
      if (organisationId !== undefined) {
        const own = await participationOf(db, { eventId, organisationId })
        if (!own || !PARTNER_STATUSES.includes(own.status as ParticipationStatus)) throw problems.notParticipant()
        const { kind } = await organisationOf(db, organisationId)
        kinds = [kind === 'sme' ? 'buyer' : 'sme']
      }
      const rows = await db
        .select({ id: organisations.id, legalName: organisations.legalName, kind: organisations.kind })
        .from(participations)
        .innerJoin(organisations, eq(organisations.id, participations.organisationId))
        .where(
          and(
            eq(participations.eventId, eventId),
            inArray(participations.status, PARTNER_STATUSES),
            inArray(organisations.kind, kinds),
          ),
        )
        .orderBy(organisations.legalName)
      return rows.map((row) => ({ id: row.id, legalName: row.legalName, kind: row.kind }))
    },

    async participantsOfEvent(eventId: string): Promise<string[]> {
      const rows = await db
        .select({ id: participations.organisationId })
        .from(participations)
        .where(eq(participations.eventId, eventId))
      return rows.map((row) => row.id)
    },

    /** Own events of editions run by a hub that validated the organisation, still open for registration and not over. */
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
          and (e.days->-1->>'date')::date >= (${clock.now().toISOString()}::timestamptz at time zone e.time_zone)::date
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

    /** The selection board: filtered by name and kind; the chosen step a page at a time, or the first cards of each step. */
    async board(eventId: string, query: ParticipationBoardQuery): Promise<ParticipationBoard> {
      const page = query.status ? (query.page ?? 1) : 1
      const pageSize = query.pageSize ?? BOARD_PAGE_SIZE
      const kept = (await this.listParticipations(eventId, query.status)).filter(
        (p) => (!query.kind || p.organisation.kind === query.kind) && nameMatches(p.organisation.legalName, query.q),
      )
      const columns = (query.status ? [query.status] : BOARD_STATUSES).map((status) => {
        const cards = kept.filter((p) => p.status === status)
        return { status, total: cards.length, items: pageOf(cards, page, pageSize) }
      })
      return { columns, page, pageSize }
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
  }
}
export type ParticipationService = ReturnType<typeof createParticipationService>
