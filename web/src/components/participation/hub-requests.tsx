import { useTranslation } from 'react-i18next'
import { listRequests } from '../../api/participation-api.js'
import { AsyncView } from '../async-view.js'
import { useLoad } from '../use-load.js'
import { REQUEST_STATUSES } from './participation-status.js'
import { RequestForm } from './request-form.js'
import { RequestRow } from './request-row.js'

/** Every request of the event with counts per status, and a form to impose a meeting. */
export function HubRequests({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const requests = useLoad(eventId, () => listRequests(eventId))
  return (
    <div className="two-columns two-columns-wide-first">
      <section className="panel" aria-labelledby="hub-requests-title" data-testid="hub-requests">
        <h2 id="hub-requests-title">{t('requests.allTitle')}</h2>
        <AsyncView result={requests.result} onRetry={() => requests.reload()}>
          {(list) => (
            <>
              <ul className="count-row" aria-label={t('requests.countsLabel')}>
                {REQUEST_STATUSES.map((status) => (
                  <li key={status} data-testid={`request-count-${status}`}>
                    {t(`requests.status.${status}`)}: <strong>{list.filter((r) => r.status === status).length}</strong>
                  </li>
                ))}
              </ul>
              {list.length === 0 ? (
                <p className="muted empty" data-testid="requests-empty">
                  {t('requests.noneYet')}
                </p>
              ) : (
                <ul className="plain-list" data-testid="requests-list">
                  {list.map((request) => (
                    <RequestRow
                      key={request.id}
                      request={request}
                      direction="overview"
                      onChanged={() => requests.reload(true)}
                    />
                  ))}
                </ul>
              )}
            </>
          )}
        </AsyncView>
      </section>
      <section className="panel" aria-labelledby="impose-title">
        <h2 id="impose-title">{t('requests.imposeTitle')}</h2>
        <p className="muted small">{t('requests.imposeIntro')}</p>
        <RequestForm eventId={eventId} onSent={() => requests.reload(true)} />
      </section>
    </div>
  )
}
