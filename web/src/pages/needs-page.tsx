import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { listNeeds } from '../api/catalogue-api.js'
import { MyListings } from '../components/catalogue/my-listings.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function NeedsPage() {
  const { t } = useTranslation()
  const { orgId = '' } = useParams()
  useDocumentTitle(t('listing.need.documentTitle'))
  const load = async () =>
    (await listNeeds(orgId)).map((need) => ({
      id: need.id,
      title: need.title,
      status: need.status,
      cpv: need.cpvCodes[0],
      trl: need.minTrl,
      updatedAt: need.updatedAt,
    }))
  return <RequireSession>{() => <MyListings key={orgId} kind="need" orgId={orgId} load={load} />}</RequireSession>
}
