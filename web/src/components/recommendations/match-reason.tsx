import { useTranslation } from 'react-i18next'

/** The match's reason in the interface language, its score, and the offer–need pairs behind it. */
export function MatchReason({
  score,
  reason,
  pairs,
}: {
  score: number
  reason: { it: string; en: string }
  pairs: { offerId: string; offerTitle: string; needId: string; needTitle: string; score: number }[]
}) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage === 'it' ? 'it' : 'en'
  return (
    <div>
      <p data-testid="match-reason">{reason[language]}</p>
      <p className="muted small">
        {t('recommendations.score', { score: Math.round(score * 100) })}
        {pairs.length > 0 && ` · ${t('recommendations.pairs', { count: pairs.length })}: `}
        {pairs
          .slice(0, 3)
          .map((p) => `${p.offerTitle} ↔ ${p.needTitle}`)
          .join('; ')}
      </p>
    </div>
  )
}
