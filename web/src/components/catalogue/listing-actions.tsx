import { useTranslation } from 'react-i18next'
import type { ListingStatus } from '../../../../shared/schemas/catalogue.js'
import { ErrorNotice } from '../async-view.js'
import { ConfirmButton } from '../confirm-button.js'
import { SubmitButton } from '../form/form.js'
import { useAction } from '../use-action.js'

const STATUSES: readonly ListingStatus[] = ['draft', 'published', 'archived']

/** The status a submit button asks for (its `value`), if it names one. */
export function readListingStatus(value: string | undefined): ListingStatus | undefined {
  return STATUSES.find((status) => status === value)
}

type ActionKey = 'saveDraft' | 'publish' | 'save' | 'unpublish' | 'archive' | 'republish'
interface ActionButton {
  key: ActionKey
  status: ListingStatus
  primary?: boolean
}

/** The first button also answers Enter in a field, so it always keeps the current status. */
const BUTTONS: Record<ListingStatus | 'new', ActionButton[]> = {
  new: [
    { key: 'saveDraft', status: 'draft' },
    { key: 'publish', status: 'published', primary: true },
  ],
  draft: [
    { key: 'saveDraft', status: 'draft' },
    { key: 'publish', status: 'published', primary: true },
  ],
  published: [
    { key: 'save', status: 'published', primary: true },
    { key: 'unpublish', status: 'draft' },
    { key: 'archive', status: 'archived' },
  ],
  archived: [
    { key: 'save', status: 'archived' },
    { key: 'republish', status: 'published', primary: true },
  ],
}

interface ListingActionsProps {
  /** Test ids are `<kind>-save-draft`, `<kind>-publish`, `<kind>-save`, `<kind>-unpublish`, `<kind>-archive`, `<kind>-republish`, `<kind>-delete`. */
  kind: 'offer' | 'need'
  /** Undefined while the listing is new. */
  status: ListingStatus | undefined
  onDelete: () => Promise<void>
}

/** Saving as draft, publishing and archiving all save the form; deleting asks first. */
export function ListingActions({ kind, status, onDelete }: ListingActionsProps) {
  const { t } = useTranslation()
  const action = useAction()
  const kebab = (key: ActionKey) => key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`)
  return (
    <>
      <div className="form-actions">
        {BUTTONS[status ?? 'new'].map((button) => (
          <SubmitButton
            key={button.key}
            value={button.status}
            testId={`${kind}-${kebab(button.key)}`}
            className={button.primary ? 'button' : 'button button-secondary'}
          >
            {t(`listing.actions.${button.key}`)}
          </SubmitButton>
        ))}
        {status !== undefined && (
          <ConfirmButton
            testId={`${kind}-delete`}
            danger
            question={t('listing.actions.deleteQuestion')}
            confirmLabel={t('listing.actions.deleteConfirm')}
            onConfirm={() => action.run(onDelete)}
          >
            {t('listing.actions.delete')}
          </ConfirmButton>
        )}
      </div>
      {action.error !== null && <ErrorNotice error={action.error} testId={`${kind}-delete-error`} />}
    </>
  )
}
