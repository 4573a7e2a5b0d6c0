import type { AbsencePreview, AbsenceUndone, Board, Interest, Today } from '../../../shared/schemas/live.js'
import { apiGet, apiSend } from './client.js'

/** The event day: today's view, the hub's live board, check-ins, no-shows, re-pairing, feedback. */

export type {
  AbsencePreview,
  AbsenceUndone,
  Board,
  DayMeeting,
  Interest,
  MeetingState,
  Presence,
  Standby,
  Today,
} from '../../../shared/schemas/live.js'
export { INTERESTS } from '../../../shared/schemas/live.js'

const id = (value: string) => encodeURIComponent(value)
export const getToday = (eventId: string, orgId: string) =>
  apiGet<Today>(`/api/events/${id(eventId)}/today/${id(orgId)}`)
export const getBoard = (eventId: string) => apiGet<Board>(`/api/events/${id(eventId)}/board`)
export const checkIn = (eventId: string, orgId: string) =>
  apiSend<{ organisationId: string; already: boolean }>('POST', `/api/events/${id(eventId)}/check-ins/${id(orgId)}`)
export const markAbsent = (eventId: string, orgId: string) =>
  apiSend<{ meetings: string[] }>('POST', `/api/events/${id(eventId)}/absences/${id(orgId)}`)
export const absencePreview = (eventId: string, orgId: string) =>
  apiGet<AbsencePreview>(`/api/events/${id(eventId)}/absences/${id(orgId)}`)
export const undoAbsence = (eventId: string, orgId: string) =>
  apiSend<AbsenceUndone>('DELETE', `/api/events/${id(eventId)}/absences/${id(orgId)}`)
export const repair = (eventId: string, meetingId: string, organisationId: string) =>
  apiSend<{ slot: number }>('POST', `/api/events/${id(eventId)}/repairs`, { meetingId, organisationId })
export const sendFeedback = (
  meetingId: string,
  body: { held: boolean; interest?: Interest | null; comment?: string | null },
) => apiSend<unknown>('PUT', `/api/meetings/${id(meetingId)}/feedback`, body)
