import { useTranslation } from 'react-i18next'
import type { Slot } from '../../api/events-api.js'

interface SlotGridProps {
  slots: Slot[]
  /** Marks slots as unavailable and lets them be toggled (a participant's availability). */
  unavailable?: ReadonlySet<number>
  onToggle?: (index: number) => void
}

interface SessionGroup {
  key: string
  date: string
  sessionName: string
  slots: Slot[]
}

/** Groups slots by day and session, in the order the server numbered them. */
function groupSlots(slots: Slot[]): SessionGroup[] {
  const groups: SessionGroup[] = []
  for (const slot of slots) {
    const key = `${slot.day}:${slot.session}`
    let group = groups[groups.length - 1]
    if (group?.key !== key) {
      group = { key, date: slot.localStart.slice(0, 10), sessionName: slot.sessionName, slots: [] }
      groups.push(group)
    }
    group.slots.push(slot)
  }
  return groups
}

/** Days × sessions × slots, in the event's local time; each slot's test id is `slot-<index>`. */
export function SlotGrid({ slots, unavailable, onToggle }: SlotGridProps) {
  const { t } = useTranslation()
  if (slots.length === 0)
    return (
      <p className="muted" data-testid="slot-grid-empty">
        {t('slots.empty')}
      </p>
    )
  return (
    <div className="slot-grid" data-testid="slot-grid" data-count={slots.length}>
      {groupSlots(slots).map((group) => (
        <section className="slot-session" key={group.key} aria-label={`${group.date} ${group.sessionName}`}>
          <h4>
            {group.date} · {group.sessionName}{' '}
            <span className="muted small">{t('slots.count', { count: group.slots.length })}</span>
          </h4>
          <ul className="slot-list">
            {group.slots.map((slot) => {
              const off = unavailable?.has(slot.index) ?? false
              const label = `${slot.localStart.slice(11)}–${slot.localEnd}`
              return (
                <li key={slot.index}>
                  {onToggle ? (
                    <button
                      type="button"
                      className={off ? 'slot slot-off' : 'slot'}
                      aria-pressed={off}
                      data-testid={`slot-${slot.index}`}
                      onClick={() => onToggle(slot.index)}
                      title={off ? t('slots.unavailable') : t('slots.available')}
                    >
                      {label}
                    </button>
                  ) : (
                    <span className="slot" data-testid={`slot-${slot.index}`}>
                      {label}
                    </span>
                  )}
                </li>
              )
            })}
          </ul>
        </section>
      ))}
    </div>
  )
}
