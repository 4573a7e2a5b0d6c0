import { useMemo } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField } from '../form/fields.js'
import { MEETING_LANGUAGES } from '../form/options.js'

export const TRL_LEVELS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const

interface SelectProps {
  name: string
  label: string
  value: string
  onChange: (value: string) => void
  hint?: string
  optional?: boolean
}

/** Technology readiness levels 1–9, each with its meaning. */
export function TrlSelect({ optional, ...props }: SelectProps) {
  const { t } = useTranslation()
  const options = TRL_LEVELS.map((level) => ({
    value: level,
    label: t('trl.option', { level, meaning: t(`trl.levels.${level}`) }),
  }))
  return (
    <SelectField {...props} options={options} placeholder={t('form.choose')} required={!optional} optional={optional} />
  )
}

/** The language the text is written in: the usual ones, plus whatever a listing already has. */
export function TextLanguageSelect(props: SelectProps) {
  const { i18n } = useTranslation()
  const uiLanguage = i18n.resolvedLanguage ?? 'en'
  const options = useMemo(() => {
    const names = new Intl.DisplayNames([uiLanguage], { type: 'language' })
    const codes: string[] = [...MEETING_LANGUAGES]
    if (props.value && !codes.includes(props.value)) codes.push(props.value)
    return codes.map((code) => ({ value: code, label: names.of(code) ?? code }))
  }, [uiLanguage, props.value])
  return <SelectField {...props} options={options} required />
}
