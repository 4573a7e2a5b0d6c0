import { apiGet, apiSend } from './client.js'

/** The event day: today's view, the hub's live board, check-ins, no-shows, re-pairing, feedback. */

export type Presence = 'present' | 'absent' | 'unknown'
export type MeetingState = 'upcoming' | 'ready' | 'running' | 'late' | 'held' | 'no_show' | 'done' | 'cancelled'
export type Interest = 'none' | 'informative' | 'follow_up_planned' | 'quote_requested' | 'pilot' | 'contract_expected'
export const INTERESTS: Interest[] = ['none', 'informative', 'follow_up_planned', 'quote_requested', 'pilot', 'contract_expected']

export interface DayMeeting {
  id: string
  smeId: string
  smeName: string
  buyerId: string
  buyerName: string
  representativeName: string | null
  slot: number
  tableIndex: number
  tableName: string | null
  startsAt: string
  endsAt: string
  status: 'scheduled' | 'cancelled'
  state: MeetingState
  presence: { sme: Presence; buyer: Presence }
}

export interface Today {
  eventId: string
  eventName: string
  timeZone: string
  now: string
  presence: Presence
  meetings: (DayMeeting & { mine: 'sme' | 'buyer'; feedback: { held: boolean; interest: Interest | null } | null })[]
}

export interface Standby {
  meetingId: string
  slot: number
  startsAt: string
  tableName: string | null
  counterpartId: string
  counterpartName: string
  candidates: { organisationId: string; name: string; requestId: string }[]
}

export interface Board {
  eventId: string
  eventName: string
  timeZone: string
  now: string
  currentSlot: number | null
  nextSlot: { index: number; startsAt: string; localStart: string } | null
  slots: { index: number; localStart: string; localEnd: string; startsAt: string; endsAt: string }[]
  tables: string[]
  meetings: DayMeeting[]
  participants: { organisationId: string; name: string; kind: string; presence: Presence }[]
  standby: Standby[]
}

const id = (value: string) => encodeURIComponent(value)
export const getToday = (eventId: string, orgId: string) => apiGet<Today>(`/api/events/${id(eventId)}/today/${id(orgId)}`)
export const getBoard = (eventId: string) => apiGet<Board>(`/api/events/${id(eventId)}/board`)
export const checkIn = (eventId: string, orgId: string) => apiSend<{ organisationId: string; already: boolean }>('POST', `/api/events/${id(eventId)}/check-ins/${id(orgId)}`)
export const markAbsent = (eventId: string, orgId: string) => apiSend<{ meetings: string[] }>('POST', `/api/events/${id(eventId)}/absences/${id(orgId)}`)
export const repair = (eventId: string, meetingId: string, organisationId: string) => apiSend<{ slot: number }>('POST', `/api/events/${id(eventId)}/repairs`, { meetingId, organisationId })
export const sendFeedback = (meetingId: string, body: { held: boolean; interest?: Interest | null; comment?: string | null }) => apiSend<unknown>('PUT', `/api/meetings/${id(meetingId)}/feedback`, body)
