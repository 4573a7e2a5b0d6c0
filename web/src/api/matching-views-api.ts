import type { MatchView, MatchViewItem } from '../../../shared/schemas/matching-views.js'
import { apiGet } from './client.js'

/** The needs matching one offer, and the offers matching one need, with reasons in the given language. */

export type { MatchView, MatchViewItem }

const id = (value: string) => encodeURIComponent(value)

export const needsForOffer = (offerId: string, lang: 'it' | 'en', limit = 20) =>
  apiGet<MatchView>(`/api/offers/${id(offerId)}/matches?limit=${limit}&lang=${lang}`)
export const offersForNeed = (needId: string, lang: 'it' | 'en', limit = 20) =>
  apiGet<MatchView>(`/api/needs/${id(needId)}/matches?limit=${limit}&lang=${lang}`)
