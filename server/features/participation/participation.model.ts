/**
 * The participation lifecycle of an organisation in an event, as the brief
 * describes it: targeted → invited or applied → selected or rejected →
 * prepared (coaching attended) → attended → followed up.
 */
export const PARTICIPATION_STATUSES = [
  'targeted',
  'invited',
  'applied',
  'selected',
  'rejected',
  'prepared',
  'attended',
  'followed_up',
] as const
export type ParticipationStatus = (typeof PARTICIPATION_STATUSES)[number]

const NEXT: Record<ParticipationStatus | 'none', ParticipationStatus[]> = {
  none: ['targeted', 'invited', 'applied'],
  targeted: ['invited', 'rejected'],
  invited: ['applied', 'selected', 'rejected'],
  applied: ['selected', 'rejected'],
  selected: ['prepared', 'attended', 'rejected'],
  prepared: ['attended', 'rejected'],
  attended: ['followed_up'],
  rejected: [],
  followed_up: [],
}

export function canMove(from: ParticipationStatus | undefined, to: ParticipationStatus): boolean {
  return NEXT[from ?? 'none'].includes(to)
}

export function allowedNext(from: ParticipationStatus | undefined): ParticipationStatus[] {
  return NEXT[from ?? 'none']
}

/** Only selected participants (and those further on the same day) request and hold meetings. */
export function mayMeet(status: ParticipationStatus | undefined): boolean {
  return status === 'selected' || status === 'prepared' || status === 'attended'
}

/** A buyer is "outside the region" when its headquarters' NUTS-2 differs from the edition's home region (KPI iii). */
export function isOutsideRegion(buyerNuts2: string | null | undefined, homeNuts2: string): boolean {
  return !!buyerNuts2 && buyerNuts2 !== homeNuts2
}

export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

/** What each side may do with a request in each state. */
export function requestMoves(status: RequestStatus): { recipient: RequestStatus[]; sender: RequestStatus[] } {
  if (status === 'pending') return { recipient: ['accepted', 'declined'], sender: ['withdrawn'] }
  if (status === 'accepted') return { recipient: [], sender: ['withdrawn'] }
  return { recipient: [], sender: [] }
}

/** A pending request whose deadline passed is expired, whether or not a sweep has marked it yet. */
export function effectiveStatus(status: RequestStatus, deadline: Date | null, now: Date): RequestStatus {
  return status === 'pending' && deadline !== null && now > deadline ? 'expired' : status
}
