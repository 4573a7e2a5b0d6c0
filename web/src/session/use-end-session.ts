import { startTransition, useCallback } from 'react'
import { useNavigate } from 'react-router'
import { flashState, type Flash } from '../components/flash-notice.js'
import { useSession } from './session-context.js'

/**
 * Forgets the session and goes to `to` in one render: the router navigates in a
 * transition, so clearing the session outside it would first let the current
 * page's sign-in guard redirect to /sign-in and swallow the message.
 */
export function useEndSession(): (to: string, flash: Flash) => void {
  const navigate = useNavigate()
  const { setSession } = useSession()
  return useCallback(
    (to: string, flash: Flash) =>
      startTransition(() => {
        void navigate(to, { replace: true, state: flashState(flash) })
        setSession(null)
      }),
    [navigate, setSession],
  )
}
