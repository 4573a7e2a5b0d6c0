import { useCallback } from 'react'
import { useNavigate } from 'react-router'
import type { ListingStatus } from '../../../../shared/schemas/catalogue.js'
import { flashState, type Flash } from '../flash-notice.js'

const SAVED_FLASH: Record<ListingStatus, Flash> = {
  draft: 'listingSaved',
  published: 'listingPublished',
  archived: 'listingArchived',
}

/** After a save: the listing's own address (a new one gets its id) with a message; after deleting: the list. */
export function useListingNavigation(kind: 'offer' | 'need', orgId: string) {
  const navigate = useNavigate()
  const base = `/organisations/${orgId}/${kind}s`
  const saved = useCallback(
    (listing: { id: string; status: ListingStatus }) => {
      void navigate(`${base}/${listing.id}`, { replace: true, state: flashState(SAVED_FLASH[listing.status]) })
      window.scrollTo({ top: 0 }) // the message and the new status are at the top
    },
    [navigate, base],
  )
  const deleted = useCallback(() => void navigate(base, { state: flashState('listingDeleted') }), [navigate, base])
  return { saved, deleted }
}
