import { useTranslation } from 'react-i18next'
import type { Member, Role } from '../../../../shared/schemas/accounts.js'
import { changeMemberRole, removeMember } from '../../api/organisations-api.js'
import { ErrorNotice } from '../async-view.js'
import { ConfirmButton } from '../confirm-button.js'
import { useAction } from '../use-action.js'
import { useDateFormat } from '../use-date-format.js'

interface MembersTableProps {
  orgId: string
  members: Member[]
  myUserId: string
  isAdmin: boolean
  /** After a role change or a removal by an admin. */
  onChanged: () => void
  /** After the person removed themselves. */
  onLeft: () => void
}

const ROLES: readonly Role[] = ['admin', 'member']

export function MembersTable({ orgId, members, myUserId, isAdmin, onChanged, onLeft }: MembersTableProps) {
  const { t } = useTranslation()
  const formatDate = useDateFormat('date')
  const action = useAction()

  const setRole = (userId: string, role: Role) =>
    action.run(async () => {
      await changeMemberRole(orgId, userId, role)
      onChanged()
    })
  const remove = (userId: string) =>
    action.run(async () => {
      await removeMember(orgId, userId)
      if (userId === myUserId) onLeft()
      else onChanged()
    })

  return (
    <>
      {action.error !== null && <ErrorNotice error={action.error} testId="members-error" />}
      <table className="table table-responsive" data-testid="members-table">
        <thead>
          <tr>
            <th scope="col">{t('team.name')}</th>
            <th scope="col">{t('team.email')}</th>
            <th scope="col">{t('team.role')}</th>
            <th scope="col">{t('team.joined')}</th>
            <th scope="col">
              <span className="visually-hidden">{t('team.actions')}</span>
            </th>
          </tr>
        </thead>
        <tbody>
          {members.map((member) => {
            const isMe = member.userId === myUserId
            return (
              <tr key={member.userId} data-testid="member-row" data-user-id={member.userId} data-email={member.email}>
                <td data-label={t('team.name')}>
                  <span>
                    {member.name} {isMe && <span className="tag">{t('team.you')}</span>}
                  </span>
                </td>
                <td data-label={t('team.email')}>{member.email}</td>
                <td data-label={t('team.role')}>
                  {isAdmin ? (
                    <select
                      aria-label={t('team.roleOf', { name: member.name })}
                      value={member.role}
                      data-testid="member-role"
                      onChange={(event) =>
                        void setRole(member.userId, event.target.value === 'admin' ? 'admin' : 'member')
                      }
                    >
                      {ROLES.map((role) => (
                        <option key={role} value={role}>
                          {t(`roles.${role}`)}
                        </option>
                      ))}
                    </select>
                  ) : (
                    t(`roles.${member.role}`)
                  )}
                </td>
                <td data-label={t('team.joined')}>{formatDate(member.joinedAt)}</td>
                <td className="cell-actions">
                  {isMe ? (
                    <ConfirmButton
                      testId="member-leave"
                      question={t('team.leaveQuestion')}
                      confirmLabel={t('team.leaveConfirm')}
                      onConfirm={() => remove(member.userId)}
                      danger
                    >
                      {t('team.leave')}
                    </ConfirmButton>
                  ) : (
                    isAdmin && (
                      <ConfirmButton
                        testId="member-remove"
                        question={t('team.removeQuestion', { name: member.name })}
                        confirmLabel={t('team.removeConfirm')}
                        onConfirm={() => remove(member.userId)}
                        danger
                      >
                        {t('team.remove')}
                      </ConfirmButton>
                    )
                  )}
                </td>
              </tr>
            )
          })}
        </tbody>
      </table>
    </>
  )
}
