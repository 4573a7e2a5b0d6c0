import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { Consents } from '../../../../shared/schemas/accounts.js'
import { getConsents, putConsents } from '../../api/me-api.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { ConsentFields } from '../person/consent-fields.js'
import { useAction } from '../use-action.js'
import { useLoad } from '../use-load.js'

/** Each toggle is saved as soon as it changes. */
export function ConsentsSection() {
  const { t } = useTranslation()
  const consents = useLoad('consents', getConsents)
  const action = useAction()
  const [saving, setSaving] = useState(false)
  const [saved, setSaved] = useState(false)

  // Optimistic: the box changes at once and goes back if the server refuses.
  const change = (previous: Consents, next: Consents) =>
    action.run(async () => {
      consents.setData(next)
      setSaving(true)
      setSaved(false)
      try {
        consents.setData(await putConsents(next))
        setSaved(true)
      } catch (error) {
        consents.setData(previous)
        throw error
      } finally {
        setSaving(false)
      }
    })

  return (
    <section className="panel" aria-labelledby="consents-title" data-testid="consents-section">
      <h2 id="consents-title">{t('account.consentsTitle')}</h2>
      <p className="muted">{t('account.consentsIntro')}</p>
      <AsyncView result={consents.result} onRetry={() => consents.reload()}>
        {(values) => (
          <div className="form">
            <ConsentFields values={values} onChange={(next) => void change(values, next)} disabled={saving} />
          </div>
        )}
      </AsyncView>
      {action.error !== null && <ErrorNotice error={action.error} testId="consents-error" />}
      <p role="status" className="form-status" data-testid="consents-saved">
        {saved ? t('common.saved') : null}
      </p>
    </section>
  )
}
