import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useParams } from 'react-router'
import type { Organisation } from '../../../shared/schemas/accounts.js'
import { getOrganisation } from '../api/organisations-api.js'
import { AsyncView } from '../components/async-view.js'
import { OrganisationEditForm } from '../components/organisation/organisation-edit-form.js'
import { OrganisationView } from '../components/organisation/organisation-view.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useMembershipOf, useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function OrganisationPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <OrganisationProfile key={orgId} orgId={orgId} />}</RequireSession>
}

function OrganisationProfile({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const organisation = useLoad(orgId, () => getOrganisation(orgId))
  const title = organisation.result.kind === 'ready' ? organisation.result.data.legalName : t('organisation.title')
  useDocumentTitle(t('organisation.documentTitle', { name: title }))
  return (
    <div className="page-section" data-testid="organisation-page">
      <AsyncView result={organisation.result} onRetry={() => organisation.reload()}>
        {(data) => <OrganisationDetails organisation={data} onSaved={organisation.setData} />}
      </AsyncView>
    </div>
  )
}

function OrganisationDetails({
  organisation,
  onSaved,
}: {
  organisation: Organisation
  onSaved: (o: Organisation) => void
}) {
  const { t } = useTranslation()
  const { reload } = useSession()
  const membership = useMembershipOf(organisation.id)
  const isAdmin = membership?.role === 'admin'
  const [editing, setEditing] = useState(isAdmin && !organisation.profileComplete)
  const [saved, setSaved] = useState(false)

  const save = (updated: Organisation) => {
    onSaved(updated)
    setEditing(false)
    setSaved(true)
    void reload() // the header shows the organisation's name
  }

  return (
    <>
      <header className="page-header page-header-row">
        <div>
          <p className="eyebrow">{t(`kinds.${organisation.kind}`)}</p>
          <h1>{organisation.legalName}</h1>
        </div>
        <div className="header-actions">
          {membership && (
            <Link to={`/organisations/${organisation.id}/team`} className="button button-secondary">
              {t('nav.team')}
            </Link>
          )}
          {isAdmin && !editing && (
            <button type="button" className="button" data-testid="organisation-edit" onClick={() => setEditing(true)}>
              {t('organisation.edit')}
            </button>
          )}
        </div>
      </header>
      {saved && !editing && (
        <p className="notice notice-ok" role="status" data-testid="organisation-saved">
          {t('organisation.saved')}
        </p>
      )}
      {!organisation.profileComplete && (
        <p className="notice notice-warn" data-testid="organisation-incomplete">
          {isAdmin ? t('organisation.incomplete') : t('organisation.incompleteMember')}
        </p>
      )}
      {editing ? (
        <OrganisationEditForm organisation={organisation} onSaved={save} onCancel={() => setEditing(false)} />
      ) : (
        <section className="panel">
          <OrganisationView organisation={organisation} />
        </section>
      )}
    </>
  )
}
