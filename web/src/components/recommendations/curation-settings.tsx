import { useTranslation } from 'react-i18next'
import { getMatchingSettings, saveMatchingSettings } from '../../api/recommendations-api.js'
import { AsyncView, ErrorNotice } from '../async-view.js'
import { useAction } from '../use-action.js'
import { useLoad } from '../use-load.js'

/** Whether pairs that met at an earlier event of the edition may be recommended again (saving recomputes). */
export function CurationSettings({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const settings = useLoad(eventId, () => getMatchingSettings(eventId))
  const action = useAction()
  return (
    <AsyncView result={settings.result} onRetry={() => settings.reload()}>
      {(current) => (
        <>
          <label>
            <input
              type="checkbox"
              data-testid="curation-allow-repeat"
              checked={current.allowRepeatMeetings}
              onChange={(e) =>
                void action.run(async () =>
                  settings.setData(await saveMatchingSettings(eventId, { allowRepeatMeetings: e.target.checked })),
                )
              }
            />{' '}
            {t('recommendations.allowRepeat')}
          </label>
          {action.error !== null && <ErrorNotice error={action.error} testId="curation-settings-error" />}
        </>
      )}
    </AsyncView>
  )
}
