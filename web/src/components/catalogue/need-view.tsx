import { useTranslation } from 'react-i18next'
import type { Need } from '../../../../shared/schemas/catalogue.js'
import { useDateFormat } from '../use-date-format.js'
import { CodeList, DetailsList, TrlText, type DetailRow } from './details-list.js'
import { useDisplayNames, useEuroFormat } from './use-display-names.js'

/** A published need as SMEs, organisers and the authority read it. */
export function NeedView({ need }: { need: Need }) {
  const { t } = useTranslation()
  const names = useDisplayNames()
  const formatDate = useDateFormat('date')
  const rows: DetailRow[] = [
    [t('needForm.cpvCodes'), <CodeList key="cpv" kind="cpv" codes={need.cpvCodes} />],
    [t('needForm.volume'), need.volume],
    [t('needForm.budget'), <Budget key="budget" min={need.budgetMinEur} max={need.budgetMaxEur} />],
    [t('needForm.deadline'), need.deadline && formatDate(`${need.deadline}T12:00:00Z`)],
    [t('needForm.requiredCertifications'), need.requiredCertifications.join(', ')],
    [t('needForm.minTrl'), need.minTrl !== undefined && <TrlText key="trl" level={need.minTrl} />],
    [t('listingForm.language'), names.language(need.language)],
    [t('listing.columns.updated'), formatDate(need.updatedAt)],
  ]
  return (
    <>
      <section className="panel">
        <p className="listing-description" data-testid="need-description" lang={need.language}>
          {need.description}
        </p>
      </section>
      <section className="panel">
        <DetailsList rows={rows} testId="need-details" />
      </section>
    </>
  )
}

function Budget({ min, max }: { min: number | undefined; max: number | undefined }) {
  const { t } = useTranslation()
  const euros = useEuroFormat()
  if (min !== undefined && max !== undefined)
    return <>{t('needForm.budgetRange', { min: euros(min), max: euros(max) })}</>
  if (min !== undefined) return <>{t('needForm.budgetFrom', { min: euros(min) })}</>
  if (max !== undefined) return <>{t('needForm.budgetUpTo', { max: euros(max) })}</>
  return <>—</>
}
