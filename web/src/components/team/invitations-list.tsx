import { useTranslation } from 'react-i18next'
import type { Invitation } from '../../../../shared/schemas/accounts.js'
import { revokeInvitation } from '../../api/organisations-api.js'
import { ErrorNotice } from '../async-view.js'
import { ConfirmButton } from '../confirm-button.js'
import { StatusBadge } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { useDateFormat } from '../use-date-format.js'

interface InvitationsListProps {
  orgId: string
  invitations: Invitation[]
  onChanged: () => void
}

export function InvitationsList({ orgId, invitations, onChanged }: InvitationsListProps) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const action = useAction()
  const revoke = (id: string) =>
    action.run(async () => {
      await revokeInvitation(orgId, id)
      onChanged()
    })

  if (invitations.length === 0)
    return (
      <p className="muted" data-testid="invitations-empty">
        {t('team.noInvitations')}
      </p>
    )
  return (
    <>
      {action.error !== null && <ErrorNotice error={action.error} testId="invitations-error" />}
      <ul className="plain-list" data-testid="invitations-list">
        {invitations.map((invitation) => (
          <li key={invitation.id} className="list-row" data-testid="invitation-row" data-email={invitation.email}>
            <div>
              <strong>{invitation.email}</strong> · {t(`roles.${invitation.role}`)}
              <div className="muted small">
                {invitation.acceptedAt
                  ? t('team.acceptedAt', { date: formatDate(invitation.acceptedAt) })
                  : t('team.invitedBy', { name: invitation.invitedBy, date: formatDate(invitation.expiresAt) })}
              </div>
            </div>
            {invitation.acceptedAt ? (
              <StatusBadge tone="ok">{t('team.accepted')}</StatusBadge>
            ) : (
              <ConfirmButton
                testId="invitation-revoke"
                question={t('team.revokeQuestion')}
                confirmLabel={t('team.revokeConfirm')}
                onConfirm={() => revoke(invitation.id)}
              >
                {t('team.revoke')}
              </ConfirmButton>
            )}
          </li>
        ))}
      </ul>
    </>
  )
}
