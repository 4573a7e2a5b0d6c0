import { useTranslation } from 'react-i18next'
import type { CpvSuggestionItem } from '../../../../shared/schemas/catalogue.js'
import { rememberEntry, suggestCpvCodes } from '../../api/taxonomies-api.js'
import { useDebouncedAnswer } from '../use-debounced-answer.js'

const DEBOUNCE_MS = 600
/** Below this many letters of title and description together there is nothing to read yet. */
const MIN_TEXT = 3

interface CpvSuggestionsProps {
  title: string
  description: string
  /** The language the text is written in (ISO 639-1). */
  language: string
  /** Codes already chosen: marked, not offered again. */
  chosen: readonly string[]
  /** Makes a suggestion the main code (offers); absent where the first chosen code is the main one (needs). */
  onMain?: (code: string) => void
  /** Adds a suggestion to the chosen codes. */
  onAdd: (code: string) => void
}

/**
 * CPV codes read from the title and description as they are written, for
 * people who do not know their codes: updated after a pause in typing, each
 * with its label, a bar for how likely it is beside the first, and buttons to
 * take it. The previous list stays while a newer one is on its way.
 */
export function CpvSuggestions({ title, description, language, chosen, onMain, onAdd }: CpvSuggestionsProps) {
  const { t, i18n } = useTranslation()
  const lang = i18n.resolvedLanguage === 'it' ? 'it' : 'en'
  const enough = `${title}${description}`.replace(/\s/g, '').length >= MIN_TEXT
  const key = `${lang}:${language}:${title}\n${description}`
  // An answer for older words stays shown until the new one comes: its codes can still be taken.
  const answer = useDebouncedAnswer(key, enough, DEBOUNCE_MS, () =>
    suggestCpvCodes({ title, description, language, lang }),
  )

  const pick = (item: CpvSuggestionItem, take: (code: string) => void) => {
    rememberEntry('cpv', item, lang)
    take(item.code)
  }
  const top = answer?.data?.[0]?.confidence ?? 0

  return (
    <section className="cpv-suggestions" data-testid="cpv-suggestions" aria-labelledby="cpv-suggestions-title">
      <h3 id="cpv-suggestions-title">{t('cpvSuggest.title')}</h3>
      <div aria-live="polite">
        {!enough || answer === null ? (
          <p className="muted small">{t(enough ? 'cpvSuggest.reading' : 'cpvSuggest.empty')}</p>
        ) : answer.failed ? (
          <p className="muted small">{t('cpvSuggest.failed')}</p>
        ) : answer.data.length === 0 ? (
          <p className="muted small">{t('cpvSuggest.none')}</p>
        ) : (
          <>
            <p className="muted small">{t('cpvSuggest.hint')}</p>
            <ol className="plain-list cpv-suggestion-list">
              {answer.data.map((item) => {
                const relative = top > 0 ? Math.round((item.confidence / top) * 100) : 0
                const taken = chosen.includes(item.code)
                return (
                  <li key={item.code} className="cpv-suggestion" data-testid="cpv-suggestion" data-code={item.code}>
                    <span className="value-code">{item.code}</span>
                    <span className="cpv-suggestion-label">{item.label}</span>
                    <span
                      className="bar-track"
                      role="img"
                      aria-label={t('cpvSuggest.likelihood', { percent: relative })}
                      title={t('cpvSuggest.likelihood', { percent: relative })}
                    >
                      <span className="bar" style={{ width: `${relative}%` }} />
                    </span>
                    <span className="cpv-suggestion-actions">
                      {taken ? (
                        <span className="muted small">{t('cpvSuggest.chosen')}</span>
                      ) : (
                        <>
                          {onMain && (
                            <button
                              type="button"
                              className="button button-small"
                              data-testid="cpv-suggestion-main"
                              onClick={() => pick(item, onMain)}
                            >
                              {t('cpvSuggest.useMain')}
                            </button>
                          )}
                          <button
                            type="button"
                            className="button button-small button-secondary"
                            data-testid="cpv-suggestion-add"
                            onClick={() => pick(item, onAdd)}
                          >
                            {t(onMain ? 'cpvSuggest.addOther' : 'cpvSuggest.add')}
                          </button>
                        </>
                      )}
                    </span>
                  </li>
                )
              })}
            </ol>
          </>
        )}
      </div>
    </section>
  )
}
