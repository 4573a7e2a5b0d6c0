import { useEffect, useRef } from 'react'
import { useTranslation } from 'react-i18next'
import { useBlocker, type Blocker } from 'react-router'

/**
 * Keeps unsaved edits from being lost: leaving the page in the app asks first (see `LeaveGuard`), and
 * reloading or closing the tab gets the browser's own warning. Call `release()` just before navigating
 * away after a successful save.
 */
export function useUnsavedChanges(dirty: boolean): { blocker: Blocker; release: () => void } {
  const dirtyRef = useRef(dirty)
  dirtyRef.current = dirty
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) => dirtyRef.current && currentLocation.pathname !== nextLocation.pathname,
  )
  useEffect(() => {
    if (!dirty) return
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault()
      event.returnValue = ''
    }
    window.addEventListener('beforeunload', warn)
    return () => window.removeEventListener('beforeunload', warn)
  }, [dirty])
  return {
    blocker,
    release: () => {
      dirtyRef.current = false
    },
  }
}

/** Asks, on the page, whether to leave with unsaved changes. */
export function LeaveGuard({ blocker }: { blocker: Blocker }) {
  const { t } = useTranslation()
  const stay = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (blocker.state === 'blocked') stay.current?.focus()
  }, [blocker.state])
  if (blocker.state !== 'blocked') return null
  return (
    <div className="leave-guard" role="alertdialog" aria-modal="true" aria-labelledby="leave-guard-title">
      <div className="leave-guard-box">
        <h2 id="leave-guard-title">{t('form.unsavedTitle')}</h2>
        <p>{t('form.unsavedText')}</p>
        <div className="button-row">
          <button ref={stay} type="button" className="button" data-testid="leave-stay" onClick={() => blocker.reset()}>
            {t('form.stay')}
          </button>
          <button
            type="button"
            className="button button-secondary"
            data-testid="leave-discard"
            onClick={() => blocker.proceed()}
          >
            {t('form.leave')}
          </button>
        </div>
      </div>
    </div>
  )
}
