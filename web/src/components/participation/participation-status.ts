import {
  BOARD_STATUSES,
  MEETING_STATUSES,
  participationSteps,
  readParticipationStatus,
  type ParticipationStatus,
} from '../../../../shared/lifecycles/participation.js'
import { REQUEST_STATUSES, type RequestStatus } from '../../../../shared/lifecycles/requests.js'
import type { BadgeTone } from '../status-badge.js'

export { BOARD_STATUSES, readParticipationStatus, REQUEST_STATUSES, type RequestStatus }

/** The steps a hub may take from a status: the lifecycle's own, so the board offers exactly what the server allows. */
export const hubSteps = (status: ParticipationStatus) => participationSteps(status, 'hub')

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
export const ACTIVE_STATUSES: readonly string[] = MEETING_STATUSES
