import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Participation } from '../../../../shared/schemas/participation.js'
import { changeParticipation, type ParticipationStatus } from '../../api/participation-api.js'
import { ErrorNotice } from '../async-view.js'
import { StatusBadge } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { hubSteps, readParticipationStatus } from './participation-status.js'

interface ParticipationCardProps {
  eventId: string
  participation: Participation
  onChanged: () => void
}

/** An organisation on the selection board; rejecting asks for the reason the server requires. */
export function ParticipationCard({ eventId, participation, onChanged }: ParticipationCardProps) {
  const { t } = useTranslation()
  const action = useAction()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const status = readParticipationStatus(participation.status)
  const steps = status ? hubSteps(status) : []
  const org = participation.organisation
  const orgId = participation.organisationId

  const move = (next: ParticipationStatus) =>
    action.run(async () => {
      await changeParticipation(
        eventId,
        orgId,
        next === 'rejected' ? { status: next, reason: reason.trim() } : { status: next },
      )
      setRejecting(false)
      onChanged()
    })

  return (
    <li className="board-card" data-testid="participation-card" data-org-id={orgId} data-status={participation.status}>
      <div className="board-card-name">{org?.legalName ?? orgId}</div>
      <div className="badge-row">
        {org && <StatusBadge tone="neutral">{t(`kinds.${org.kind === 'buyer' ? 'buyer' : 'sme'}`)}</StatusBadge>}
        {participation.outsideRegion && (
          <span data-testid="badge-outside-region">
            <StatusBadge tone="warn">{t('board.outsideRegion')}</StatusBadge>
          </span>
        )}
      </div>
      {participation.reason && <p className="small reason">{t('board.reasonWas', { reason: participation.reason })}</p>}
      {rejecting ? (
        <div className="reject-box">
          <label htmlFor={`reject-${orgId}`}>{t('board.reason')}</label>
          <textarea
            id={`reject-${orgId}`}
            data-testid="board-reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button
              type="button"
              className="button button-small button-danger-solid"
              data-testid="board-reject-confirm"
              disabled={reason.trim() === ''}
              onClick={() => void move('rejected')}
            >
              {t('board.rejectConfirm')}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        steps.length > 0 && (
          <div className="button-row">
            {steps.map((next) =>
              next === 'rejected' ? (
                <button
                  key={next}
                  type="button"
                  className="button button-small button-danger"
                  data-testid="board-move-rejected"
                  onClick={() => setRejecting(true)}
                >
                  {t('board.reject')}
                </button>
              ) : (
                <button
                  key={next}
                  type="button"
                  className="button button-small"
                  data-testid={`board-move-${next}`}
                  onClick={() => void move(next)}
                >
                  {t(`board.moveTo.${next}`)}
                </button>
              ),
            )}
          </div>
        )
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="board-error" />}
    </li>
  )
}
