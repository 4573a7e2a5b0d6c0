import { useTranslation } from 'react-i18next'
import { CodePicker } from '../code-picker/code-picker.js'
import { CpvSuggestions } from '../code-picker/cpv-suggestions.js'
import { SelectField, TextField } from '../form/fields.js'
import { TextLanguageSelect, TrlSelect } from './catalogue-fields.js'
import type { NeedValues, NeedVisibility } from './need-values.js'

interface NeedFieldsProps {
  values: NeedValues
  onChange: (values: NeedValues) => void
}

type TextKey =
  | 'title'
  | 'description'
  | 'volume'
  | 'budgetMinEur'
  | 'budgetMaxEur'
  | 'deadline'
  | 'requiredCertifications'
  | 'visibleTo'

export function NeedFields({ values, onChange }: NeedFieldsProps) {
  const { t } = useTranslation()
  const set =
    <K extends keyof NeedValues>(key: K) =>
    (value: NeedValues[K]) =>
      onChange({ ...values, [key]: value })
  const text = (key: TextKey) => ({ name: key, label: t(`needForm.${key}`), value: values[key], onChange: set(key) })
  const euros = { inputMode: 'numeric' as const, pattern: '[0-9]*', maxLength: 12, optional: true }
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('needForm.about')}</legend>
        <TextField {...text('title')} required minLength={3} maxLength={160} />
        <TextField
          {...text('description')}
          hint={t('needForm.descriptionHint')}
          multiline
          required
          minLength={10}
          maxLength={5000}
        />
        <div className="form-grid">
          <TextLanguageSelect
            name="language"
            label={t('listingForm.language')}
            hint={t('listingForm.languageHint')}
            value={values.language}
            onChange={set('language')}
          />
          <TrlSelect
            name="minTrl"
            label={t('needForm.minTrl')}
            hint={t('needForm.minTrlHint')}
            optional
            value={values.minTrl}
            onChange={set('minTrl')}
          />
        </div>
        <CpvSuggestions
          title={values.title}
          description={values.description}
          language={values.language}
          chosen={values.cpvCodes}
          onAdd={(code) => set('cpvCodes')([...values.cpvCodes, code])}
        />
        <CodePicker
          name="cpvCodes"
          kind="cpv"
          multiple
          mainFirst
          label={t('needForm.cpvCodes')}
          hint={t('needForm.cpvCodesHint')}
          required
          value={values.cpvCodes}
          onChange={set('cpvCodes')}
        />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('needForm.terms')}</legend>
        <TextField {...text('volume')} hint={t('needForm.volumeHint')} optional maxLength={200} />
        <div className="form-grid form-grid-3">
          <TextField {...text('budgetMinEur')} {...euros} />
          <TextField {...text('budgetMaxEur')} {...euros} />
          <TextField {...text('deadline')} type="date" optional />
        </div>
        <TextField {...text('requiredCertifications')} hint={t('listingForm.listHint')} optional maxLength={1200} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('needForm.visibility')}</legend>
        <VisibilitySelect value={values.visibility} onChange={set('visibility')} />
        {values.visibility === 'selected' && (
          <TextField {...text('visibleTo')} hint={t('needForm.visibleToHint')} multiline required maxLength={8000} />
        )}
      </fieldset>
    </>
  )
}

function VisibilitySelect({ value, onChange }: { value: NeedVisibility; onChange: (value: NeedVisibility) => void }) {
  const { t } = useTranslation()
  return (
    <SelectField
      name="visibility"
      label={t('needForm.visibilityLabel')}
      hint={t(`needForm.visibilityHint.${value}`)}
      value={value}
      onChange={(next) => onChange(next === 'selected' ? 'selected' : 'public')}
      options={[
        { value: 'public', label: t('needForm.visibilities.public') },
        { value: 'selected', label: t('needForm.visibilities.selected') },
      ]}
    />
  )
}
