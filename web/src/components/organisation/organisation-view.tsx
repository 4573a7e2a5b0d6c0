import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { Organisation } from '../../../../shared/schemas/accounts.js'

/** The organisation's profile as a definition list; optional values show a dash. */
export function OrganisationView({ organisation }: { organisation: Organisation }) {
  const { t, i18n } = useTranslation()
  const region = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'region' })
  const language = new Intl.DisplayNames([i18n.resolvedLanguage ?? 'en'], { type: 'language' })
  const { address } = organisation
  const rows: [string, ReactNode][] = [
    [t('organisationForm.legalName'), organisation.legalName],
    [t('organisationForm.vatId'), organisation.vatId],
    [t('organisationForm.country'), organisation.country && (region.of(organisation.country) ?? organisation.country)],
    [t('organisationForm.headquarters'), address && `${address.street}, ${address.postalCode} ${address.city}`],
    [t('organisationForm.nuts2'), organisation.nuts2],
    [t('organisationForm.sizeClass'), organisation.sizeClass && t(`organisationForm.sizes.${organisation.sizeClass}`)],
    [t('organisationForm.naceCode'), organisation.naceCode],
    [
      t('organisationForm.website'),
      organisation.website && (
        <a href={organisation.website} rel="noopener noreferrer" target="_blank">
          {organisation.website}
        </a>
      ),
    ],
    [t('organisationForm.isSme'), organisation.isSme ? t('common.yes') : t('common.no')],
    [t('organisationForm.innovativeStartup'), organisation.innovativeStartup ? t('common.yes') : t('common.no')],
    [t('organisationForm.languages'), organisation.languages.map((code) => language.of(code) ?? code).join(', ')],
  ]
  return (
    <dl className="details" data-testid="organisation-view">
      {rows.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd>{value || '—'}</dd>
        </div>
      ))}
    </dl>
  )
}
