import { DateTime } from 'luxon'
import { and, eq } from 'drizzle-orm'
import type { AbsencePreview } from '../../../shared/schemas/live.js'
import type { AuthContext } from '../../infra/access.js'
import type { DbOrTx } from '../../infra/db.js'
import { liveChannel } from '../../infra/live.js'
import { eventOf, type EventRow } from '../events/events.read.js'
import type { Slot } from '../events/slot-grid.model.js'
import { membersToNotify, organisationNames } from '../organisations/organisations.read.js'
import { tableNames } from '../schedules/schedules.service.js'
import { busyInSlot, noShowsOf, setOutcome, type MeetingRow } from '../schedules/meetings.read.js'
import { liveProblems as problems } from './live.errors.js'
import { liveMail } from './live.mails.js'
import type { LiveDeps } from './live.service.js'
import { checkIns } from './live.table.js'

type Meeting = MeetingRow

/** What the absence flow borrows from the live service. */
export interface AbsenceHelpers {
  assertEventDay(event: EventRow, now: Date): void
  participantStatus(tx: DbOrTx, eventId: string, organisationId: string): Promise<{ name: string }>
  meetingsWith(tx: DbOrTx, eventId: string, organisationId: string): Promise<Meeting[]>
  mailMembers(
    tx: DbOrTx,
    organisationId: string,
    build: (person: { email: string; name: string; language: 'it' | 'en' }) => Record<string, unknown>,
  ): Promise<void>
}

const counterpartOf = (meeting: Meeting, organisationId: string) =>
  meeting.smeId === organisationId ? meeting.buyerId : meeting.smeId

/**
 * Marking an organisation absent, safely: a preview of the meetings it cancels
 * and of who will be told; the absence itself; and "Undo" on the same day,
 * which gives the meetings back (unless the counterpart was re-paired in that
 * slot meanwhile) and tells the counterparts. Checking in someone marked absent
 * is the same undo. All of it lands in the audit trail.
 */
export function createAbsences(deps: LiveDeps, h: AbsenceHelpers) {
  const { db, clock, audit } = deps

  /** The organisation's meetings still to come that no one has recorded an outcome for. */
  async function toCome(tx: DbOrTx, eventId: string, organisationId: string, slots: Slot[], now: Date) {
    return (await h.meetingsWith(tx, eventId, organisationId)).filter(
      (m) => m.outcome === null && new Date(slots[m.slot]?.endsAt ?? 0) > now,
    )
  }

  const timeOf = (slots: Slot[], slot: number) => slots[slot]?.localStart.slice(11) ?? ''
  const todayIn = (event: EventRow, at: Date) => DateTime.fromJSDate(at, { zone: event.timeZone }).toISODate()

  /** Tells each counterpart, live and by e-mail, about one meeting: gone (`absent`) or back (`back`). */
  async function tell(tx: DbOrTx, kind: 'absent' | 'back', { event, slots, meeting, organisationId, name }: TellArgs) {
    const other = counterpartOf(meeting, organisationId)
    await deps
      .live()
      .publish(tx, liveChannel.organisation(other), kind === 'absent' ? 'counterpart_absent' : 'counterpart_back', {
        eventId: event.id,
        meetingId: meeting.id,
        name,
        slot: meeting.slot,
      })
    await h.mailMembers(tx, other, (p) => ({
      ...liveMail({
        kind,
        to: p.email,
        name: p.name,
        language: p.language,
        other: name,
        event: event.name,
        time: timeOf(slots, meeting.slot),
        url: `${deps.publicUrl}/events/${event.id}/today`,
      }),
    }))
  }
  interface TellArgs {
    event: EventRow
    slots: Slot[]
    meeting: Meeting
    organisationId: string
    name: string
  }

  /**
   * Gives back the meetings an absence cancelled. A meeting whose counterpart
   * was re-paired in that slot stays cancelled; counterparts of meetings still
   * to come are told. The caller holds the check-in row locked.
   */
  async function restore(
    tx: DbOrTx,
    actor: AuthContext,
    {
      event,
      organisationId,
      name,
      cancelled,
    }: { event: EventRow; organisationId: string; name: string; cancelled: string[] },
  ) {
    const now = clock.now()
    const slots = await deps.editions.slotsOf(event.id, tx)
    const candidates = await noShowsOf(tx, cancelled, organisationId)
    const restored: Meeting[] = []
    const kept: Meeting[] = []
    for (const meeting of candidates) {
      const other = counterpartOf(meeting, organisationId)
      const clash = await busyInSlot(tx, {
        eventId: event.id,
        slot: meeting.slot,
        organisationId: other,
        except: meeting.id,
      })
      if (clash) {
        kept.push(meeting)
        continue
      }
      await setOutcome(tx, meeting.id, { outcome: null, absentOrganisationId: null }, now)
      restored.push(meeting)
      if (new Date(slots[meeting.slot]?.endsAt ?? 0) > now)
        await tell(tx, 'back', { event, slots, meeting, organisationId, name })
    }
    await deps.live().publish(tx, liveChannel.event(event.id), 'absence_undone', {
      organisationId,
      name,
      meetings: restored.map((m) => m.id),
    })
    await audit.record(tx, {
      actorUserId: actor.userId,
      organisationId,
      action: 'event.absence_undone',
      subjectType: 'event',
      subjectId: event.id,
      after: { restored: restored.map((m) => m.id), kept: kept.map((m) => m.id) },
    })
    const names = await organisationNames(
      tx,
      kept.map((m) => counterpartOf(m, organisationId)),
    )
    return {
      organisationId,
      restored: restored.map((m) => m.id),
      kept: kept.map((m) => ({
        meetingId: m.id,
        time: timeOf(slots, m.slot),
        counterpartName: names.get(counterpartOf(m, organisationId)) ?? '',
      })),
    }
  }

  return {
    restore,

    /** What "Mark absent" would do: the meetings it cancels and the people it tells. Changes nothing. */
    async absencePreview(eventId: string, organisationId: string): Promise<AbsencePreview> {
      const event = await eventOf(db, eventId)
      const participant = await h.participantStatus(db, eventId, organisationId)
      const slots = await deps.editions.slotsOf(eventId)
      const affected = await toCome(db, eventId, organisationId, slots, clock.now())
      const others = affected.map((m) => counterpartOf(m, organisationId))
      const names = await organisationNames(db, others)
      const people = await membersToNotify(db, others)
      const tables = tableNames(event, 0)
      return {
        organisationId,
        name: participant.name,
        meetings: affected
          .sort((a, b) => a.slot - b.slot)
          .map((m) => {
            const other = counterpartOf(m, organisationId)
            return {
              meetingId: m.id,
              time: timeOf(slots, m.slot),
              tableName: event.format === 'online' ? null : (tables[m.tableIndex] ?? String(m.tableIndex + 1)),
              counterpartName: names.get(other) ?? '',
              told: people.filter((p) => p.organisationId === other).map((p) => p.name),
            }
          }),
      }
    },

    /**
     * The hub marks an organisation absent: its meetings still to come become
     * no-shows, each counterpart is told at once (live and by e-mail), and the
     * board gets the standby list. The cancelled meetings are kept for "Undo".
     */
    async markAbsent(actor: AuthContext, eventId: string, organisationId: string) {
      return db.transaction(async (tx) => {
        const event = await eventOf(tx, eventId)
        h.assertEventDay(event, clock.now())
        const participant = await h.participantStatus(tx, eventId, organisationId)
        const now = clock.now()
        const [before] = await tx
          .select()
          .from(checkIns)
          .where(and(eq(checkIns.eventId, eventId), eq(checkIns.organisationId, organisationId)))
          .for('update')
        const slots = await deps.editions.slotsOf(eventId, tx)
        const affected = await toCome(tx, eventId, organisationId, slots, now)
        const cancelled = [...(before?.absent ? before.cancelledMeetings : []), ...affected.map((m) => m.id)]
        await tx
          .insert(checkIns)
          .values({
            eventId,
            organisationId,
            method: 'organiser',
            byUserId: actor.userId,
            absent: true,
            cancelledMeetings: cancelled,
            at: now,
          })
          .onConflictDoUpdate({
            target: [checkIns.eventId, checkIns.organisationId],
            set: { absent: true, byUserId: actor.userId, cancelledMeetings: cancelled, at: now },
          })
        for (const meeting of affected) {
          await setOutcome(tx, meeting.id, { outcome: 'no_show', absentOrganisationId: organisationId }, now)
          await tell(tx, 'absent', { event, slots, meeting, organisationId, name: participant.name })
        }
        await deps.live().publish(tx, liveChannel.event(eventId), 'no_show', {
          organisationId,
          name: participant.name,
          meetings: affected.map((m) => m.id),
        })
        await audit.record(tx, {
          actorUserId: actor.userId,
          organisationId,
          action: 'event.marked_absent',
          subjectType: 'event',
          subjectId: eventId,
          after: { meetings: affected.map((m) => m.id) },
        })
        return { organisationId, meetings: affected.map((m) => m.id) }
      })
    },

    /** "Undo" on the day the absence was recorded: the organisation is back to not yet arrived, its meetings back. */
    async undoAbsence(actor: AuthContext, eventId: string, organisationId: string) {
      return db.transaction(async (tx) => {
        const event = await eventOf(tx, eventId)
        const now = clock.now()
        h.assertEventDay(event, now)
        const participant = await h.participantStatus(tx, eventId, organisationId)
        const [row] = await tx
          .select()
          .from(checkIns)
          .where(and(eq(checkIns.eventId, eventId), eq(checkIns.organisationId, organisationId)))
          .for('update')
        if (!row?.absent) throw problems.notAbsent()
        if (todayIn(event, row.at) !== todayIn(event, now))
          throw problems.undoTooLate(`The absence was recorded on ${todayIn(event, row.at)}.`, undefined, {
            day: todayIn(event, row.at) ?? '',
          })
        await tx.delete(checkIns).where(and(eq(checkIns.eventId, eventId), eq(checkIns.organisationId, organisationId)))
        return restore(tx, actor, {
          event,
          organisationId,
          name: participant.name,
          cancelled: row.cancelledMeetings,
        })
      })
    },
  }
}
