import type {
  AffiliationStatus,
  AuditEvent,
  Invitation,
  Member,
  Organisation,
  OrganisationPatch,
  Participant,
  ParticipantListQuery,
  ParticipantPage,
  Role,
} from '../../../shared/schemas/accounts.js'
import { apiGet, apiSend, searchOf } from './client.js'

/** An organisation and its team; an organiser's participants; the audit trail. */

const org = (orgId: string) => `/api/organisations/${encodeURIComponent(orgId)}`
const organiser = (orgId: string) => `/api/organisers/${encodeURIComponent(orgId)}`

export const getOrganisation = (orgId: string) => apiGet<Organisation>(org(orgId))
export const updateOrganisation = (orgId: string, patch: OrganisationPatch) =>
  apiSend<Organisation>('PATCH', org(orgId), patch)

export const listMembers = (orgId: string) => apiGet<Member[]>(`${org(orgId)}/members`)
export const changeMemberRole = (orgId: string, userId: string, role: Role) =>
  apiSend<Member>('PATCH', `${org(orgId)}/members/${encodeURIComponent(userId)}`, { role })
export const removeMember = (orgId: string, userId: string) =>
  apiSend<void>('DELETE', `${org(orgId)}/members/${encodeURIComponent(userId)}`)

export const listInvitations = (orgId: string) => apiGet<Invitation[]>(`${org(orgId)}/invitations`)
export const createInvitation = (orgId: string, body: { email: string; role: Role }) =>
  apiSend<Invitation>('POST', `${org(orgId)}/invitations`, body)
export const revokeInvitation = (orgId: string, invitationId: string) =>
  apiSend<void>('DELETE', `${org(orgId)}/invitations/${encodeURIComponent(invitationId)}`)

export type ParticipantKind = 'sme' | 'buyer'
export type Decision = Exclude<AffiliationStatus, 'pending'>

export const participantPage = (orgId: string, query: ParticipantListQuery) =>
  apiGet<ParticipantPage>(`${organiser(orgId)}/participants/page?${searchOf(query)}`)
export const decideParticipant = (
  orgId: string,
  participantOrgId: string,
  body: { decision: Decision; reason?: string },
) =>
  apiSend<Participant>(
    'POST',
    `${organiser(orgId)}/participants/${encodeURIComponent(participantOrgId)}/decision`,
    body,
  )
export const inviteParticipant = (orgId: string, body: { email: string; kind: ParticipantKind; legalName: string }) =>
  apiSend<Invitation>('POST', `${organiser(orgId)}/participant-invitations`, body)

export function listAuditEvents(options: {
  limit: number
  before?: string
  area?: string
  actor?: string
}): Promise<AuditEvent[]> {
  return apiGet<AuditEvent[]>(`/api/audit?${searchOf(options)}`)
}
