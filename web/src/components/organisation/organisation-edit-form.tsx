import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Organisation } from '../../../../shared/schemas/accounts.js'
import { updateOrganisation } from '../../api/organisations-api.js'
import { Form, FormFailure, SubmitButton } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { LeaveGuard, useUnsavedChanges } from '../form/unsaved-changes.js'
import { OrganisationFields } from './organisation-fields.js'
import {
  fromOrganisation,
  toOrganisationInput,
  validateOrganisation,
  type OrganisationValues,
} from './organisation-values.js'

interface OrganisationEditFormProps {
  organisation: Organisation
  onSaved: (organisation: Organisation) => void
  onCancel: () => void
}

export function OrganisationEditForm({ organisation, onSaved, onCancel }: OrganisationEditFormProps) {
  const { t, i18n } = useTranslation()
  const form = useForm()
  const [initial] = useState<OrganisationValues>(() => withSuggestions(organisation, i18n.resolvedLanguage ?? 'en'))
  const [values, setValues] = useState<OrganisationValues>(initial)
  const unsaved = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial))

  const submit = (event: FormEvent<HTMLFormElement>) =>
    void form.submit(
      event,
      async () => {
        const saved = await updateOrganisation(organisation.id, toOrganisationInput(values))
        unsaved.release()
        onSaved(saved)
      },
      {
        prefix: 'organisation.',
        validate: () => validateOrganisation(values),
      },
    )

  return (
    <Form form={form} onSubmit={submit} testId="organisation-form" className="form-wide">
      <OrganisationFields values={values} onChange={setValues} />
      <FormFailure testId="organisation-error" />
      <LeaveGuard blocker={unsaved.blocker} />
      <div className="form-actions">
        <SubmitButton testId="organisation-save">{t('common.save')}</SubmitButton>
        <button type="button" className="button button-secondary" data-testid="organisation-cancel" onClick={onCancel}>
          {t('common.cancel')}
        </button>
      </div>
    </Form>
  )
}

/** A profile started by an organiser's invitation gets the same defaults as a registration. */
function withSuggestions(organisation: Organisation, language: string): OrganisationValues {
  const values = fromOrganisation(organisation)
  if (organisation.profileComplete) return values
  return {
    ...values,
    isSme: values.isSme || organisation.kind === 'sme',
    languages: values.languages.length > 0 ? values.languages : [language],
  }
}
