import type { Static } from '@sinclair/typebox'
import type {
  Contract,
  ContractInputSchema,
  ContractOverview,
  ContractOverviewQuery,
  KpiReport,
  KpiTableKey,
  Performance,
  PerformanceInputSchema,
} from '../../../../shared/schemas/outcomes.js'
import { apiGet, apiSend, apiUpload, exportLanguage, searchOf } from '../../api/client.js'

/** Contracts, performance reports and KPI reports. */

export type ContractInput = Static<typeof ContractInputSchema>
export type PerformanceInput = Static<typeof PerformanceInputSchema>
export type KpiScopeRef = { kind: 'edition' | 'event' | 'organiser'; id: string } | { kind: 'all' }
export interface KpiRows {
  columns: string[]
  rows: Record<string, unknown>[]
  total: number
}

const id = (value: string) => encodeURIComponent(value)

export function kpiBase(scope: KpiScopeRef): string {
  switch (scope.kind) {
    case 'edition':
      return `/api/editions/${id(scope.id)}/kpis`
    case 'event':
      return `/api/events/${id(scope.id)}/kpis`
    case 'organiser':
      return `/api/organisers/${id(scope.id)}/kpis`
    case 'all':
      return '/api/kpis'
  }
}

export const getKpis = (scope: KpiScopeRef) => apiGet<KpiReport>(kpiBase(scope))
export const getKpiRows = (scope: KpiScopeRef, table: KpiTableKey, offset = 0) =>
  apiGet<KpiRows>(`${kpiBase(scope)}/rows/${table}?limit=200&offset=${offset}`)
/** The export in the reader's language: Italian CSV takes the semicolon and the decimal comma Italian Excel expects. */
export const kpiExportUrl = (
  scope: KpiScopeRef,
  format: 'csv' | 'xlsx',
  table: KpiTableKey | 'figures',
  language: string,
) => `${kpiBase(scope)}/export?format=${format}&table=${table}&lang=${exportLanguage(language)}`

export const listContracts = (orgId: string) => apiGet<Contract[]>(`/api/organisations/${id(orgId)}/contracts`)
export function contractOverview(editionId: string, query: ContractOverviewQuery): Promise<ContractOverview> {
  return apiGet<ContractOverview>(`/api/editions/${id(editionId)}/contracts/overview?${searchOf(query)}`)
}
export const reportContract = (orgId: string, body: ContractInput) =>
  apiSend<Contract>('POST', `/api/organisations/${id(orgId)}/contracts`, body)
export const confirmContract = (contractId: string) =>
  apiSend<Contract>('POST', `/api/contracts/${id(contractId)}/confirm`)
export const decideContract = (contractId: string, decision: 'verified' | 'rejected', note?: string) =>
  apiSend<Contract>('POST', `/api/contracts/${id(contractId)}/decision`, { decision, ...(note ? { note } : {}) })
export const evidenceUrl = (contractId: string) => `/api/contracts/${id(contractId)}/evidence`

export const getPerformance = (orgId: string) => apiGet<Performance>(`/api/organisations/${id(orgId)}/performance`)
export const reportPerformance = (orgId: string, year: number, body: PerformanceInput) =>
  apiSend<Performance>('PUT', `/api/organisations/${id(orgId)}/performance/${year}`, body)

/** Sends the file itself as the body; the server checks its type from its bytes. */
export const uploadEvidence = (contractId: string, file: File) => apiUpload<Contract>(evidenceUrl(contractId), file)
