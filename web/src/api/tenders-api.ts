import type {
  NoticeReport,
  NoticeUpload,
  TenderListQuery,
  TenderLotView,
  TenderPage,
} from '../../../shared/schemas/tenders.js'
import { apiGet, apiSend, searchOf } from './client.js'

/** Public tenders a hub brings in from TED eForms notices. */

const tenders = (orgId: string) => `/api/organisers/${encodeURIComponent(orgId)}/tenders`

export const tenderPage = (orgId: string, query: TenderListQuery) =>
  apiGet<TenderPage>(`${tenders(orgId)}?${searchOf(query)}`)
export const previewNotices = (orgId: string, body: NoticeUpload) =>
  apiSend<NoticeReport[]>('POST', `${tenders(orgId)}/preview`, body)
export const importNotices = (orgId: string, body: NoticeUpload) =>
  apiSend<NoticeReport[]>('POST', `${tenders(orgId)}/import`, body)
export const tenderOfNeed = (needId: string) =>
  apiGet<{ tender: TenderLotView | null }>(`/api/needs/${encodeURIComponent(needId)}/tender`)
