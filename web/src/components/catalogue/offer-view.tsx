import { useTranslation } from 'react-i18next'
import type { Offer } from '../../../../shared/schemas/catalogue.js'
import { useDateFormat } from '../use-date-format.js'
import { CodeList, CodeText, DetailsList, TrlText, type DetailRow } from './details-list.js'
import { useDisplayNames } from './use-display-names.js'

/** A published offer as buyers, organisers and the authority read it. */
export function OfferView({ offer }: { offer: Offer }) {
  const { t } = useTranslation()
  const names = useDisplayNames()
  const formatDate = useDateFormat('date')
  const rows: DetailRow[] = [
    [t('offerForm.cpvMain'), <CodeText key="cpv" kind="cpv" code={offer.cpvMain} />],
    [t('offerForm.cpvExtra'), offer.cpvExtra.length > 0 && <CodeList key="extra" kind="cpv" codes={offer.cpvExtra} />],
    [t('offerForm.naceCode'), offer.naceCode && <CodeText key="nace" kind="nace" code={offer.naceCode} />],
    [t('offerForm.s3Domain'), offer.s3Domain && <CodeText key="s3" kind="s3" code={offer.s3Domain} />],
    [t('offerForm.trl'), <TrlText key="trl" level={offer.trl} />],
    [t('offerForm.keywords'), offer.keywords.join(', ')],
    [t('offerForm.certifications'), offer.certifications.join(', ')],
    [t('offerForm.capacity'), offer.capacity],
    [t('offerForm.marketsServed'), offer.marketsServed.map(names.country).join(', ')],
    [t('listingForm.language'), names.language(offer.language)],
    [t('listing.columns.updated'), formatDate(offer.updatedAt)],
  ]
  return (
    <>
      <section className="panel">
        <p className="listing-description" data-testid="offer-description" lang={offer.language}>
          {offer.description}
        </p>
      </section>
      <section className="panel">
        <DetailsList rows={rows} testId="offer-details" />
      </section>
    </>
  )
}
