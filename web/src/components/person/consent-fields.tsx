import { useTranslation } from 'react-i18next'
import type { Consents } from '../../../../shared/schemas/accounts.js'
import { CheckboxField } from '../form/choice-fields.js'

interface ConsentFieldsProps {
  values: Consents
  onChange: (values: Consents) => void
  /** Registration cannot go ahead without agreeing to be shown to matched parties. */
  requireVisibility?: boolean
  disabled?: boolean
}

export function ConsentFields({ values, onChange, requireVisibility = false, disabled }: ConsentFieldsProps) {
  const { t } = useTranslation()
  return (
    <>
      <CheckboxField
        name="consents.profileVisibleToMatches"
        label={t('consents.profileVisibleToMatches')}
        hint={requireVisibility ? t('consents.profileVisibleRequired') : t('consents.profileVisibleHint')}
        checked={values.profileVisibleToMatches}
        onChange={(checked) => onChange({ ...values, profileVisibleToMatches: checked })}
        required={requireVisibility}
        disabled={disabled}
      />
      <CheckboxField
        name="consents.emailNotifications"
        label={t('consents.emailNotifications')}
        hint={t('consents.emailNotificationsHint')}
        checked={values.emailNotifications}
        onChange={(checked) => onChange({ ...values, emailNotifications: checked })}
        disabled={disabled}
      />
    </>
  )
}
