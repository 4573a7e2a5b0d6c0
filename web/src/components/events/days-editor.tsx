import { useTranslation } from 'react-i18next'
import { TextField } from '../form/fields.js'
import { emptySession, type DayValues } from './event-values.js'

interface DaysEditorProps {
  days: DayValues[]
  onChange: (days: DayValues[]) => void
}

/** The event's days, each with one to six sessions (name, start, end); field names follow the body (`days.0.sessions.1.start`). */
export function DaysEditor({ days, onChange }: DaysEditorProps) {
  const { t } = useTranslation()
  const setDay = (index: number, day: DayValues) => onChange(days.map((d, i) => (i === index ? day : d)))
  const addDay = () => {
    const last = days[days.length - 1]
    onChange([
      ...days,
      { date: nextDate(last?.date), sessions: last ? last.sessions.map((s) => ({ ...s })) : [emptySession()] },
    ])
  }

  return (
    <fieldset className="form-section" data-testid="event-days">
      <legend>{t('eventForm.days')}</legend>
      {days.map((day, dayIndex) => (
        <div className="day-box" key={dayIndex} data-testid={`event-day-${dayIndex}`}>
          <div className="day-head">
            <TextField
              name={`days.${dayIndex}.date`}
              type="date"
              label={t('eventForm.date', { n: dayIndex + 1 })}
              value={day.date}
              onChange={(date) => setDay(dayIndex, { ...day, date })}
              required
            />
            {days.length > 1 && (
              <button
                type="button"
                className="button button-small button-danger"
                data-testid={`event-day-remove-${dayIndex}`}
                onClick={() => onChange(days.filter((_, i) => i !== dayIndex))}
              >
                {t('eventForm.removeDay')}
              </button>
            )}
          </div>
          {day.sessions.map((session, sIndex) => {
            const path = `days.${dayIndex}.sessions.${sIndex}`
            const setSession = (patch: Partial<typeof session>) =>
              setDay(dayIndex, {
                ...day,
                sessions: day.sessions.map((s, i) => (i === sIndex ? { ...s, ...patch } : s)),
              })
            return (
              <div className="form-grid form-grid-3 session-row" key={sIndex}>
                <TextField
                  name={`${path}.name`}
                  label={t('eventForm.sessionName')}
                  value={session.name}
                  onChange={(name) => setSession({ name })}
                  required
                  maxLength={40}
                />
                <TextField
                  name={`${path}.start`}
                  type="time"
                  label={t('eventForm.start')}
                  value={session.start}
                  onChange={(start) => setSession({ start })}
                  required
                />
                <TextField
                  name={`${path}.end`}
                  type="time"
                  label={t('eventForm.end')}
                  value={session.end}
                  onChange={(end) => setSession({ end })}
                  required
                />
                {day.sessions.length > 1 && (
                  <button
                    type="button"
                    className="link-button small"
                    onClick={() => setDay(dayIndex, { ...day, sessions: day.sessions.filter((_, i) => i !== sIndex) })}
                  >
                    {t('eventForm.removeSession')}
                  </button>
                )}
              </div>
            )
          })}
          {day.sessions.length < 6 && (
            <button
              type="button"
              className="button button-small button-secondary"
              data-testid={`event-session-add-${dayIndex}`}
              onClick={() => setDay(dayIndex, { ...day, sessions: [...day.sessions, emptySession()] })}
            >
              {t('eventForm.addSession')}
            </button>
          )}
        </div>
      ))}
      {days.length < 14 && (
        <button
          type="button"
          className="button button-small button-secondary"
          data-testid="event-day-add"
          onClick={addDay}
        >
          {t('eventForm.addDay')}
        </button>
      )}
    </fieldset>
  )
}

function nextDate(date: string | undefined): string {
  const ms = date ? Date.parse(`${date}T00:00:00Z`) : Number.NaN
  if (Number.isNaN(ms)) return ''
  return new Date(ms + 86_400_000).toISOString().slice(0, 10)
}
