import type { Agenda, Schedule, ScheduleRun } from '../../../shared/schemas/schedules.js'
import { apiGet, apiSend } from './client.js'

/** Scheduler runs of an event (hubs), agendas and calendar feeds (participants). */

const id = (value: string) => encodeURIComponent(value)
const runs = (eventId: string) => `/api/events/${id(eventId)}/schedules`

export const listSchedules = (eventId: string) => apiGet<Schedule[]>(runs(eventId))
export const getSchedule = (eventId: string, scheduleId: string) =>
  apiGet<Schedule>(`${runs(eventId)}/${id(scheduleId)}`)
export const startSchedule = (eventId: string, body: Partial<ScheduleRun>) =>
  apiSend<Schedule>('POST', runs(eventId), body)
export const moveMeeting = (
  eventId: string,
  scheduleId: string,
  requestId: string,
  target: { slot: number; tableIndex: number },
) => apiSend<Schedule>('PUT', `${runs(eventId)}/${id(scheduleId)}/assignments/${id(requestId)}`, target)
export const cancelSchedule = (eventId: string, scheduleId: string) =>
  apiSend<Schedule>('POST', `${runs(eventId)}/${id(scheduleId)}/cancel`)
export const publishSchedule = (eventId: string, scheduleId: string) =>
  apiSend<Schedule>('POST', `${runs(eventId)}/${id(scheduleId)}/publish`)
export const getAgenda = (eventId: string, orgId: string) =>
  apiGet<Agenda>(`/api/events/${id(eventId)}/agenda/${id(orgId)}`)
export const getCalendarFeed = (orgId: string) =>
  apiGet<{ url: string }>(`/api/organisations/${id(orgId)}/calendar-feed`)
export const rotateCalendarFeed = (orgId: string) =>
  apiSend<{ url: string }>('POST', `/api/organisations/${id(orgId)}/calendar-feed`)
