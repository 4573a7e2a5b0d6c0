import { and, eq, inArray, or, sql } from 'drizzle-orm'
import { nameMatches, pageByStatus } from '../../../shared/paging.js'
import {
  REQUEST_PAGE_SIZE,
  type MeetingRequest,
  type RequestOverview,
  type RequestOverviewQuery,
} from '../../../shared/schemas/participation.js'
import {
  effectiveStatus,
  REQUEST_STATUSES,
  requestMoves,
  type RequestStatus,
} from '../../../shared/lifecycles/requests.js'
import { mayMeet } from '../../../shared/lifecycles/participation.js'
import type { AuthContext } from '../../infra/access.js'
import type { Clock } from '../../infra/clock.js'
import type { Database, DbOrTx } from '../../infra/db.js'
import { MAIL_TOPIC } from '../../infra/mailer.js'
import { violates } from '../../infra/problems.js'
import type { Outbox } from '../../infra/outbox.js'
import type { AuditService } from '../audit/audit.service.js'
import { eventsPastRequestDeadline, eventWithHomeRegion } from '../events/events.read.js'
import { membersToNotify, organisationNames, organisationOf } from '../organisations/organisations.read.js'
import {
  isRepresentativeOf,
  lockParticipations,
  meetingQuota,
  participationOf,
} from '../participation/participation.read.js'
import { requestProblems as problems } from './requests.errors.js'
import { requestMail } from './requests.mails.js'
import { meetingRequests } from './requests.table.js'

type RequestRow = typeof meetingRequests.$inferSelect

export function toRequestDto(
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

export interface RequestsDeps {
  db: Database
  clock: Clock
  outbox: Pick<Outbox, 'enqueue'>
  audit: Pick<AuditService, 'record'>
  publicUrl: string
}

/** Meeting requests between selected SMEs and buyers: asked, imposed, accepted, declined, withdrawn, expired. */
export function createRequestsService(deps: RequestsDeps) {
  const { db, audit, clock } = deps

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
        if (event.requestDeadline && clock.now() > event.requestDeadline)
          throw problems.deadlinePassed(undefined, undefined, { deadline: event.requestDeadline.toISOString() })
        const [from, to] = [await organisationOf(tx, input.from), await organisationOf(tx, input.to)]
        if (
          new Set([from.kind, to.kind]).size !== 2 ||
          ![from.kind, to.kind].every((k) => k === 'sme' || k === 'buyer')
        )
          throw problems.wrongPair()
        await lockParticipations(tx, { eventId: input.eventId, organisationIds: [input.from, input.to] })
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
          throw problems.quotaReached('Wait for answers to your pending requests first.', undefined, {
            reason: 'pending',
            limit: event.maxMeetingsPerParticipant * 2,
          })
        if (input.imposed)
          for (const id of [input.from, input.to])
            if (
              (await acceptedCount(tx, input.eventId, id)) >=
              (await meetingQuota(tx, {
                maxPerPerson: event.maxMeetingsPerParticipant,
                eventId: input.eventId,
                organisationId: id,
              }))
            )
              throw problems.quotaReached(undefined, undefined, { reason: id === input.from ? 'full' : 'other_full' })
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
        // The answer is added to the page's list: it carries both names, as the list does.
        const names = await organisationNames(tx, [input.from, input.to])
        return toRequestDto(row!, row!.status, names)
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

    /** The hub's overview: newest first, filtered by status and by either side's name, one page, with counts. */
    async requestOverview(eventId: string, query: RequestOverviewQuery): Promise<RequestOverview> {
      const named = (await this.listRequests(eventId, undefined)).filter(
        (r) => !query.q?.trim() || nameMatches(r.fromName, query.q) || nameMatches(r.toName, query.q),
      )
      return pageByStatus(named.reverse(), REQUEST_STATUSES, query, REQUEST_PAGE_SIZE)
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
          await lockParticipations(tx, {
            eventId: request.eventId,
            organisationIds: [request.fromOrganisationId, request.toOrganisationId],
          })
        const full = async (id: string) =>
          (await acceptedCount(tx, request.eventId, id)) >=
          (await meetingQuota(tx, {
            maxPerPerson: event.maxMeetingsPerParticipant,
            eventId: request.eventId,
            organisationId: id,
          }))
        if (to === 'accepted' && (await full(request.toOrganisationId)))
          throw problems.quotaReached(undefined, undefined, { reason: 'full' })
        if (to === 'accepted' && (await full(request.fromOrganisationId)))
          throw problems.quotaReached('The other side has no meetings left.', undefined, { reason: 'other_full' })
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
            otherName: (await organisationOf(tx, request.toOrganisationId)).legalName,
            eventName: event.name,
          })
        // The answer replaces the row on the page: it carries both names, as the list does.
        const names = await organisationNames(tx, [request.fromOrganisationId, request.toOrganisationId])
        return toRequestDto(row!, to, names)
      })
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
        const kinds = await Promise.all(sides.map(async (id) => ({ id, kind: (await organisationOf(tx, id)).kind })))
        const buyer = kinds.find((side) => side.kind === 'buyer')
        if (!buyer || (!hub && !memberOf.includes(buyer.id))) throw problems.notBuyerSide()
        const { event } = await eventWithHomeRegion(tx, request.eventId)
        const status = effectiveStatus(request.status, event.requestDeadline, clock.now())
        if (status !== 'pending' && status !== 'accepted')
          throw problems.illegalRequestMove(`A ${status} request has no meeting to hold.`)
        if (representativeId) {
          const found = await isRepresentativeOf(tx, {
            representativeId,
            eventId: request.eventId,
            organisationId: buyer.id,
          })
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
            inArray(meetingRequests.eventId, await eventsPastRequestDeadline(db, clock.now())),
          ),
        )
        .returning({ id: meetingRequests.id })
      return rows.length
    },
  }
}
export type RequestsService = ReturnType<typeof createRequestsService>

async function insertRequest(tx: DbOrTx, values: typeof meetingRequests.$inferInsert) {
  try {
    return await tx.insert(meetingRequests).values(values).returning()
  } catch (error) {
    if (violates(error, 'meeting_requests_open_pair_unique')) throw problems.duplicate()
    throw error
  }
}
