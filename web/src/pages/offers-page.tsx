import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { listOffers } from '../api/catalogue-api.js'
import { MyListings } from '../components/catalogue/my-listings.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function OffersPage() {
  const { t } = useTranslation()
  const { orgId = '' } = useParams()
  useDocumentTitle(t('listing.offer.documentTitle'))
  const load = async () =>
    (await listOffers(orgId)).map((offer) => ({
      id: offer.id,
      title: offer.title,
      status: offer.status,
      cpv: offer.cpvMain,
      trl: offer.trl,
      updatedAt: offer.updatedAt,
    }))
  return <RequireSession>{() => <MyListings key={orgId} kind="offer" orgId={orgId} load={load} />}</RequireSession>
}
