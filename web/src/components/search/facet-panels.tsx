import { useState } from 'react'
import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { SearchQuery } from '../../../../shared/schemas/catalogue.js'
import { useValueLabel, ValueText } from './facet-label.js'
import { FACET_FILTER, isFacetValueActive, PANELS, toggleFacet, type Panel } from './search-params.js'

const SHOWN = 8

interface FacetPanelsProps {
  facets: Record<string, Record<string, number>>
  query: SearchQuery
}

/** One panel per facet with values; each value is a link that sets (or, when set, clears) its filter. */
export function FacetPanels({ facets, query }: FacetPanelsProps) {
  const { t } = useTranslation()
  const [open, setOpen] = useState(false)
  const present = PANELS.filter((facet) => Object.values(facets[facet] ?? {}).some((count) => count > 0))
  return (
    <aside className="facets" data-open={open} aria-label={t('search.facetsLabel')}>
      <button
        type="button"
        className="button button-secondary facets-toggle"
        aria-expanded={open}
        data-testid="facets-toggle"
        onClick={() => setOpen(!open)}
      >
        {t('search.facetsToggle')}
      </button>
      <div className="facet-panels">
        {present.length === 0 && <p className="muted small">{t('search.noFacets')}</p>}
        {present.map((facet) => (
          <FacetPanel key={facet} facet={facet} counts={facets[facet] ?? {}} query={query} />
        ))}
      </div>
    </aside>
  )
}

function sortedValues(facet: Panel, counts: Record<string, number>): [string, number][] {
  const entries = Object.entries(counts)
  // Levels and time windows read best in order; everything else by how many results it has.
  if (facet === 'trl' || facet === 'closesWithin') return entries.sort(([a], [b]) => Number(a) - Number(b))
  return entries.sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
}

function FacetPanel({ facet, counts, query }: { facet: Panel; counts: Record<string, number>; query: SearchQuery }) {
  const { t } = useTranslation()
  const [all, setAll] = useState(false)
  const values = sortedValues(facet, counts)
  const active = values.findIndex(([value]) => isFacetValueActive(query, facet, value))
  // The chosen value stays visible even when it is not among the first few.
  const shown = all ? values : values.filter((_, index) => index < SHOWN || index === active)
  const headingId = `facet-${facet}-title`
  return (
    <section className="facet" data-testid={`facet-${facet}`} aria-labelledby={headingId}>
      <h3 id={headingId} className="facet-title">
        {t(`search.facets.${facet}`)}
      </h3>
      {FACET_FILTER[facet] === null && <p className="muted small">{t('search.facetInformative')}</p>}
      <ul className="facet-values">
        {shown.map(([value, count]) => (
          <FacetValue key={value} facet={facet} value={value} count={count} query={query} />
        ))}
      </ul>
      {values.length > SHOWN && (
        <button
          type="button"
          className="link-button small"
          data-testid={`facet-${facet}-more`}
          aria-expanded={all}
          onClick={() => setAll(!all)}
        >
          {all ? t('search.showFewer') : t('search.showAll', { count: values.length })}
        </button>
      )}
    </section>
  )
}

function FacetValue({
  facet,
  value,
  count,
  query,
}: {
  facet: Panel
  value: string
  count: number
  query: SearchQuery
}) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const label = useValueLabel(facet, value)
  const active = isFacetValueActive(query, facet, value)
  const content = (
    <>
      <span className="facet-check" aria-hidden="true" />
      <span className="facet-label">
        <ValueText label={label} />
      </span>
      <span className="facet-count">{count}</span>
    </>
  )
  if (FACET_FILTER[facet] === null) {
    return (
      <li className="facet-value facet-value-static" data-testid="facet-value" data-value={value}>
        {content}
      </li>
    )
  }
  return (
    <li>
      <Link
        to={`?${toggleFacet(params, query, facet, value).toString()}`}
        className="facet-value"
        data-testid="facet-value"
        data-value={value}
        aria-current={active ? 'true' : undefined}
      >
        {content}
        {active && <span className="visually-hidden"> {t('search.selected')}</span>}
      </Link>
    </li>
  )
}
