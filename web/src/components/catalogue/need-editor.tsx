import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Need } from '../../../../shared/schemas/catalogue.js'
import { createNeed, deleteNeed, updateNeed } from '../../api/catalogue-api.js'
import { Form, FormFailure, submitterValue } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { ListingActions, readListingStatus } from './listing-actions.js'
import { NeedFields } from './need-fields.js'
import { emptyNeed, fromNeed, toNeedInput, validateNeed, type NeedValues } from './need-values.js'

interface NeedEditorProps {
  orgId: string
  /** Null for a new need. */
  need: Need | null
  onSaved: (need: Need) => void
  onDeleted: () => void
}

export function NeedEditor({ orgId, need, onSaved, onDeleted }: NeedEditorProps) {
  const { t, i18n } = useTranslation()
  const form = useForm()
  const [values, setValues] = useState<NeedValues>(() =>
    need ? fromNeed(need) : emptyNeed(i18n.resolvedLanguage ?? 'en'),
  )

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const status = readListingStatus(submitterValue(event)) ?? need?.status ?? 'draft'
    const save = async () => {
      const input = toNeedInput(values, status)
      onSaved(need ? await updateNeed(orgId, need.id, input) : await createNeed(orgId, input))
    }
    void form.submit(event, save, { validate: () => validateNeed(values) })
  }

  const remove = async () => {
    if (!need) return
    await deleteNeed(orgId, need.id)
    onDeleted()
  }

  return (
    <Form form={form} onSubmit={submit} testId="need-form" className="form-wide" label={t('needForm.label')}>
      <NeedFields values={values} onChange={setValues} />
      <FormFailure testId="need-error" />
      <ListingActions kind="need" status={need?.status} onDelete={remove} />
    </Form>
  )
}
