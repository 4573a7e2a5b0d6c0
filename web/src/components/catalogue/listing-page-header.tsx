import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'

interface ListingPageHeaderProps {
  kind: 'offer' | 'need'
  title: string
  organisationName: string
}

/** The search a result was opened from, handed over in the link's state so "back" restores it. */
export function searchState(search: string): { from: string } {
  return { from: search }
}

function readFrom(state: unknown): string {
  if (typeof state !== 'object' || state === null || !('from' in state) || typeof state.from !== 'string') return ''
  return state.from.startsWith('?') ? state.from : ''
}

export function ListingPageHeader({ kind, title, organisationName }: ListingPageHeaderProps) {
  const { t } = useTranslation()
  const from = readFrom(useLocation().state)
  return (
    <header className="page-header">
      <p className="eyebrow">
        <Link to={`/search/${kind}s${from}`} data-testid="back-to-search">
          {t(`detail.${kind}.back`)}
        </Link>
      </p>
      <h1 data-testid={`${kind}-title`}>{title}</h1>
      <p className="lead" data-testid={`${kind}-organisation`}>
        {t(`detail.${kind}.by`, { name: organisationName })}
      </p>
    </header>
  )
}
