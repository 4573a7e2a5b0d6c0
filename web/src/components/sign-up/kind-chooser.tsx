import { useTranslation } from 'react-i18next'
import type { ParticipantKind } from '../../api/organisations-api.js'

const KINDS: readonly ParticipantKind[] = ['sme', 'buyer']

/** Two large cards: the first decision of a registration. */
export function KindChooser({ onChoose }: { onChoose: (kind: ParticipantKind) => void }) {
  const { t } = useTranslation()
  return (
    <ul className="kind-grid" aria-label={t('signUp.chooseKind')}>
      {KINDS.map((kind) => (
        <li key={kind}>
          <button type="button" className="kind-card" data-testid={`kind-${kind}`} onClick={() => onChoose(kind)}>
            <span className="kind-icon" aria-hidden="true">
              {kind === 'sme' ? '◆' : '■'}
            </span>
            <span className="kind-title">{t(`signUp.kinds.${kind}.title`)}</span>
            <span className="kind-text">{t(`signUp.kinds.${kind}.text`)}</span>
            <span className="kind-cta">{t('signUp.kindCta')} →</span>
          </button>
        </li>
      ))}
    </ul>
  )
}
