import type {
  Need,
  NeedInput,
  NeedPatch,
  Offer,
  OfferInput,
  OfferPatch,
  SearchQuery,
  SearchResult,
} from '../../../shared/schemas/catalogue.js'
import { apiGet, apiSend } from './client.js'

/** Offers (SMEs) and needs (buyers): their owners' routes, the readers' routes and search. */

const org = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}`
const id = (value: string) => encodeURIComponent(value)

export const listOffers = (orgId: string) => apiGet<Offer[]>(`${org(orgId)}/offers`)
export const getOwnOffer = (orgId: string, offerId: string) => apiGet<Offer>(`${org(orgId)}/offers/${id(offerId)}`)
export const createOffer = (orgId: string, body: OfferInput) => apiSend<Offer>('POST', `${org(orgId)}/offers`, body)
export const updateOffer = (orgId: string, offerId: string, patch: OfferPatch) =>
  apiSend<Offer>('PATCH', `${org(orgId)}/offers/${id(offerId)}`, patch)
export const deleteOffer = (orgId: string, offerId: string) =>
  apiSend<void>('DELETE', `${org(orgId)}/offers/${id(offerId)}`)

export const listNeeds = (orgId: string) => apiGet<Need[]>(`${org(orgId)}/needs`)
export const getOwnNeed = (orgId: string, needId: string) => apiGet<Need>(`${org(orgId)}/needs/${id(needId)}`)
export const createNeed = (orgId: string, body: NeedInput) => apiSend<Need>('POST', `${org(orgId)}/needs`, body)
export const updateNeed = (orgId: string, needId: string, patch: NeedPatch) =>
  apiSend<Need>('PATCH', `${org(orgId)}/needs/${id(needId)}`, patch)
export const deleteNeed = (orgId: string, needId: string) =>
  apiSend<void>('DELETE', `${org(orgId)}/needs/${id(needId)}`)

export const viewOffer = (offerId: string) => apiGet<Offer>(`/api/offers/${id(offerId)}`)
export const viewNeed = (needId: string) => apiGet<Need>(`/api/needs/${id(needId)}`)

export type SearchIndex = 'offers' | 'needs'
export type SearchParams = Partial<SearchQuery>

export function search(index: SearchIndex, query: SearchParams): Promise<SearchResult> {
  const params = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== '') params.set(key, String(value))
  }
  return apiGet<SearchResult>(`/api/search/${index}?${params.toString()}`)
}
