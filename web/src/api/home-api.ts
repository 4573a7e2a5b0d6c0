import type { Home } from '../../../shared/schemas/home.js'
import { apiGet } from './client.js'

export type { Home }

/** What the organisation should do next (GET /api/organisations/:orgId/home). */
export const getHome = (orgId: string) => apiGet<Home>(`/api/organisations/${encodeURIComponent(orgId)}/home`)
