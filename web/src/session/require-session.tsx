import type { ReactNode } from 'react'
import { Navigate, useLocation } from 'react-router'
import type { Session } from '../../../shared/schemas/accounts.js'
import { Loading } from '../components/async-view.js'
import { useSession } from './session-context.js'

/** Renders its children for a signed-in person; sends anyone else to sign in, then back here. */
export function RequireSession({ children }: { children: (session: Session) => ReactNode }) {
  const { status, session } = useSession()
  const location = useLocation()
  if (status === 'loading') return <Loading />
  if (!session) {
    const next = encodeURIComponent(location.pathname + location.search)
    return <Navigate to={`/sign-in?next=${next}`} replace />
  }
  return <>{children(session)}</>
}
