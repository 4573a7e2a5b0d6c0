import { useTranslation } from 'react-i18next'
import type { Language } from '../../../../shared/schemas/accounts.js'
import { SelectField, TextField } from '../form/fields.js'
import { browserTimeZone, useTimeZoneOptions, useUserLanguageOptions } from '../form/options.js'
import { isLanguage, type Language as UiLanguage } from '../../i18n/index.js'

export interface PersonValues {
  name: string
  email: string
  language: Language
  timeZone: string
}

export function initialPerson(uiLanguage: string | undefined): PersonValues {
  const language: UiLanguage = isLanguage(uiLanguage) ? uiLanguage : 'en'
  return { name: '', email: '', language, timeZone: browserTimeZone() }
}

interface PersonFieldsProps {
  values: PersonValues
  onChange: (values: PersonValues) => void
  /** Registration asks for the e-mail; an invitation and the profile already know it. */
  withEmail?: boolean
}

/** Name, e-mail, language and time zone; field names follow the API (`user.name`…). */
export function PersonFields({ values, onChange, withEmail = false }: PersonFieldsProps) {
  const { t } = useTranslation()
  const languages = useUserLanguageOptions()
  const timeZones = useTimeZoneOptions(values.timeZone)
  const set =
    <K extends keyof PersonValues>(key: K) =>
    (value: PersonValues[K]) =>
      onChange({ ...values, [key]: value })
  return (
    <>
      <TextField
        name="user.name"
        label={t('person.name')}
        value={values.name}
        onChange={set('name')}
        required
        maxLength={120}
        autoComplete="name"
      />
      {withEmail && (
        <TextField
          name="user.email"
          type="email"
          label={t('person.email')}
          hint={t('person.emailHint')}
          value={values.email}
          onChange={set('email')}
          required
          maxLength={254}
          autoComplete="email"
        />
      )}
      <div className="form-grid">
        <SelectField
          name="user.language"
          label={t('person.language')}
          hint={t('person.languageHint')}
          value={values.language}
          onChange={(value) => set('language')(isLanguage(value) ? value : 'en')}
          options={languages}
          required
        />
        <SelectField
          name="user.timeZone"
          label={t('person.timeZone')}
          hint={t('person.timeZoneHint')}
          value={values.timeZone}
          onChange={set('timeZone')}
          options={timeZones}
          required
        />
      </div>
    </>
  )
}
