/**
 * A meeting request between an SME and a buyer. The recipient accepts or
 * declines a pending request; the sender withdraws it, pending or accepted
 * (withdrawing an accepted one cancels its meeting and re-plans the agenda).
 * Server and web both read the moves from here.
 */
export const REQUEST_STATUSES = ['pending', 'accepted', 'declined', 'withdrawn', 'expired'] as const
export type RequestStatus = (typeof REQUEST_STATUSES)[number]

export type RequestSide = 'recipient' | 'sender'

/** The verbs of the API (`POST /api/requests/:id/{verb}`) and the status each leads to. */
export const REQUEST_VERBS = { accept: 'accepted', decline: 'declined', withdraw: 'withdrawn' } as const
export type RequestVerb = keyof typeof REQUEST_VERBS

/** What each side may do with a request in each state. */
export function requestMoves(status: RequestStatus): Record<RequestSide, RequestStatus[]> {
  if (status === 'pending') return { recipient: ['accepted', 'declined'], sender: ['withdrawn'] }
  if (status === 'accepted') return { recipient: [], sender: ['withdrawn'] }
  return { recipient: [], sender: [] }
}

/** The verbs open to one side of a request in its state, in the order a page shows them. */
export function requestVerbs(status: RequestStatus, side: RequestSide): RequestVerb[] {
  const moves = requestMoves(status)[side]
  return (Object.keys(REQUEST_VERBS) as RequestVerb[]).filter((verb) => moves.includes(REQUEST_VERBS[verb]))
}

/** A pending request whose deadline passed is expired, whether or not a sweep has marked it yet. */
export function effectiveStatus(status: RequestStatus, deadline: Date | null, now: Date): RequestStatus {
  return status === 'pending' && deadline !== null && now > deadline ? 'expired' : status
}

export function readRequestStatus(value: string): RequestStatus | null {
  return REQUEST_STATUSES.find((status) => status === value) ?? null
}
