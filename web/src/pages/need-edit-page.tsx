import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import type { Need } from '../../../shared/schemas/catalogue.js'
import { getOwnNeed } from '../api/catalogue-api.js'
import { AsyncView } from '../components/async-view.js'
import { EditorHeader } from '../components/catalogue/editor-header.js'
import { NeedEditor } from '../components/catalogue/need-editor.js'
import { useListingNavigation } from '../components/catalogue/use-listing-navigation.js'
import { MatchesPanel } from '../components/matching/matches-panel.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

/** `/organisations/:orgId/needs/new` and `/organisations/:orgId/needs/:needId`. */
export function NeedEditPage() {
  const { orgId = '', needId } = useParams()
  return (
    <RequireSession>
      {() =>
        needId ? (
          <ExistingNeed key={needId} orgId={orgId} needId={needId} />
        ) : (
          <NeedForm key="new" orgId={orgId} need={null} />
        )
      }
    </RequireSession>
  )
}

function ExistingNeed({ orgId, needId }: { orgId: string; needId: string }) {
  const need = useLoad(needId, () => getOwnNeed(orgId, needId))
  return (
    <AsyncView result={need.result} onRetry={() => need.reload()}>
      {(data) => <NeedForm orgId={orgId} need={data} onSaved={need.setData} />}
    </AsyncView>
  )
}

function NeedForm({ orgId, need, onSaved }: { orgId: string; need: Need | null; onSaved?: (need: Need) => void }) {
  const { t } = useTranslation()
  const go = useListingNavigation('need', orgId)
  useDocumentTitle(t('listing.need.editDocumentTitle', { title: need?.title ?? t('listing.need.newTitle') }))
  const saved = (updated: Need) => {
    onSaved?.(updated)
    go.saved(updated)
  }
  return (
    <div className="page-section" data-testid="need-editor">
      <EditorHeader kind="need" orgId={orgId} title={need?.title} status={need?.status} />
      <NeedEditor orgId={orgId} need={need} onSaved={saved} onDeleted={go.deleted} />
      {need && <MatchesPanel kind="need" id={need.id} />}
    </div>
  )
}
