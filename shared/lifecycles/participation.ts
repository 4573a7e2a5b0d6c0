/**
 * The participation lifecycle of an organisation in an event, as the brief
 * describes it: targeted → invited or applied → selected or rejected →
 * prepared (coaching attended) → attended → followed up. Server and web both
 * read it from here: the server refuses any other step, the web offers exactly these.
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

/** The lifecycle in the hub's board order: the way forward, then the rejected. */
export const BOARD_STATUSES: readonly ParticipationStatus[] = [
  ...PARTICIPATION_STATUSES.filter((status) => status !== 'rejected'),
  'rejected',
]

/** Who takes a step: the hub on its board, or the organisation itself (applying). */
export type StepTaker = 'hub' | 'organisation'

const STEPS: Record<ParticipationStatus | 'none', Record<StepTaker, readonly ParticipationStatus[]>> = {
  none: { hub: ['targeted', 'invited'], organisation: ['applied'] },
  targeted: { hub: ['invited', 'rejected'], organisation: [] },
  invited: { hub: ['selected', 'rejected'], organisation: ['applied'] },
  applied: { hub: ['selected', 'rejected'], organisation: [] },
  selected: { hub: ['prepared', 'attended', 'rejected'], organisation: [] },
  prepared: { hub: ['attended', 'rejected'], organisation: [] },
  attended: { hub: ['followed_up'], organisation: [] },
  rejected: { hub: [], organisation: [] },
  followed_up: { hub: [], organisation: [] },
}

/** The statuses `by` may move an organisation to from `from` (undefined: not in the event yet). */
export function participationSteps(
  from: ParticipationStatus | undefined,
  by: StepTaker,
): readonly ParticipationStatus[] {
  return STEPS[from ?? 'none'][by]
}

export function canMove(from: ParticipationStatus | undefined, to: ParticipationStatus, by: StepTaker): boolean {
  return participationSteps(from, by).includes(to)
}

/** Statuses at which an organisation requests and holds meetings. */
export const MEETING_STATUSES: readonly ParticipationStatus[] = ['selected', 'prepared', 'attended']

export function mayMeet(status: ParticipationStatus | undefined): boolean {
  return status !== undefined && MEETING_STATUSES.includes(status)
}

export function readParticipationStatus(value: string): ParticipationStatus | null {
  return PARTICIPATION_STATUSES.find((status) => status === value) ?? null
}
