/**
 * The event day's rules, pure: a meeting's state at a given moment, and who
 * may replace a no-show.
 */

import { INTERESTS, type Interest, type MeetingState, type Presence } from '../../../shared/schemas/live.js'

export { INTERESTS, type Interest, type MeetingState, type Presence }

export interface MeetingAtTime {
  status: 'scheduled' | 'cancelled'
  outcome: 'held' | 'no_show' | null
  startsAt: Date
  endsAt: Date
  presence: [Presence, Presence]
}

/** What the live board shows for a meeting now. */
export function meetingState(meeting: MeetingAtTime, now: Date): MeetingState {
  if (meeting.status === 'cancelled') return 'cancelled'
  if (meeting.outcome) return meeting.outcome
  if (meeting.presence.includes('absent')) return 'no_show'
  const bothHere = meeting.presence.every((p) => p === 'present')
  if (now < meeting.startsAt) return bothHere ? 'ready' : 'upcoming'
  if (now < meeting.endsAt) return bothHere ? 'running' : 'late'
  return 'done'
}

/** Interest at or above "follow-up planned" feeds the follow-up and contract pipeline. */
export function needsFollowUp(interest: Interest | null): boolean {
  return interest !== null && INTERESTS.indexOf(interest) >= INTERESTS.indexOf('follow_up_planned')
}

export interface StandbyInput {
  /** The present counterpart left without a meeting. */
  counterpartId: string
  slot: number
  /** Present participants of the other kind, with the slots they are busy in. */
  present: { organisationId: string; busySlots: number[]; unavailableSlots: number[] }[]
  /** Open requests (pending or accepted, no meeting yet) between the counterpart and others, with their ids. */
  requestsWith: Map<string, string>
}

/** Present participants who asked to meet the counterpart (or were asked) and are free in that slot. */
export function standbyCandidates(input: StandbyInput): { organisationId: string; requestId: string }[] {
  return input.present.flatMap((p) => {
    const requestId = input.requestsWith.get(p.organisationId)
    if (!requestId || p.organisationId === input.counterpartId) return []
    if (p.busySlots.includes(input.slot) || p.unavailableSlots.includes(input.slot)) return []
    return [{ organisationId: p.organisationId, requestId }]
  })
}
