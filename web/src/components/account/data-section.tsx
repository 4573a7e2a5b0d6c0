import { useTranslation } from 'react-i18next'
import { signOutEverywhere } from '../../api/auth-api.js'
import { exportMyData } from '../../api/me-api.js'
import { useEndSession } from '../../session/use-end-session.js'
import { ErrorNotice } from '../async-view.js'
import { ConfirmButton } from '../confirm-button.js'
import { useAction } from '../use-action.js'

function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob)
  const link = document.createElement('a')
  link.href = url
  link.download = fileName
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 1000)
}

/** A copy of one's data (GDPR art. 15 and 20) and ending every session at once. */
export function DataSection() {
  const { t } = useTranslation()
  const endSession = useEndSession()
  const action = useAction()

  const download = () => action.run(async () => saveBlob(await exportMyData(), 'my-data.json'))
  const endAll = () =>
    action.run(async () => {
      await signOutEverywhere()
      endSession('/sign-in', 'signedOutEverywhere')
    })

  return (
    <section className="panel" aria-labelledby="data-title">
      <h2 id="data-title">{t('account.dataTitle')}</h2>
      <div className="action-row">
        <div>
          <h3>{t('account.exportTitle')}</h3>
          <p className="muted">{t('account.exportText')}</p>
        </div>
        <button
          type="button"
          className="button button-secondary button-small"
          data-testid="export-data"
          onClick={() => void download()}
        >
          {t('account.exportButton')}
        </button>
      </div>
      <div className="action-row">
        <div>
          <h3>{t('account.sessionsTitle')}</h3>
          <p className="muted">{t('account.sessionsText')}</p>
        </div>
        <ConfirmButton
          testId="sign-out-everywhere"
          question={t('account.sessionsQuestion')}
          confirmLabel={t('account.sessionsConfirm')}
          onConfirm={endAll}
        >
          {t('account.sessionsButton')}
        </ConfirmButton>
      </div>
      {action.error !== null && <ErrorNotice error={action.error} testId="data-error" />}
    </section>
  )
}
