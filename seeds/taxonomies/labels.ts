/** The two languages of the web app. */
export type Language = 'it' | 'en'

/** A label in both languages of the web app. */
export type Bilingual = Readonly<Record<Language, string>>
