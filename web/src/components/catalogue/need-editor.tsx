import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Need } from '../../../../shared/schemas/catalogue.js'
import { createNeed, deleteNeed, updateNeed } from '../../api/catalogue-api.js'
import { Form, FormFailure, submitterValue } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { LeaveGuard, useUnsavedChanges } from '../form/unsaved-changes.js'
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
  const [initial, setInitial] = useState<NeedValues>(() =>
    need ? fromNeed(need) : emptyNeed(i18n.resolvedLanguage ?? 'en'),
  )
  const [values, setValues] = useState<NeedValues>(initial)
  const unsaved = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const status = readListingStatus(submitterValue(event)) ?? need?.status ?? 'draft'
    const save = async () => {
      const input = toNeedInput(values, status)
      const saved = need ? await updateNeed(orgId, need.id, input) : await createNeed(orgId, input)
      unsaved.release()
      setInitial(values)
      onSaved(saved)
    }
    void form.submit(event, save, { validate: () => validateNeed(values) })
  }

  const remove = async () => {
    if (!need) return
    await deleteNeed(orgId, need.id)
    unsaved.release()
    onDeleted()
  }

  return (
    <Form form={form} onSubmit={submit} testId="need-form" className="form-wide" label={t('needForm.label')}>
      <NeedFields values={values} onChange={setValues} />
      <FormFailure testId="need-error" />
      <ListingActions kind="need" status={need?.status} onDelete={remove} />
      <LeaveGuard blocker={unsaved.blocker} />
    </Form>
  )
}
