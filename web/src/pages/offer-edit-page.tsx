import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { Offer } from '../../../shared/schemas/catalogue.js'
import { getOwnOffer } from '../api/catalogue-api.js'
import { AsyncView } from '../components/async-view.js'
import { EditorHeader } from '../components/catalogue/editor-header.js'
import { OfferEditor } from '../components/catalogue/offer-editor.js'
import { useListingNavigation } from '../components/catalogue/use-listing-navigation.js'
import { MatchesPanel } from '../components/matching/matches-panel.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

/** `/organisations/:orgId/offers/new` and `/organisations/:orgId/offers/:offerId`. */
export function OfferEditPage() {
  const { orgId = '', offerId } = useParams()
  return (
    <RequireSession>
      {() =>
        offerId ? (
          <ExistingOffer key={offerId} orgId={orgId} offerId={offerId} />
        ) : (
          <OfferForm key="new" orgId={orgId} offer={null} />
        )
      }
    </RequireSession>
  )
}

function ExistingOffer({ orgId, offerId }: { orgId: string; offerId: string }) {
  const offer = useLoad(offerId, () => getOwnOffer(orgId, offerId))
  return (
    <AsyncView result={offer.result} onRetry={() => offer.reload()}>
      {(data) => <OfferForm orgId={orgId} offer={data} onSaved={offer.setData} />}
    </AsyncView>
  )
}

function OfferForm({
  orgId,
  offer,
  onSaved,
}: {
  orgId: string
  offer: Offer | null
  onSaved?: (offer: Offer) => void
}) {
  const { t } = useTranslation()
  const go = useListingNavigation('offer', orgId)
  useDocumentTitle(t('listing.offer.editDocumentTitle', { title: offer?.title ?? t('listing.offer.newTitle') }))
  const saved = (updated: Offer) => {
    onSaved?.(updated)
    go.saved(updated)
  }
  return (
    <div className="page-section" data-testid="offer-editor">
      <EditorHeader kind="offer" orgId={orgId} title={offer?.title} status={offer?.status} />
      <OfferEditor orgId={orgId} offer={offer} onSaved={saved} onDeleted={go.deleted} />
      {offer && <MatchesPanel kind="offer" id={offer.id} />}
    </div>
  )
}
