import { useTranslation } from 'react-i18next'
import type { RecommendationMarkValue } from '../../api/recommendations-api.js'

const MARKS: RecommendationMarkValue[] = ['must_meet', 'meet', 'no_thanks']

/** The three marks as a toggle group; pressing the current mark clears it. */
export function MarkButtons({
  value,
  busy,
  onChange,
}: {
  value: RecommendationMarkValue | null
  busy: boolean
  onChange: (mark: RecommendationMarkValue | null) => void
}) {
  const { t } = useTranslation()
  return (
    <div className="button-row" role="group" aria-label={t('recommendations.markLabel')}>
      {MARKS.map((mark) => (
        <button
          key={mark}
          type="button"
          className={`button button-small${value === mark ? '' : ' button-secondary'}`}
          aria-pressed={value === mark}
          disabled={busy}
          data-testid={`mark-${mark}`}
          onClick={() => onChange(value === mark ? null : mark)}
        >
          {t(`recommendations.mark.${mark}`)}
        </button>
      ))}
    </div>
  )
}
