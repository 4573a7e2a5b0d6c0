import { useTranslation } from 'react-i18next'
import { Link, useNavigate, useParams } from 'react-router'
import type { Session } from '../../../shared/schemas/accounts.js'
import { listInvitations, listMembers } from '../api/organisations-api.js'
import { AsyncView } from '../components/async-view.js'
import { flashState } from '../components/flash-notice.js'
import { InvitationsList } from '../components/team/invitations-list.js'
import { InviteForm } from '../components/team/invite-form.js'
import { MembersTable } from '../components/team/members-table.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useSession } from '../session/session-context.js'
import { useDocumentTitle } from '../use-document-title.js'

export function TeamPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{(session) => <Team key={orgId} orgId={orgId} session={session} />}</RequireSession>
}

function Team({ orgId, session }: { orgId: string; session: Session }) {
  const { t } = useTranslation()
  const navigate = useNavigate()
  const { reload } = useSession()
  const membership = session.memberships.find((m) => m.organisation.id === orgId)
  const isAdmin = membership?.role === 'admin'
  const members = useLoad(orgId, () => listMembers(orgId))
  const invitations = useLoad(isAdmin ? orgId : null, () => listInvitations(orgId))
  useDocumentTitle(t('team.documentTitle'))

  const left = () => {
    void navigate('/account', { state: flashState('leftOrganisation') })
    void reload()
  }

  return (
    <div className="page-section" data-testid="team-page">
      <header className="page-header">
        {membership && (
          <p className="eyebrow">
            <Link to={`/organisations/${orgId}`}>{membership.organisation.legalName}</Link>
          </p>
        )}
        <h1>{t('team.title')}</h1>
      </header>
      <section className="panel" aria-labelledby="members-title">
        <h2 id="members-title">{t('team.membersTitle')}</h2>
        <AsyncView result={members.result} onRetry={() => members.reload()}>
          {(list) => (
            <MembersTable
              orgId={orgId}
              members={list}
              myUserId={session.user.id}
              isAdmin={isAdmin}
              onChanged={() => members.reload(true)}
              onLeft={left}
            />
          )}
        </AsyncView>
      </section>
      {isAdmin && (
        <div className="two-columns">
          <section className="panel" aria-labelledby="invite-title">
            <h2 id="invite-title">{t('team.inviteTitle')}</h2>
            <InviteForm orgId={orgId} onInvited={() => invitations.reload(true)} />
          </section>
          <section className="panel" aria-labelledby="invitations-title">
            <h2 id="invitations-title">{t('team.invitationsTitle')}</h2>
            <AsyncView result={invitations.result} onRetry={() => invitations.reload()}>
              {(list) => (
                <InvitationsList orgId={orgId} invitations={list} onChanged={() => invitations.reload(true)} />
              )}
            </AsyncView>
          </section>
        </div>
      )}
    </div>
  )
}
