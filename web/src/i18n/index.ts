import i18n from 'i18next'
import { initReactI18next } from 'react-i18next'
import en from './en.json'
import it from './it.json'

export const LANGUAGES = ['en', 'it'] as const
export type Language = (typeof LANGUAGES)[number]

const STORAGE_KEY = 'mtb.lang'

// Compile-time guard: each catalogue must have every key of the other.
const itHasEveryEnKey: typeof en = it
const enHasEveryItKey: typeof it = en
void itHasEveryEnKey
void enHasEveryItKey

declare module 'i18next' {
  interface CustomTypeOptions {
    defaultNS: 'translation'
    resources: { translation: typeof en }
  }
}

export function isLanguage(value: unknown): value is Language {
  return LANGUAGES.some((language) => language === value)
}

function readStoredLanguage(): string | null {
  try {
    return window.localStorage.getItem(STORAGE_KEY)
  } catch {
    return null // storage may be disabled (private mode, strict cookie settings)
  }
}

function detectLanguage(): Language {
  const stored = readStoredLanguage()
  if (isLanguage(stored)) return stored
  return navigator.language.toLowerCase().startsWith('it') ? 'it' : 'en'
}

/** Switches the interface language and remembers the choice for the next visit. */
export async function changeLanguage(language: Language): Promise<void> {
  try {
    window.localStorage.setItem(STORAGE_KEY, language)
  } catch {
    // Not fatal: the choice then lasts for this page only.
  }
  await i18n.changeLanguage(language)
}

/** Follows the signed-in person's language, unless someone chose one explicitly in this browser. */
export function adoptUserLanguage(language: Language): void {
  if (isLanguage(readStoredLanguage())) return
  if (i18n.resolvedLanguage !== language) void i18n.changeLanguage(language)
}

i18n.on('languageChanged', (language) => {
  document.documentElement.lang = language
})

// Resources are bundled, so initialisation completes synchronously.
void i18n.use(initReactI18next).init({
  resources: { en: { translation: en }, it: { translation: it } },
  lng: detectLanguage(),
  fallbackLng: 'en',
  supportedLngs: LANGUAGES,
  interpolation: { escapeValue: false }, // React already escapes output
  initAsync: false,
})

export default i18n
