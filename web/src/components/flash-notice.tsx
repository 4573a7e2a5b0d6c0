import { useTranslation } from 'react-i18next'
import { useLocation } from 'react-router'

/** One-off messages handed to the next page through navigation state, e.g. after deleting an account. */
const FLASHES = [
  'accountDeleted',
  'signedOut',
  'signedOutEverywhere',
  'leftOrganisation',
  'listingSaved',
  'listingPublished',
  'listingArchived',
  'listingDeleted',
] as const
export type Flash = (typeof FLASHES)[number]

export function flashState(flash: Flash): { flash: Flash } {
  return { flash }
}

function readFlash(state: unknown): Flash | null {
  if (typeof state !== 'object' || state === null || !('flash' in state)) return null
  return FLASHES.find((flash) => flash === state.flash) ?? null
}

export function FlashNotice() {
  const { t } = useTranslation()
  const flash = readFlash(useLocation().state)
  if (flash === null) return null
  return (
    <p className="notice notice-ok" role="status" data-testid="flash" data-flash={flash}>
      {t(`flash.${flash}`)}
    </p>
  )
}
