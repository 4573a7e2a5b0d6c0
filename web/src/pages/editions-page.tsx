import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import { listEditions } from '../api/events-api.js'
import { AsyncView } from '../components/async-view.js'
import { EditionForm } from '../components/events/edition-form.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

export function EditionsPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <Editions key={orgId} orgId={orgId} />}</RequireSession>
}

/** A hub's editions (call rounds) and a form to open a new one. */
function Editions({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const editions = useLoad(orgId, () => listEditions(orgId))
  useDocumentTitle(t('editions.documentTitle'))

  return (
    <div className="page-section" data-testid="editions-page">
      <header className="page-header">
        <h1>{t('editions.title')}</h1>
        <p className="lead">{t('editions.intro')}</p>
      </header>
      <div className="two-columns">
        <section className="panel" aria-labelledby="editions-list-title">
          <h2 id="editions-list-title">{t('editions.listTitle')}</h2>
          <AsyncView result={editions.result} onRetry={() => editions.reload()}>
            {(list) =>
              list.length === 0 ? (
                <p className="muted empty" data-testid="editions-empty">
                  {t('editions.empty')}
                </p>
              ) : (
                <ul className="plain-list" data-testid="editions-list">
                  {list.map((edition) => (
                    <li key={edition.id} className="list-row" data-testid="edition-row" data-edition-id={edition.id}>
                      <div>
                        <Link to={`/editions/${edition.id}`} className="row-title" data-testid="edition-link">
                          {edition.name}
                        </Link>
                        <div className="muted small">
                          {edition.periodStart} – {edition.periodEnd} · {edition.homeNuts2} ·{' '}
                          {edition.organisers.map((o) => o.legalName).join(', ')}
                        </div>
                      </div>
                    </li>
                  ))}
                </ul>
              )
            }
          </AsyncView>
        </section>
        <section className="panel" aria-labelledby="edition-new-title">
          <h2 id="edition-new-title">{t('editions.newTitle')}</h2>
          <EditionForm orgId={orgId} edition={null} onSaved={(edition) => void navigate(`/editions/${edition.id}`)} />
        </section>
      </div>
    </div>
  )
}
