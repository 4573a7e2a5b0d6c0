export {
  PARTICIPATION_STATUSES,
  canMove,
  mayMeet,
  type ParticipationStatus,
  type StepTaker,
} from '../../../shared/lifecycles/participation.js'
export {
  REQUEST_STATUSES,
  effectiveStatus,
  requestMoves,
  type RequestStatus,
} from '../../../shared/lifecycles/requests.js'

/** A buyer is "outside the region" when its headquarters' NUTS-2 differs from the edition's home region (KPI iii). */
export function isOutsideRegion(buyerNuts2: string | null | undefined, homeNuts2: string): boolean {
  return !!buyerNuts2 && buyerNuts2 !== homeNuts2
}
