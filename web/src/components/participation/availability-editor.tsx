import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { ApiError } from '../../api/client.js'
import { listSlots } from '../../api/events-api.js'
import { setAvailability } from '../../api/participation-api.js'
import { ErrorNotice, Loading } from '../async-view.js'
import { SlotGrid } from '../events/slot-grid.js'
import { useAction } from '../use-action.js'
import { useLoad } from '../use-load.js'

interface AvailabilityEditorProps {
  eventId: string
  orgId: string
  unavailable: number[]
  onSaved: (unavailable: number[]) => void
}

/**
 * The slots the organisation cannot attend. The slot grid is a hub-only route, so
 * when it is refused the slots are typed as numbers instead.
 */
export function AvailabilityEditor({ eventId, orgId, unavailable, onSaved }: AvailabilityEditorProps) {
  const { t } = useTranslation()
  const slots = useLoad(eventId, () =>
    listSlots(eventId).catch((error: unknown) =>
      error instanceof ApiError && error.status === 403 ? null : Promise.reject(error),
    ),
  )
  const [chosen, setChosen] = useState<Set<number>>(() => new Set(unavailable))
  const [typed, setTyped] = useState(unavailable.join(', '))
  const [saved, setSaved] = useState(false)
  const action = useAction()

  const toggle = (index: number) => {
    setSaved(false)
    setChosen((current) => {
      const next = new Set(current)
      if (next.has(index)) next.delete(index)
      else next.add(index)
      return next
    })
  }
  const save = (list: number[]) =>
    action.run(async () => {
      const result = await setAvailability(
        eventId,
        orgId,
        [...new Set(list)].sort((a, b) => a - b),
      )
      onSaved(result.unavailableSlots)
      setSaved(true)
    })

  if (slots.result.kind === 'loading') return <Loading />
  if (slots.result.kind === 'failed') return <ErrorNotice error={slots.result.error} onRetry={() => slots.reload()} />
  const grid = slots.result.data
  return (
    <div className="availability" data-testid="availability-editor">
      {grid ? (
        <>
          <p className="muted small">{t('availability.gridHint')}</p>
          <SlotGrid slots={grid} unavailable={chosen} onToggle={toggle} />
        </>
      ) : (
        <div className="field">
          <label htmlFor={`availability-${eventId}`}>{t('availability.numbers')}</label>
          <input
            id={`availability-${eventId}`}
            data-testid="availability-numbers"
            value={typed}
            onChange={(e) => setTyped(e.target.value)}
            inputMode="numeric"
          />
          <p className="field-hint">{t('availability.numbersHint')}</p>
        </div>
      )}
      <div className="button-row">
        <button
          type="button"
          className="button button-small"
          data-testid="availability-save"
          onClick={() => void save(grid ? [...chosen] : parseNumbers(typed))}
        >
          {t('availability.save')}
        </button>
      </div>
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="availability-saved">
          {t('common.saved')}
        </p>
      )}
      {action.error !== null && <ErrorNotice error={action.error} testId="availability-error" />}
    </div>
  )
}

function parseNumbers(text: string): number[] {
  return text
    .split(/[\s,;]+/)
    .filter(Boolean)
    .map(Number)
    .filter((n) => Number.isInteger(n) && n >= 0)
}
