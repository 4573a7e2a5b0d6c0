import type { Static } from '@sinclair/typebox'
import type {
  MeetingRequest,
  MeetingRequestInputSchema,
  Participation,
  ParticipationBoard,
  ParticipationBoardQuery,
  ParticipationStatusSchema,
  Representative,
  RepresentativesInputSchema,
  RequestOverview,
  RequestOverviewQuery,
} from '../../../shared/schemas/participation.js'
import type { RequestVerb } from '../../../shared/lifecycles/requests.js'
import { apiGet, apiSend, exportLanguage, searchOf } from './client.js'

/** Who takes part in an event and at which step; meeting requests; targeting lists. */

export type ParticipationStatus = Static<typeof ParticipationStatusSchema>
export type MeetingRequestInput = Static<typeof MeetingRequestInputSchema>
export type RepresentativeInput = Static<typeof RepresentativesInputSchema>['representatives'][number]

/** An event the organisation takes part in, as `GET /organisations/:orgId/participations` answers it. */
export interface MyEvent {
  eventId: string
  eventName: string
  timeZone: string
  days: { date: string }[]
  /** Requests are taken until then (null: until the event). */
  requestDeadline: string | null
  status: string
  unavailableSlots: number[]
}

/** An organisation one may ask to meet in an event. */
export interface MeetingPartner {
  id: string
  legalName: string
  kind: string
}

/** Whether the organisation can still send requests in this event: at a meeting step, deadline ahead. */
export function takesRequests(event: MyEvent, now: Date, meetingStatuses: readonly string[]): boolean {
  if (!meetingStatuses.includes(event.status)) return false
  if (event.requestDeadline !== null) return new Date(event.requestDeadline) > now
  const last = event.days.at(-1)?.date
  return last === undefined || last >= now.toISOString().slice(0, 10)
}

export interface TargetingRow {
  line: number
  values: Record<string, string>
  errors: { field: string; message: string }[]
  action: 'create' | 'add' | 'already' | 'invalid'
  organisationId?: string
}
export type TargetingFormat = 'csv' | 'xlsx'

const id = (value: string) => encodeURIComponent(value)
const event = (eventId: string) => `/api/events/${id(eventId)}`

export function listParticipations(eventId: string, status?: ParticipationStatus): Promise<Participation[]> {
  return apiGet<Participation[]>(`${event(eventId)}/participations${status ? `?status=${status}` : ''}`)
}
export function participationBoard(eventId: string, query: ParticipationBoardQuery): Promise<ParticipationBoard> {
  return apiGet<ParticipationBoard>(`${event(eventId)}/participations/board?${searchOf(query)}`)
}
export const changeParticipation = (
  eventId: string,
  orgId: string,
  body: { status: ParticipationStatus; reason?: string; coachingSessions?: number },
) => apiSend<Participation>('PUT', `${event(eventId)}/participations/${id(orgId)}`, body)

export interface OpenEvent {
  eventId: string
  eventName: string
  editionName: string
  timeZone: string
  days: { date: string }[]
  registrationDeadline: string | null
  status: string | null
}
export const listOpenEvents = (orgId: string) => apiGet<OpenEvent[]>(`/api/organisations/${id(orgId)}/open-events`)
export const listMyEvents = (orgId: string) => apiGet<MyEvent[]>(`/api/organisations/${id(orgId)}/participations`)
export const applyToEvent = (eventId: string, orgId: string) =>
  apiSend<Participation>('POST', `${event(eventId)}/applications/${id(orgId)}`)
export const setAvailability = (eventId: string, orgId: string, unavailableSlots: number[]) =>
  apiSend<Participation>('PUT', `${event(eventId)}/participations/${id(orgId)}/availability`, { unavailableSlots })

export const listRepresentatives = (eventId: string, orgId: string) =>
  apiGet<Representative[]>(`${event(eventId)}/participations/${id(orgId)}/representatives`)
export const saveRepresentatives = (eventId: string, orgId: string, representatives: RepresentativeInput[]) =>
  apiSend<Representative[]>('PUT', `${event(eventId)}/participations/${id(orgId)}/representatives`, { representatives })
export const chooseRepresentative = (requestId: string, representativeId: string | null) =>
  apiSend<MeetingRequest>('PUT', `/api/requests/${id(requestId)}/representative`, { representativeId })

export function requestOverview(eventId: string, query: RequestOverviewQuery): Promise<RequestOverview> {
  return apiGet<RequestOverview>(`${event(eventId)}/requests/overview?${searchOf(query)}`)
}
export function listRequests(eventId: string, organisationId?: string): Promise<MeetingRequest[]> {
  const query = organisationId ? `?organisationId=${id(organisationId)}` : ''
  return apiGet<MeetingRequest[]>(`${event(eventId)}/requests${query}`)
}
export function listMeetingPartners(eventId: string, organisationId?: string): Promise<MeetingPartner[]> {
  const query = organisationId ? `?organisationId=${id(organisationId)}` : ''
  return apiGet<MeetingPartner[]>(`${event(eventId)}/meeting-partners${query}`)
}
export const requestMeeting = (eventId: string, body: MeetingRequestInput) =>
  apiSend<MeetingRequest>('POST', `${event(eventId)}/requests`, body)
export const moveRequest = (requestId: string, verb: RequestVerb, reason?: string) =>
  apiSend<MeetingRequest>('POST', `/api/requests/${id(requestId)}/${verb}`, reason ? { reason } : {})

export const previewTargeting = (eventId: string, body: { format: TargetingFormat; content: string }) =>
  apiSend<TargetingRow[]>('POST', `${event(eventId)}/targeting/preview`, body)
export const importTargeting = (eventId: string, body: { format: TargetingFormat; content: string }) =>
  apiSend<TargetingRow[]>('POST', `${event(eventId)}/targeting/import`, body)
export const targetingExportUrl = (eventId: string, format: TargetingFormat, language: string) =>
  `${event(eventId)}/targeting/export?format=${format}&lang=${exportLanguage(language)}`
