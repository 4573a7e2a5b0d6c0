import { useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { Offer } from '../../../../shared/schemas/catalogue.js'
import { createOffer, deleteOffer, updateOffer } from '../../api/catalogue-api.js'
import { Form, FormFailure, submitterValue } from '../form/form.js'
import { useForm } from '../form/use-form.js'
import { LeaveGuard, useUnsavedChanges } from '../form/unsaved-changes.js'
import { ListingActions, readListingStatus } from './listing-actions.js'
import { OfferFields } from './offer-fields.js'
import { emptyOffer, fromOffer, toOfferInput, validateOffer, type OfferValues } from './offer-values.js'

interface OfferEditorProps {
  orgId: string
  /** Null for a new offer. */
  offer: Offer | null
  onSaved: (offer: Offer) => void
  onDeleted: () => void
}

export function OfferEditor({ orgId, offer, onSaved, onDeleted }: OfferEditorProps) {
  const { t, i18n } = useTranslation()
  const form = useForm()
  const [initial, setInitial] = useState<OfferValues>(() =>
    offer ? fromOffer(offer) : emptyOffer(i18n.resolvedLanguage ?? 'en'),
  )
  const [values, setValues] = useState<OfferValues>(initial)
  const unsaved = useUnsavedChanges(JSON.stringify(values) !== JSON.stringify(initial))

  const submit = (event: FormEvent<HTMLFormElement>) => {
    const status = readListingStatus(submitterValue(event)) ?? offer?.status ?? 'draft'
    const save = async () => {
      const input = toOfferInput(values, status)
      const saved = offer ? await updateOffer(orgId, offer.id, input) : await createOffer(orgId, input)
      unsaved.release()
      setInitial(values)
      onSaved(saved)
    }
    void form.submit(event, save, { validate: () => validateOffer(values) })
  }

  const remove = async () => {
    if (!offer) return
    await deleteOffer(orgId, offer.id)
    unsaved.release()
    onDeleted()
  }

  return (
    <Form form={form} onSubmit={submit} testId="offer-form" className="form-wide" label={t('offerForm.label')}>
      <OfferFields values={values} onChange={setValues} />
      <FormFailure testId="offer-error" />
      <ListingActions kind="offer" status={offer?.status} onDelete={remove} />
      <LeaveGuard blocker={unsaved.blocker} />
    </Form>
  )
}
