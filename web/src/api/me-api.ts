import type { Consents, User, UserInput } from '../../../shared/schemas/accounts.js'
import { apiDownload, apiGet, apiSend } from './client.js'

/** The signed-in person: profile, password, consents, data export and erasure. */

export type UserPatch = Partial<Omit<UserInput, 'email'>>

export const getMe = () => apiGet<User>('/api/me')
export const updateMe = (patch: UserPatch) => apiSend<User>('PATCH', '/api/me', patch)

export const setPassword = (body: { currentPassword?: string; newPassword: string }) =>
  apiSend<void>('PUT', '/api/me/password', body)

export const getConsents = () => apiGet<Consents>('/api/me/consents')
export const putConsents = (consents: Consents) => apiSend<Consents>('PUT', '/api/me/consents', consents)

export const exportMyData = () => apiDownload('/api/me/export')
export const deleteMe = (confirmEmail: string) => apiSend<void>('DELETE', '/api/me', { confirmEmail })
