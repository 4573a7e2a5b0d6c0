import { useTranslation } from 'react-i18next'
import { CodePicker } from '../code-picker/code-picker.js'
import { CpvSuggestions } from '../code-picker/cpv-suggestions.js'
import { TextField } from '../form/fields.js'
import { TextLanguageSelect, TrlSelect } from './catalogue-fields.js'
import type { OfferValues } from './offer-values.js'

interface OfferFieldsProps {
  values: OfferValues
  onChange: (values: OfferValues) => void
}

/** A NACE division (62) or class (62.01); the vocabulary's section letters are not accepted here. */
const NACE_CODE = /^[0-9]{2}(\.[0-9]{1,2})?$/

type TextKey = 'title' | 'description' | 'keywords' | 'certifications' | 'capacity' | 'marketsServed'

export function OfferFields({ values, onChange }: OfferFieldsProps) {
  const { t } = useTranslation()
  const set =
    <K extends keyof OfferValues>(key: K) =>
    (value: OfferValues[K]) =>
      onChange({ ...values, [key]: value })
  const text = (key: TextKey) => ({
    name: key,
    label: t(`offerForm.${key}`),
    value: values[key],
    onChange: key === 'marketsServed' ? (value: string) => set(key)(value.toUpperCase()) : set(key),
  })
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('offerForm.about')}</legend>
        <TextField {...text('title')} required minLength={3} maxLength={160} />
        <TextField
          {...text('description')}
          hint={t('offerForm.descriptionHint')}
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
            name="trl"
            label={t('offerForm.trl')}
            hint={t('offerForm.trlHint')}
            value={values.trl}
            onChange={set('trl')}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('offerForm.classification')}</legend>
        <CpvSuggestions
          title={values.title}
          description={values.description}
          language={values.language}
          chosen={[values.cpvMain, ...values.cpvExtra]}
          onMain={(code) => onChange({ ...values, cpvMain: code, cpvExtra: values.cpvExtra.filter((c) => c !== code) })}
          onAdd={(code) =>
            onChange(
              values.cpvMain === ''
                ? { ...values, cpvMain: code }
                : { ...values, cpvExtra: [...values.cpvExtra, code] },
            )
          }
        />
        <CodePicker
          name="cpvMain"
          kind="cpv"
          label={t('offerForm.cpvMain')}
          hint={t('offerForm.cpvMainHint')}
          required
          value={values.cpvMain}
          onChange={set('cpvMain')}
        />
        <CodePicker
          name="cpvExtra"
          kind="cpv"
          multiple
          label={t('offerForm.cpvExtra')}
          hint={t('offerForm.cpvExtraHint')}
          optional
          value={values.cpvExtra}
          onChange={set('cpvExtra')}
        />
        <div className="form-grid">
          <CodePicker
            name="naceCode"
            kind="nace"
            label={t('offerForm.naceCode')}
            hint={t('offerForm.naceCodeHint')}
            optional
            accept={NACE_CODE}
            allowTyped
            value={values.naceCode}
            onChange={set('naceCode')}
          />
          <CodePicker
            name="s3Domain"
            kind="s3"
            label={t('offerForm.s3Domain')}
            hint={t('offerForm.s3DomainHint')}
            optional
            value={values.s3Domain}
            onChange={set('s3Domain')}
          />
        </div>
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('offerForm.details')}</legend>
        <TextField {...text('keywords')} hint={t('listingForm.listHint')} optional maxLength={1200} />
        <TextField {...text('certifications')} hint={t('offerForm.certificationsHint')} optional maxLength={1200} />
        <TextField {...text('capacity')} hint={t('offerForm.capacityHint')} optional multiline maxLength={500} />
        <TextField {...text('marketsServed')} hint={t('offerForm.marketsServedHint')} optional maxLength={400} />
      </fieldset>
    </>
  )
}
