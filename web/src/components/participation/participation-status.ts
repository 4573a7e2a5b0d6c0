import type { ParticipationStatus } from '../../api/participation-api.js'
import type { BadgeTone } from '../status-badge.js'

/** The lifecycle of an organisation in an event, in board order. */
export const PARTICIPATION_STATUSES: readonly ParticipationStatus[] = [
  'targeted',
  'invited',
  'applied',
  'selected',
  'prepared',
  'attended',
  'followed_up',
  'rejected',
]

/** The steps a hub may take from each status; the server refuses others with `participation.illegal_transition`. */
export const NEXT_STEPS: Record<ParticipationStatus, readonly ParticipationStatus[]> = {
  targeted: ['invited', 'rejected'],
  invited: ['selected', 'rejected'],
  applied: ['selected', 'rejected'],
  selected: ['prepared', 'attended', 'rejected'],
  prepared: ['attended', 'rejected'],
  attended: ['followed_up'],
  followed_up: [],
  rejected: [],
}

export function readParticipationStatus(value: string): ParticipationStatus | null {
  return PARTICIPATION_STATUSES.find((status) => status === value) ?? null
}

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export function requestTone(status: string): BadgeTone {
  if (status === 'accepted') return 'ok'
  if (status === 'pending') return 'warn'
  if (status === 'declined') return 'bad'
  return 'neutral'
}

export function participationTone(status: string): BadgeTone {
  if (status === 'rejected') return 'bad'
  if (status === 'selected' || status === 'prepared' || status === 'attended' || status === 'followed_up') return 'ok'
  return 'warn'
}

/** Steps at which an organisation sends requests and gives its availability. */
export const ACTIVE_STATUSES: readonly string[] = ['selected', 'prepared', 'attended']
