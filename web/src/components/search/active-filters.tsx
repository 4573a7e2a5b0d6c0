import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import type { SearchQuery } from '../../../../shared/schemas/catalogue.js'
import { useValueLabel, ValueText } from './facet-label.js'
import { filterValue, FILTERS, withoutFilter, withoutFilters, type Filter } from './search-params.js'

/** The filters in force as chips; each chip's link removes its filter. */
export function ActiveFilters({ query }: { query: SearchQuery }) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const active = FILTERS.flatMap((filter) => {
    const value = filterValue(query, filter)
    return value === undefined ? [] : [{ filter, value }]
  })
  if (active.length === 0) return null
  return (
    <div className="active-filters">
      <ul className="chips" aria-label={t('search.activeFilters')}>
        {active.map(({ filter, value }) => (
          <FilterChip
            key={filter}
            filter={filter}
            value={value}
            href={`?${withoutFilter(params, filter).toString()}`}
          />
        ))}
      </ul>
      {active.length > 1 && (
        <Link to={`?${withoutFilters(params).toString()}`} className="small" data-testid="filters-clear">
          {t('search.clearFilters')}
        </Link>
      )}
    </div>
  )
}

function FilterChip({ filter, value, href }: { filter: Filter; value: string; href: string }) {
  const { t } = useTranslation()
  const label = useValueLabel(filter, value)
  const name = t(`search.filters.${filter}`)
  return (
    <li className="chip" data-testid="active-filter" data-filter={filter} data-value={value}>
      <span className="chip-text">
        <span className="chip-name">{name}:</span> <ValueText label={label} />
      </span>
      <Link
        to={href}
        className="chip-remove"
        data-testid="active-filter-remove"
        aria-label={t('search.removeFilter', { name, value })}
      >
        <span aria-hidden="true">×</span>
      </Link>
    </li>
  )
}
