import { useTranslation } from 'react-i18next'
import type { ComponentState, Health, HealthComponent } from '../../../shared/schemas/health.js'
import { errorMessage } from '../api/error-message.js'
import { StatusBadge, type BadgeTone } from './status-badge.js'
import { useHealth } from './use-health.js'

const COMPONENTS = ['database', 'search', 'mail'] as const
type ComponentName = (typeof COMPONENTS)[number]

const TONES: Record<ComponentState | Health['status'], BadgeTone> = {
  ok: 'ok',
  up: 'ok',
  degraded: 'warn',
  down: 'bad',
}

export function PlatformStatus() {
  const { t } = useTranslation()
  const { result, reload } = useHealth()

  return (
    <section
      className="panel status-panel"
      aria-labelledby="platform-status-title"
      aria-busy={result.kind === 'loading'}
      data-testid="platform-status"
      data-state={result.kind}
    >
      <h2 id="platform-status-title">{t('status.title')}</h2>
      <div aria-live="polite">
        {result.kind === 'loading' && (
          <p className="muted" data-testid="status-loading">
            {t('status.loading')}
          </p>
        )}
        {result.kind === 'failed' && <StatusUnavailable error={result.error} onRetry={reload} />}
        {result.kind === 'ready' && <HealthReport health={result.health} checkedAt={result.checkedAt} />}
      </div>
    </section>
  )
}

function StatusUnavailable({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useTranslation()
  return (
    <div className="status-unavailable" data-testid="status-unavailable">
      <StatusBadge tone="neutral">{t('status.unavailable')}</StatusBadge>
      <p className="muted">{errorMessage(t, error)}</p>
      <button type="button" className="button button-secondary" onClick={onRetry}>
        {t('status.retry')}
      </button>
    </div>
  )
}

function HealthReport({ health, checkedAt }: { health: Health; checkedAt: Date }) {
  const { t, i18n } = useTranslation()
  const time = checkedAt.toLocaleTimeString(i18n.resolvedLanguage)
  return (
    <>
      <p className="status-overall" data-testid="status-overall" data-state={health.status}>
        <StatusBadge tone={TONES[health.status]}>{t(`status.overall.${health.status}`)}</StatusBadge>
      </p>
      <ul className="status-list">
        {COMPONENTS.map((name) => (
          <ComponentRow key={name} name={name} component={health[name]} />
        ))}
      </ul>
      <p className="status-meta muted">
        {t('status.version', { version: health.version })} · {t('status.checkedAt', { time })}
      </p>
    </>
  )
}

function ComponentRow({ name, component }: { name: ComponentName; component: HealthComponent }) {
  const { t } = useTranslation()
  return (
    <li className="status-row" data-testid={`status-${name}`} data-state={component.state}>
      <span className="status-name">{t(`status.components.${name}`)}</span>
      <StatusBadge tone={TONES[component.state]}>{t(`status.state.${component.state}`)}</StatusBadge>
      <span className="status-detail muted">
        {t('status.engine')}: <code>{component.engine}</code>
        {component.latencyMs !== undefined && (
          <>
            {' · '}
            {t('status.latency')}: {t('status.latencyValue', { ms: Math.round(component.latencyMs) })}
          </>
        )}
      </span>
    </li>
  )
}
