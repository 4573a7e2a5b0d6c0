import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../api/error-message.js'
import type { Loaded } from './use-load.js'

export function Loading() {
  const { t } = useTranslation()
  return (
    <p className="muted loading" role="status" data-testid="loading">
      {t('common.loading')}
    </p>
  )
}

export function ErrorNotice({ error, onRetry, testId }: { error: unknown; onRetry?: () => void; testId?: string }) {
  const { t } = useTranslation()
  const code = typeof error === 'object' && error !== null && 'code' in error ? String(error.code) : undefined
  return (
    <div className="notice notice-bad" role="alert" data-testid={testId ?? 'load-failed'} data-code={code}>
      <p>{errorMessage(t, error)}</p>
      {onRetry && (
        <button type="button" className="button button-secondary button-small" onClick={onRetry}>
          {t('common.retry')}
        </button>
      )}
    </div>
  )
}

/** Shows loading and failure the same way everywhere, and the data once it has arrived. */
export function AsyncView<T>({
  result,
  onRetry,
  children,
}: {
  result: Loaded<T>
  onRetry?: () => void
  children: (data: T) => ReactNode
}) {
  if (result.kind === 'loading') return <Loading />
  if (result.kind === 'failed') return <ErrorNotice error={result.error} onRetry={onRetry} />
  return <>{children(result.data)}</>
}
