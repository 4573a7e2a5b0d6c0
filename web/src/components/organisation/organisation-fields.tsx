import { useTranslation } from 'react-i18next'
import { CheckboxField, CheckboxGroup } from '../form/choice-fields.js'
import { SelectField, TextField } from '../form/fields.js'
import { isEuCountry, useCountryOptions, useMeetingLanguageOptions } from '../form/options.js'
import type { OrganisationValues } from './organisation-values.js'

const SIZE_CLASSES = ['micro', 'small', 'medium', 'large'] as const
const NACE = '[A-U]?[0-9]{2}(\\.[0-9]{1,2})?'

interface OrganisationFieldsProps {
  values: OrganisationValues
  onChange: (values: OrganisationValues) => void
}

type TextKey = 'legalName' | 'vatId' | 'nuts2' | 'street' | 'postalCode' | 'city' | 'website' | 'naceCode'
const ADDRESS_KEYS: readonly TextKey[] = ['street', 'postalCode', 'city']
const UPPERCASE_KEYS: readonly TextKey[] = ['nuts2', 'naceCode']

/** The organisation's details, shared by registration and the profile editor. */
export function OrganisationFields({ values, onChange }: OrganisationFieldsProps) {
  const { t } = useTranslation()
  const euHq = isEuCountry(values.country) // the server asks EU organisations for their NUTS-2 region
  const set =
    <K extends keyof OrganisationValues>(key: K) =>
    (value: OrganisationValues[K]) =>
      onChange({ ...values, [key]: value })
  const text = (key: TextKey) => ({
    name: ADDRESS_KEYS.includes(key) ? `organisation.address.${key}` : `organisation.${key}`,
    label: t(`organisationForm.${key}`),
    value: values[key],
    onChange: (value: string) => set(key)(UPPERCASE_KEYS.includes(key) ? value.toUpperCase() : value),
  })
  return (
    <>
      <fieldset className="form-section">
        <legend>{t('organisationForm.identity')}</legend>
        <TextField {...text('legalName')} required minLength={2} maxLength={200} autoComplete="organization" />
        <div className="form-grid">
          <TextField {...text('vatId')} hint={t('organisationForm.vatIdHint')} required minLength={4} maxLength={20} />
          <SizeClassSelect value={values.sizeClass} onChange={set('sizeClass')} />
        </div>
        <div className="form-grid">
          <TextField
            {...text('naceCode')}
            hint={t('organisationForm.naceCodeHint')}
            optional
            pattern={NACE}
            maxLength={6}
          />
          <TextField
            {...text('website')}
            hint={t('organisationForm.websiteHint')}
            optional
            inputMode="url"
            autoComplete="url"
            maxLength={300}
          />
        </div>
        <CheckboxField
          name="organisation.isSme"
          label={t('organisationForm.isSme')}
          hint={t('organisationForm.isSmeHint')}
          checked={values.isSme}
          onChange={set('isSme')}
        />
        <CheckboxField
          name="organisation.innovativeStartup"
          label={t('organisationForm.innovativeStartup')}
          hint={t('organisationForm.innovativeStartupHint')}
          checked={values.innovativeStartup}
          onChange={set('innovativeStartup')}
        />
        <LanguagesGroup values={values.languages} onChange={set('languages')} />
      </fieldset>
      <fieldset className="form-section">
        <legend>{t('organisationForm.headquarters')}</legend>
        <TextField {...text('street')} required maxLength={200} autoComplete="street-address" />
        <div className="form-grid">
          <TextField {...text('postalCode')} required maxLength={20} autoComplete="postal-code" />
          <TextField {...text('city')} required maxLength={120} autoComplete="address-level2" />
        </div>
        <div className="form-grid">
          <CountrySelect value={values.country} onChange={set('country')} />
          <TextField
            {...text('nuts2')}
            hint={euHq ? t('organisationForm.nuts2Required') : t('organisationForm.nuts2Hint')}
            required={euHq}
            optional={!euHq}
            pattern="[A-Z]{2}[0-9A-Z]{2}"
            maxLength={4}
          />
        </div>
      </fieldset>
    </>
  )
}

function CountrySelect({ value, onChange }: { value: string; onChange: (value: string) => void }) {
  const { t } = useTranslation()
  const { eu, other } = useCountryOptions()
  return (
    <SelectField
      name="organisation.country"
      label={t('organisationForm.country')}
      value={value}
      onChange={onChange}
      required
      options={[]}
      groups={[
        { label: t('organisationForm.countriesEu'), options: eu },
        { label: t('organisationForm.countriesOther'), options: other },
      ]}
    />
  )
}

function SizeClassSelect({
  value,
  onChange,
}: {
  value: string
  onChange: (value: OrganisationValues['sizeClass']) => void
}) {
  const { t } = useTranslation()
  const options = SIZE_CLASSES.map((size) => ({ value: size, label: t(`organisationForm.sizes.${size}`) }))
  return (
    <SelectField
      name="organisation.sizeClass"
      label={t('organisationForm.sizeClass')}
      value={value}
      onChange={(v) => onChange(SIZE_CLASSES.find((size) => size === v) ?? '')}
      options={options}
      placeholder={t('form.choose')}
      required
    />
  )
}

function LanguagesGroup({ values, onChange }: { values: string[]; onChange: (values: string[]) => void }) {
  const { t } = useTranslation()
  const options = useMeetingLanguageOptions()
  return (
    <CheckboxGroup
      name="organisation.languages"
      legend={t('organisationForm.languages')}
      hint={t('organisationForm.languagesHint')}
      options={options}
      values={values}
      onChange={onChange}
    />
  )
}
