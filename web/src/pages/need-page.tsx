import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import { viewNeed } from '../api/catalogue-api.js'
import { AsyncView } from '../components/async-view.js'
import { ListingPageHeader } from '../components/catalogue/listing-page-header.js'
import { RequestMeetingPanel } from '../components/participation/request-meeting-panel.js'
import { NeedView } from '../components/catalogue/need-view.js'
import { TenderPanel } from '../components/tenders/tender-panel.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function NeedPage() {
  const { needId = '' } = useParams()
  return <RequireSession>{() => <PublishedNeed key={needId} needId={needId} />}</RequireSession>
}

function PublishedNeed({ needId }: { needId: string }) {
  const { t } = useTranslation()
  const need = useLoad(needId, () => viewNeed(needId))
  const title = need.result.kind === 'ready' ? need.result.data.title : t('detail.need.title')
  useDocumentTitle(t('detail.documentTitle', { title }))
  return (
    <div className="page-section" data-testid="need-page">
      <AsyncView result={need.result} onRetry={() => need.reload()}>
        {(data) => (
          <>
            <ListingPageHeader kind="need" title={data.title} organisationName={data.organisation.legalName} />
            <TenderPanel needId={data.id} needLanguage={data.language} />
            <NeedView need={data} />
            <RequestMeetingPanel to={{ id: data.organisation.id, name: data.organisation.legalName }} />
          </>
        )}
      </AsyncView>
    </div>
  )
}
