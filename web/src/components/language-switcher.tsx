import { useTranslation } from 'react-i18next'
import { changeLanguage, LANGUAGES } from '../i18n/index.js'

export function LanguageSwitcher() {
  const { t, i18n } = useTranslation()
  const current = i18n.resolvedLanguage

  return (
    <div className="language-switcher" role="group" aria-label={t('language.label')}>
      {LANGUAGES.map((language) => (
        <button
          key={language}
          type="button"
          data-lang={language}
          aria-pressed={current === language}
          lang={language}
          aria-label={`${language.toUpperCase()} – ${t(`language.${language}`)}`}
          onClick={() => void changeLanguage(language)}
        >
          {language.toUpperCase()}
        </button>
      ))}
    </div>
  )
}
