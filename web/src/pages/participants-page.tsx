import { useTranslation } from 'react-i18next'
import { useParams, useSearchParams } from 'react-router'
import type { AffiliationStatus } from '../../../shared/schemas/accounts.js'
import { listParticipants } from '../api/organisations-api.js'
import { AsyncView } from '../components/async-view.js'
import { ParticipantInviteForm } from '../components/participants/participant-invite-form.js'
import { ParticipantRow } from '../components/participants/participant-row.js'
import { Segmented } from '../components/segmented.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'

const STATUSES: readonly AffiliationStatus[] = ['pending', 'validated', 'rejected']

function readStatus(value: string | null): AffiliationStatus {
  return STATUSES.find((status) => status === value) ?? 'pending'
}

export function ParticipantsPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <Participants key={orgId} orgId={orgId} />}</RequireSession>
}

function Participants({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const status = readStatus(params.get('status'))
  const participants = useLoad(`${orgId}:${status}`, () => listParticipants(orgId, status))
  useDocumentTitle(t('participants.documentTitle'))

  return (
    <div className="page-section" data-testid="participants-page">
      <header className="page-header">
        <h1>{t('participants.title')}</h1>
        <p className="lead">{t('participants.intro')}</p>
      </header>
      <div className="two-columns two-columns-wide-first">
        <section className="panel" aria-labelledby="participants-title">
          <h2 id="participants-title" className="visually-hidden">
            {t('participants.listTitle')}
          </h2>
          <Segmented
            label={t('participants.filter')}
            testIdPrefix="tab"
            value={status}
            onChange={(value) => setParams({ status: readStatus(value) })}
            options={STATUSES.map((s) => ({ value: s, label: t(`affiliation.${s}`) }))}
          />
          <AsyncView result={participants.result} onRetry={() => participants.reload()}>
            {(list) =>
              list.length === 0 ? (
                <p className="muted empty" data-testid="participants-empty">
                  {t(`participants.empty.${status}`)}
                </p>
              ) : (
                <ul className="plain-list" data-testid="participants-list">
                  {list.map((participant) => (
                    <ParticipantRow
                      key={participant.organisation.id}
                      orgId={orgId}
                      participant={participant}
                      onDecided={() => participants.reload(true)}
                    />
                  ))}
                </ul>
              )
            }
          </AsyncView>
        </section>
        <section className="panel" aria-labelledby="participant-invite-title">
          <h2 id="participant-invite-title">{t('participants.inviteTitle')}</h2>
          <p className="muted">{t('participants.inviteIntro')}</p>
          <ParticipantInviteForm orgId={orgId} />
        </section>
      </div>
    </div>
  )
}
