import type { Static } from '@sinclair/typebox'
import type {
  Edition,
  EditionInput,
  EditionPatch,
  EventInput,
  EventPatch,
  MtbEvent,
  SlotSchema,
} from '../../../shared/schemas/events.js'
import { apiGet, apiSend } from './client.js'

/** Programme editions, their events and the events' slot grids (hubs). */

export type Slot = Static<typeof SlotSchema>

const id = (value: string) => encodeURIComponent(value)

export const listEditions = (orgId: string) => apiGet<Edition[]>(`/api/organisers/${id(orgId)}/editions`)
export const createEdition = (orgId: string, body: EditionInput) =>
  apiSend<Edition>('POST', `/api/organisers/${id(orgId)}/editions`, body)
export const getEdition = (editionId: string) => apiGet<Edition>(`/api/editions/${id(editionId)}`)
export const updateEdition = (editionId: string, patch: EditionPatch) =>
  apiSend<Edition>('PATCH', `/api/editions/${id(editionId)}`, patch)

export const listEvents = (editionId: string) => apiGet<MtbEvent[]>(`/api/editions/${id(editionId)}/events`)
export const createEvent = (editionId: string, body: EventInput) =>
  apiSend<MtbEvent>('POST', `/api/editions/${id(editionId)}/events`, body)
export const getEvent = (eventId: string) => apiGet<MtbEvent>(`/api/events/${id(eventId)}`)
export const updateEvent = (eventId: string, patch: EventPatch) =>
  apiSend<MtbEvent>('PATCH', `/api/events/${id(eventId)}`, patch)
export const listSlots = (eventId: string) => apiGet<Slot[]>(`/api/events/${id(eventId)}/slots`)
