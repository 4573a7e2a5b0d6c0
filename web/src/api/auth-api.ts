import type { Static } from '@sinclair/typebox'
import type {
  AcceptedSchema,
  CapturedMail,
  Consents,
  Invitation,
  PublicOrganiserSchema,
  Session,
  SignUp,
  UserInput,
} from '../../../shared/schemas/accounts.js'
import { apiGet, apiSend } from './client.js'

/** Public and session routes: registration, sign-in, invitations and the development mailbox. */

export type PublicOrganiser = Static<typeof PublicOrganiserSchema>
export type Accepted = Static<typeof AcceptedSchema>
export type InvitationPreview = Invitation & { accountExists: boolean }

export interface InvitationAcceptance {
  token: string
  user?: Omit<UserInput, 'email'>
  consents?: Consents
}

export const listOrganisers = () => apiGet<PublicOrganiser[]>('/api/organisers')
export const signUp = (body: SignUp) => apiSend<Accepted>('POST', '/api/auth/sign-up', body)

export const requestMagicLink = (email: string) => apiSend<Accepted>('POST', '/api/auth/magic-link', { email })
export const verifyMagicLink = (token: string) => apiSend<Session>('POST', '/api/auth/magic-link/verify', { token })
export const signInWithPassword = (email: string, password: string) =>
  apiSend<Session>('POST', '/api/auth/password', { email, password })

export const getSession = () => apiGet<Session>('/api/auth/session')
export const signOut = () => apiSend<void>('POST', '/api/auth/sign-out')
export const signOutEverywhere = () => apiSend<void>('POST', '/api/auth/sign-out-everywhere')

export const previewInvitation = (token: string) =>
  apiGet<InvitationPreview>(`/api/invitations/${encodeURIComponent(token)}`)
export const acceptInvitation = (body: InvitationAcceptance) =>
  apiSend<Session>('POST', '/api/invitations/accept', body)

export const listCapturedMail = () => apiGet<CapturedMail[]>('/api/dev/mailbox')
