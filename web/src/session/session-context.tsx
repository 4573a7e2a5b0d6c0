import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react'
import type { Membership, Session } from '../../../shared/schemas/accounts.js'
import { getSession } from '../api/auth-api.js'
import { onApiProblem } from '../api/client.js'
import { setCsrfToken } from '../api/csrf-token.js'
import { adoptUserLanguage } from '../i18n/index.js'
import { readStored, writeStored } from '../local-storage.js'

export type SessionStatus = 'loading' | 'signed-in' | 'signed-out'

export interface SessionValue {
  status: SessionStatus
  session: Session | null
  /** The organisation the person is acting for (chosen in the header when there are several). */
  membership: Membership | null
  selectOrganisation: (organisationId: string) => void
  /** After sign-in, sign-out or any change the server answered with a fresh session. */
  setSession: (session: Session | null) => void
  reload: () => Promise<void>
}

const ORG_KEY = 'mtb.org'
const SESSION_PATH = '/api/auth/session'
const SessionContext = createContext<SessionValue | null>(null)

export function SessionProvider({ children }: { children: ReactNode }) {
  const [status, setStatus] = useState<SessionStatus>('loading')
  const [session, setSessionState] = useState<Session | null>(null)
  const [orgId, setOrgId] = useState(() => readStored(ORG_KEY))

  const setSession = useCallback((next: Session | null) => {
    setCsrfToken(next?.csrfToken ?? null) // before any write the new page may make
    setSessionState(next)
    setStatus(next ? 'signed-in' : 'signed-out')
  }, [])

  const reload = useCallback(async () => {
    setSession(await getSession().catch(() => null))
  }, [setSession])

  useEffect(() => {
    void reload()
    // A call refused for a missing or stale session means ours has changed: ask again.
    return onApiProblem((error, path) => {
      if (path === SESSION_PATH) return
      if (error.code === 'auth.unauthenticated' || error.code === 'auth.csrf_failed') void reload()
    })
  }, [reload])

  const language = session?.user.language
  useEffect(() => {
    if (language) adoptUserLanguage(language)
  }, [language])

  const selectOrganisation = useCallback((id: string) => {
    setOrgId(id)
    writeStored(ORG_KEY, id)
  }, [])

  const value = useMemo<SessionValue>(() => {
    const memberships = session?.memberships ?? []
    const membership = memberships.find((m) => m.organisation.id === orgId) ?? memberships[0] ?? null
    return { status, session, membership, selectOrganisation, setSession, reload }
  }, [status, session, orgId, selectOrganisation, setSession, reload])

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>
}

export function useSession(): SessionValue {
  const value = useContext(SessionContext)
  if (!value) throw new Error('useSession must be used inside <SessionProvider>')
  return value
}

/** The person's membership of one organisation, if any. */
export function useMembershipOf(organisationId: string | undefined): Membership | null {
  const { session } = useSession()
  return session?.memberships.find((m) => m.organisation.id === organisationId) ?? null
}
