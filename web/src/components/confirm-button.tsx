import { useState, type ReactNode } from 'react'
import { useTranslation } from 'react-i18next'

interface ConfirmButtonProps {
  children: ReactNode
  /** The question shown beside the confirming button. */
  question: string
  confirmLabel: string
  onConfirm: () => void | Promise<void>
  testId: string
  danger?: boolean
  disabled?: boolean
}

/**
 * A button that asks before acting, in place rather than in a browser dialog;
 * the confirming button's test id is `${testId}-confirm`.
 */
export function ConfirmButton({
  children,
  question,
  confirmLabel,
  onConfirm,
  testId,
  danger,
  disabled,
}: ConfirmButtonProps) {
  const { t } = useTranslation()
  const [asking, setAsking] = useState(false)
  const [busy, setBusy] = useState(false)
  const tone = danger ? 'button-danger' : 'button-secondary'

  async function confirm() {
    setBusy(true)
    try {
      await onConfirm()
    } finally {
      setBusy(false)
      setAsking(false)
    }
  }

  if (!asking) {
    return (
      <button
        type="button"
        className={`button button-small ${tone}`}
        data-testid={testId}
        disabled={disabled}
        onClick={() => setAsking(true)}
      >
        {children}
      </button>
    )
  }
  return (
    <span className="confirm" role="group">
      <span className="confirm-question">{question}</span>
      <button
        type="button"
        className={`button button-small ${danger ? 'button-danger-solid' : ''}`}
        data-testid={`${testId}-confirm`}
        disabled={busy}
        onClick={() => void confirm()}
      >
        {confirmLabel}
      </button>
      <button
        type="button"
        className="button button-small button-secondary"
        data-testid={`${testId}-cancel`}
        onClick={() => setAsking(false)}
      >
        {t('common.cancel')}
      </button>
    </span>
  )
}
