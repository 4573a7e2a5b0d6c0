import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Edition } from '../../../../shared/schemas/events.js'
import { listOrganisers } from '../../api/auth-api.js'
import { createEdition, updateEdition } from '../../api/events-api.js'
import { CodePicker } from '../code-picker/code-picker.js'
import { CheckboxGroup } from '../form/choice-fields.js'
import { TextField } from '../form/fields.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { useLoad } from '../use-load.js'
import {
  emptyEdition,
  fromEdition,
  KPI_KEYS,
  toEditionInput,
  toEditionPatch,
  type EditionValues,
} from './edition-values.js'

interface EditionFormProps {
  orgId: string
  /** Null for a new edition. */
  edition: Edition | null
  onSaved: (edition: Edition) => void
}

/** Opens or edits an edition: period, home region, target S3 domains, budget, KPI targets, partner hubs. */
export function EditionForm({ orgId, edition, onSaved }: EditionFormProps) {
  const { t } = useTranslation()
  const form = useForm()
  const [values, setValues] = useState<EditionValues>(() => (edition ? fromEdition(edition, orgId) : emptyEdition()))
  const [saved, setSaved] = useState(false)
  const hubs = useLoad('organisers', listOrganisers)
  const set = <K extends keyof EditionValues>(key: K, value: EditionValues[K]) =>
    setValues((v) => ({ ...v, [key]: value }))
  const partnerOptions =
    hubs.result.kind === 'ready'
      ? hubs.result.data.filter((hub) => hub.id !== orgId).map((hub) => ({ value: hub.id, label: hub.legalName }))
      : []

  const submit = (event: FormEvent<HTMLFormElement>) => {
    setSaved(false)
    void form.submit(event, async () => {
      onSaved(
        edition
          ? await updateEdition(edition.id, toEditionPatch(values))
          : await createEdition(orgId, toEditionInput(values)),
      )
      setSaved(true)
    })
  }

  return (
    <Form form={form} onSubmit={submit} testId="edition-form" className="form-wide" label={t('editions.formLabel')}>
      <TextField
        name="name"
        label={t('editions.name')}
        value={values.name}
        onChange={(v) => set('name', v)}
        required
        minLength={3}
        maxLength={160}
      />
      <div className="form-grid">
        <TextField
          name="periodStart"
          type="date"
          label={t('editions.periodStart')}
          value={values.periodStart}
          onChange={(v) => set('periodStart', v)}
          required
        />
        <TextField
          name="periodEnd"
          type="date"
          label={t('editions.periodEnd')}
          value={values.periodEnd}
          onChange={(v) => set('periodEnd', v)}
          required
        />
      </div>
      <CodePicker
        name="homeNuts2"
        kind="nuts2"
        label={t('editions.homeNuts2')}
        hint={t('editions.homeNuts2Hint')}
        value={values.homeNuts2}
        onChange={(v) => set('homeNuts2', v)}
        required
      />
      <CodePicker
        name="targetS3"
        kind="s3"
        multiple
        label={t('editions.targetS3')}
        optional
        value={values.targetS3}
        onChange={(v) => set('targetS3', v)}
      />
      <TextField
        name="budgetEur"
        type="number"
        inputMode="numeric"
        label={t('editions.budgetEur')}
        optional
        value={values.budgetEur}
        onChange={(v) => set('budgetEur', v)}
      />
      <fieldset className="form-section">
        <legend>{t('editions.kpiTitle')}</legend>
        <div className="form-grid">
          {KPI_KEYS.map((key) => (
            <TextField
              key={key}
              name={`kpiTargets.${key}`}
              type="number"
              label={t(`editions.kpi.${key}`)}
              value={values.kpiTargets[key]}
              onChange={(v) => set('kpiTargets', { ...values.kpiTargets, [key]: v })}
              required
            />
          ))}
        </div>
      </fieldset>
      {partnerOptions.length > 0 && (
        <CheckboxGroup
          name="coOrganiserIds"
          legend={t('editions.coOrganisers')}
          hint={t('editions.coOrganisersHint')}
          options={partnerOptions}
          values={values.coOrganiserIds}
          onChange={(v) => set('coOrganiserIds', v)}
        />
      )}
      <FormFailure testId="edition-error" />
      {saved && (
        <p className="notice notice-ok" role="status" data-testid="edition-saved">
          {t('common.saved')}
        </p>
      )}
      <div className="button-row">
        <SubmitButton testId="edition-save">{edition ? t('common.save') : t('editions.create')}</SubmitButton>
      </div>
    </Form>
  )
}
