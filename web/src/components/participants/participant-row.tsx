import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { Participant } from '../../../../shared/schemas/accounts.js'
import { decideParticipant, type Decision } from '../../api/organisations-api.js'
import { ErrorNotice } from '../async-view.js'
import { useAction } from '../use-action.js'
import { useDateFormat } from '../use-date-format.js'

interface ParticipantRowProps {
  orgId: string
  participant: Participant
  onDecided: () => void
}

/** One registration; pending ones can be validated, or rejected with a reason. */
export function ParticipantRow({ orgId, participant, onDecided }: ParticipantRowProps) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const { organisation } = participant
  return (
    <li
      className="list-row participant-row"
      data-testid="participant-row"
      data-org-id={organisation.id}
      data-status={participant.status}
    >
      <div className="participant-main">
        <Link to={`/organisations/${organisation.id}`} className="participant-name">
          {organisation.legalName}
        </Link>
        <div className="muted small">
          {t(`kinds.${organisation.kind}`)} · {organisation.nuts2 ?? organisation.country} ·{' '}
          {t('participants.registeredAt', { date: formatDate(participant.registeredAt) })}
          {participant.decidedAt && <> · {t('participants.decidedAt', { date: formatDate(participant.decidedAt) })}</>}
        </div>
        {participant.reason && (
          <p className="small reason">{t('participants.reasonWas', { reason: participant.reason })}</p>
        )}
      </div>
      {participant.status !== 'validated' && (
        <DecisionButtons orgId={orgId} participant={participant} onDecided={onDecided} />
      )}
    </li>
  )
}

function DecisionButtons({ orgId, participant, onDecided }: ParticipantRowProps) {
  const { t } = useTranslation()
  const action = useAction()
  const [rejecting, setRejecting] = useState(false)
  const [reason, setReason] = useState('')
  const participantId = participant.organisation.id

  const decide = (decision: Decision) =>
    action.run(async () => {
      const trimmed = reason.trim()
      await decideParticipant(
        orgId,
        participantId,
        trimmed && decision === 'rejected' ? { decision, reason: trimmed } : { decision },
      )
      onDecided()
    })

  return (
    <div className="decision">
      {rejecting ? (
        <div className="reject-box">
          <label htmlFor={`reason-${participantId}`}>{t('participants.reason')}</label>
          <textarea
            id={`reason-${participantId}`}
            data-testid="participant-reason"
            required
            aria-describedby={`reason-${participantId}-hint`}
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <p className="field-hint" id={`reason-${participantId}-hint`}>
            {t('participants.reasonHint')}
          </p>
          <div className="button-row">
            <button
              type="button"
              className="button button-small button-danger-solid"
              data-testid="participant-reject-confirm"
              disabled={reason.trim() === '' || action.busy}
              onClick={() => void decide('rejected')}
            >
              {t('participants.rejectConfirm')}
            </button>
            <button type="button" className="button button-small button-secondary" onClick={() => setRejecting(false)}>
              {t('common.cancel')}
            </button>
          </div>
        </div>
      ) : (
        <div className="button-row">
          <button
            type="button"
            className="button button-small"
            data-testid="participant-validate"
            onClick={() => void decide('validated')}
          >
            {t('participants.validate')}
          </button>
          {participant.status === 'pending' && (
            <button
              type="button"
              className="button button-small button-danger"
              data-testid="participant-reject"
              onClick={() => setRejecting(true)}
            >
              {t('participants.reject')}
            </button>
          )}
        </div>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="participant-error" />}
    </div>
  )
}
