import { useTranslation } from 'react-i18next'
import type { ScheduleStats } from '../../../../shared/schemas/schedules.js'

/** Breaks per person as bars, the fairness bound as a line: who waits most is seen at a glance. */
export function BreaksChart({
  participants,
  fairness,
}: {
  participants: ScheduleStats['participants']
  fairness: number | null
}) {
  const { t } = useTranslation()
  const rows = participants.slice(0, 20)
  const max = Math.max(1, fairness ?? 0, ...rows.map((p) => p.breaks))
  const width = 100 / max
  return (
    <figure className="breaks-chart" data-testid="breaks-chart">
      <figcaption>{t('schedule.breaksChart', { count: participants.length })}</figcaption>
      <ul className="plain-list">
        {rows.map((p) => (
          <li key={p.key} className="bar-row">
            <span className="bar-label" title={p.name}>
              {p.name}
            </span>
            <span className="bar-track">
              <span
                className={fairness !== null && p.breaks > fairness ? 'bar bar-over' : 'bar'}
                style={{ width: `${p.breaks * width}%` }}
              />
              {fairness !== null && (
                <span className="bar-limit" style={{ left: `${fairness * width}%` }} aria-hidden="true" />
              )}
            </span>
            <span className="bar-value">
              {t('schedule.breakCount', { count: p.breaks })}, {t('schedule.meetingCount', { count: p.meetings })}
            </span>
          </li>
        ))}
      </ul>
    </figure>
  )
}
