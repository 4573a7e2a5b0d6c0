import { useTranslation } from 'react-i18next'
import type { ListingStatus } from '../../../../shared/schemas/catalogue.js'
import { StatusBadge, type BadgeTone } from '../status-badge.js'

const TONES: Record<ListingStatus, BadgeTone> = { draft: 'neutral', published: 'ok', archived: 'warn' }

export function ListingStatusBadge({ status }: { status: ListingStatus }) {
  const { t } = useTranslation()
  return (
    <span data-testid="listing-status" data-status={status}>
      <StatusBadge tone={TONES[status]}>{t(`listing.status.${status}`)}</StatusBadge>
    </span>
  )
}
