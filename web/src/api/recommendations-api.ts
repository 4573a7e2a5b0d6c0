import type {
  CurationItem,
  CurationPage,
  CurationQuery,
  MatchingSettings,
  PairRef,
  Recommendation,
  RecommendationMarkValue,
  RecommendationStatusValue,
} from '../../../shared/schemas/recommendations.js'
import { apiGet, apiSend } from './client.js'

/** Recommended counterparts with their marks, and the hub's curation of an event's pairs. */

export type { CurationItem, CurationPage, Recommendation, RecommendationMarkValue, RecommendationStatusValue }

const id = (value: string) => encodeURIComponent(value)
const event = (eventId: string) => `/api/events/${id(eventId)}`

export const listRecommendations = (eventId: string, orgId: string) =>
  apiGet<Recommendation[]>(`${event(eventId)}/recommendations/${id(orgId)}`)
export const markRecommendation = (
  eventId: string,
  orgId: string,
  otherId: string,
  mark: RecommendationMarkValue | null,
) =>
  apiSend<{ mark: RecommendationMarkValue | null }>(
    'PUT',
    `${event(eventId)}/recommendations/${id(orgId)}/marks/${id(otherId)}`,
    { mark },
  )

export function listCuration(eventId: string, query: CurationQuery): Promise<CurationPage> {
  const params = new URLSearchParams(
    Object.entries(query).flatMap(([key, value]) =>
      value === undefined || value === '' ? [] : [[key, String(value)]],
    ),
  )
  const search = params.toString()
  return apiGet<CurationPage>(`${event(eventId)}/curation${search ? `?${search}` : ''}`)
}
export const decidePairs = (
  eventId: string,
  pairs: PairRef[],
  status: Exclude<RecommendationStatusValue, 'suggested'>,
) => apiSend<{ updated: number; notified: number }>('POST', `${event(eventId)}/curation/decisions`, { pairs, status })
export const suggestPairs = (eventId: string, pairs: PairRef[]) =>
  apiSend<{ updated: number; notified: number }>('POST', `${event(eventId)}/curation/suggest`, { pairs })
export const recompute = (eventId: string) =>
  apiSend<{ queued: boolean }>('POST', `${event(eventId)}/recommendations/recompute`)
export const getMatchingSettings = (eventId: string) => apiGet<MatchingSettings>(`${event(eventId)}/curation/settings`)
export const saveMatchingSettings = (eventId: string, settings: MatchingSettings) =>
  apiSend<MatchingSettings>('PUT', `${event(eventId)}/curation/settings`, settings)
