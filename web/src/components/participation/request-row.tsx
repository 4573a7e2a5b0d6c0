import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { MeetingRequest, Representative } from '../../../../shared/schemas/participation.js'
import { chooseRepresentative, moveRequest } from '../../api/participation-api.js'
import { readRequestStatus, requestVerbs, type RequestVerb } from '../../../../shared/lifecycles/requests.js'
import { ErrorNotice } from '../async-view.js'
import { StatusBadge } from '../status-badge.js'
import { useAction } from '../use-action.js'
import { useDateFormat } from '../use-date-format.js'
import { requestTone } from './participation-status.js'

interface RequestRowProps {
  request: MeetingRequest
  /** incoming: the viewer may accept or decline; outgoing: withdraw; overview: read only (a hub's list). */
  direction: 'incoming' | 'outgoing' | 'overview'
  onChanged: (request: MeetingRequest) => void
  /** The viewer's representatives when it is the buyer: it chooses who holds the meeting. */
  representatives?: Representative[]
}

/** One meeting request with its status, and the moves open to the viewer while it is pending. */
export function RequestRow({ request, direction, onChanged, representatives = [] }: RequestRowProps) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  const action = useAction()
  const [declining, setDeclining] = useState(false)
  const [withdrawing, setWithdrawing] = useState(false)
  const [reason, setReason] = useState('')
  const status = readRequestStatus(request.status)
  const verbs =
    status === null || direction === 'overview'
      ? []
      : requestVerbs(status, direction === 'incoming' ? 'recipient' : 'sender')
  const counterpart = direction === 'incoming' ? request.fromName : request.toName

  const move = (verb: RequestVerb) =>
    action.run(async () => {
      onChanged(await moveRequest(request.id, verb, verb === 'decline' ? reason.trim() || undefined : undefined))
      setDeclining(false)
      setWithdrawing(false)
    })

  return (
    <li
      className="list-row request-row"
      data-testid="request-row"
      data-request-id={request.id}
      data-status={request.status}
    >
      <div>
        <div className="row-title">
          {direction === 'overview'
            ? t('requests.pair', {
                from: request.fromName ?? '—',
                to: request.toName ?? '—',
              })
            : (counterpart ?? '—')}
        </div>
        <div className="badge-row">
          <span data-testid="request-status">
            <StatusBadge tone={requestTone(request.status)}>
              {t(`requests.status.${statusKey(request.status)}`)}
            </StatusBadge>
          </span>
          <StatusBadge tone={request.priority === 'must_meet' ? 'warn' : 'neutral'}>
            {t(request.priority === 'must_meet' ? 'requests.mustMeet' : 'requests.meet')}
          </StatusBadge>
          {request.origin === 'organiser' && <StatusBadge tone="neutral">{t('requests.imposed')}</StatusBadge>}
        </div>
        {request.message && <p className="small">{request.message}</p>}
        {request.declineReason && (
          <p className="small reason">{t('requests.declineReasonWas', { reason: request.declineReason })}</p>
        )}
        <div className="muted small">{t('requests.sentAt', { date: formatDate(request.createdAt) })}</div>
        {representatives.length > 1 && (request.status === 'pending' || request.status === 'accepted') && (
          <div className="field field-inline">
            <label htmlFor={`held-by-${request.id}`}>{t('representatives.heldBy')}</label>
            <select
              id={`held-by-${request.id}`}
              data-testid="request-held-by"
              value={request.representativeId ?? ''}
              onChange={(e) =>
                void action.run(async () => onChanged(await chooseRepresentative(request.id, e.target.value || null)))
              }
            >
              <option value="">{t('representatives.anyone')}</option>
              {representatives.map((person) => (
                <option key={person.id} value={person.id}>
                  {person.name}
                </option>
              ))}
            </select>
          </div>
        )}
      </div>
      {verbs.includes('accept') && !declining && (
        <div className="button-row">
          <button
            type="button"
            disabled={action.busy}
            className="button button-small"
            data-testid="request-accept"
            onClick={() => void move('accept')}
          >
            {t('requests.accept')}
          </button>
          <button
            type="button"
            disabled={action.busy}
            className="button button-small button-danger"
            data-testid="request-decline"
            onClick={() => setDeclining(true)}
          >
            {t('requests.decline')}
          </button>
        </div>
      )}
      {declining && (
        <div className="reject-box">
          <label htmlFor={`decline-${request.id}`}>{t('requests.declineReason')}</label>
          <textarea
            id={`decline-${request.id}`}
            data-testid="request-decline-reason"
            rows={2}
            maxLength={500}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
          />
          <div className="button-row">
            <button
              type="button"
              disabled={action.busy}
              className="button button-small button-danger-solid"
              data-testid="request-decline-confirm"
              onClick={() => void move('decline')}
            >
              {t('requests.declineConfirm')}
            </button>
            <button
              type="button"
              disabled={action.busy}
              className="button button-small button-secondary"
              onClick={() => setDeclining(false)}
            >
              {t('common.cancel')}
            </button>
          </div>
        </div>
      )}
      {verbs.includes('withdraw') && !withdrawing && (
        <div className="button-row">
          <button
            type="button"
            disabled={action.busy}
            className="button button-small button-secondary"
            data-testid="request-withdraw"
            onClick={() => (status === 'accepted' ? setWithdrawing(true) : void move('withdraw'))}
          >
            {t('requests.withdraw')}
          </button>
        </div>
      )}
      {withdrawing && (
        <div className="reject-box" role="group" aria-labelledby={`withdraw-${request.id}`}>
          <p id={`withdraw-${request.id}`} data-testid="request-withdraw-warning">
            {t('requests.withdrawAcceptedWarning', { name: counterpart ?? '—' })}
          </p>
          <div className="button-row">
            <button
              type="button"
              disabled={action.busy}
              className="button button-small button-danger-solid"
              data-testid="request-withdraw-confirm"
              onClick={() => void move('withdraw')}
            >
              {t('requests.withdrawConfirm')}
            </button>
            <button
              type="button"
              disabled={action.busy}
              className="button button-small button-secondary"
              onClick={() => setWithdrawing(false)}
            >
              {t('requests.keepMeeting')}
            </button>
          </div>
        </div>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="request-error" />}
    </li>
  )
}

function statusKey(status: string): 'pending' | 'accepted' | 'declined' | 'withdrawn' | 'expired' {
  return status === 'accepted' || status === 'declined' || status === 'withdrawn' || status === 'expired'
    ? status
    : 'pending'
}
