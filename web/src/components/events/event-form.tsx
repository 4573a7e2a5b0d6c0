import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { MtbEvent } from '../../../../shared/schemas/events.js'
import { createEvent, updateEvent } from '../../api/events-api.js'
import { SelectField, TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { DaysEditor } from './days-editor.js'
import {
  COMMON_ZONES,
  DEADLINES,
  emptyEvent,
  fromEvent,
  toEventInput,
  toEventPatch,
  type EventValues,
} from './event-values.js'

interface EventFormProps {
  editionId: string
  /** Null for a new event. */
  event: MtbEvent | null
  /** The edition's first day, proposed as the new event's first day. */
  defaultDate?: string
  onSaved: (event: MtbEvent) => void
}

/** Sets up or edits an event: kind, format, time zone, days and sessions, slot length, tables, deadlines. */
export function EventForm({ editionId, event, defaultDate = '', onSaved }: EventFormProps) {
  const { t } = useTranslation()
  const form = useForm()
  const [values, setValues] = useState<EventValues>(() => (event ? fromEvent(event) : emptyEvent(defaultDate)))
  const [saved, setSaved] = useState(false)
  const set = <K extends keyof EventValues>(key: K, value: EventValues[K]) => setValues((v) => ({ ...v, [key]: value }))
  const zoneOptions = COMMON_ZONES.map((zone) => ({ value: zone, label: zone.replace(/_/g, ' ') }))
  const customZone = !COMMON_ZONES.some((zone) => zone === values.timeZone)

  const submit = (e: FormEvent<HTMLFormElement>) => {
    setSaved(false)
    void form.submit(e, async () => {
      onSaved(
        event ? await updateEvent(event.id, toEventPatch(values)) : await createEvent(editionId, toEventInput(values)),
      )
      setSaved(true)
    })
  }

  return (
    <Form form={form} onSubmit={submit} testId="event-form" className="form-wide" label={t('eventForm.label')}>
      <TextField
        name="name"
        testId="event-name"
        label={t('eventForm.name')}
        value={values.name}
        onChange={(v) => set('name', v)}
        required
        minLength={3}
        maxLength={160}
      />
      <div className="form-grid">
        <SelectField
          name="kind"
          testId="event-kind"
          label={t('eventForm.kind')}
          value={values.kind}
          onChange={(v) => set('kind', v === 'external' ? 'external' : 'own')}
          options={[
            { value: 'own', label: t('eventForm.kinds.own') },
            { value: 'external', label: t('eventForm.kinds.external') },
          ]}
        />
        <SelectField
          name="format"
          testId="event-format"
          label={t('eventForm.format')}
          value={values.format}
          onChange={(v) => set('format', v === 'online' || v === 'hybrid' ? v : 'venue')}
          options={(['venue', 'online', 'hybrid'] as const).map((f) => ({
            value: f,
            label: t(`eventForm.formats.${f}`),
          }))}
        />
      </div>
      {values.kind === 'external' && (
        <TextField
          name="externalOrganiser"
          label={t('eventForm.externalOrganiser')}
          optional
          value={values.externalOrganiser}
          onChange={(v) => set('externalOrganiser', v)}
          maxLength={200}
        />
      )}
      {values.format !== 'online' && (
        <TextField
          name="venue"
          label={t('eventForm.venue')}
          optional
          value={values.venue}
          onChange={(v) => set('venue', v)}
          maxLength={300}
        />
      )}
      {values.format !== 'venue' && (
        <TextField
          name="virtualLinkBase"
          type="url"
          label={t('eventForm.virtualLinkBase')}
          hint={t('eventForm.virtualLinkHint')}
          optional
          value={values.virtualLinkBase}
          onChange={(v) => set('virtualLinkBase', v)}
          pattern="https://.*"
          maxLength={300}
        />
      )}
      <div className="form-grid">
        <SelectField
          name="timeZoneChoice"
          testId="event-zone-choice"
          label={t('eventForm.timeZone')}
          value={customZone ? '' : values.timeZone}
          onChange={(v) => set('timeZone', v)}
          options={zoneOptions}
          placeholder={t('eventForm.otherZone')}
        />
        <TextField
          name="timeZone"
          testId="event-zone"
          label={t('eventForm.timeZoneText')}
          hint={t('eventForm.timeZoneHint')}
          value={values.timeZone}
          onChange={(v) => set('timeZone', v)}
          required
          maxLength={64}
        />
      </div>
      <DaysEditor days={values.days} onChange={(days) => set('days', days)} />
      <div className="form-grid form-grid-3">
        <TextField
          name="slotMinutes"
          testId="event-slot-minutes"
          type="number"
          label={t('eventForm.slotMinutes')}
          value={values.slotMinutes}
          onChange={(v) => set('slotMinutes', v)}
          required
        />
        <TextField
          name="gapMinutes"
          testId="event-gap-minutes"
          type="number"
          label={t('eventForm.gapMinutes')}
          value={values.gapMinutes}
          onChange={(v) => set('gapMinutes', v)}
          required
        />
        <TextField
          name="maxMeetingsPerParticipant"
          type="number"
          label={t('eventForm.maxMeetings')}
          value={values.maxMeetingsPerParticipant}
          onChange={(v) => set('maxMeetingsPerParticipant', v)}
          required
        />
      </div>
      <TextField
        name="tables"
        testId="event-tables"
        multiline
        label={t('eventForm.tables')}
        hint={t('eventForm.tablesHint')}
        optional
        value={values.tables}
        onChange={(v) => set('tables', v)}
      />
      <fieldset className="form-section">
        <legend>{t('eventForm.deadlines')}</legend>
        <p className="field-hint">{t('eventForm.deadlinesHint', { zone: values.timeZone })}</p>
        <div className="form-grid form-grid-3">
          {DEADLINES.map((key) => (
            <TextField
              key={key}
              name={key}
              type="datetime-local"
              label={t(`eventForm.${key}`)}
              optional
              value={values.deadlines[key]}
              onChange={(v) => set('deadlines', { ...values.deadlines, [key]: v })}
            />
          ))}
        </div>
      </fieldset>
      <FormFailure testId="event-error" />
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="event-saved">
          {t('common.saved')}
        </p>
      )}
      <div className="button-row">
        <SubmitButton testId="event-save">{event ? t('common.save') : t('eventForm.create')}</SubmitButton>
      </div>
    </Form>
  )
}
