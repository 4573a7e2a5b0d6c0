import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { viewOffer } from '../api/catalogue-api.js'
import { AsyncView } from '../components/async-view.js'
import { ListingPageHeader } from '../components/catalogue/listing-page-header.js'
import { RequestMeetingPanel } from '../components/participation/request-meeting-panel.js'
import { OfferView } from '../components/catalogue/offer-view.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function OfferPage() {
  const { offerId = '' } = useParams()
  return <RequireSession>{() => <PublishedOffer key={offerId} offerId={offerId} />}</RequireSession>
}

function PublishedOffer({ offerId }: { offerId: string }) {
  const { t } = useTranslation()
  const offer = useLoad(offerId, () => viewOffer(offerId))
  const title = offer.result.kind === 'ready' ? offer.result.data.title : t('detail.offer.title')
  useDocumentTitle(t('detail.documentTitle', { title }))
  return (
    <div className="page-section" data-testid="offer-page">
      <AsyncView result={offer.result} onRetry={() => offer.reload()}>
        {(data) => (
          <>
            <ListingPageHeader kind="offer" title={data.title} organisationName={data.organisation.legalName} />
            <OfferView offer={data} />
            <RequestMeetingPanel to={{ id: data.organisation.id, name: data.organisation.legalName }} />
          </>
        )}
      </AsyncView>
    </div>
  )
}
