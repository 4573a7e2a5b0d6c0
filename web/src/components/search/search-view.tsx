import { useTranslation } from 'react-i18next'
import { useSearchParams } from 'react-router'
import type { SearchQuery, SearchResult } from '../../../../shared/schemas/catalogue.js'
import type { SearchIndex } from '../../api/catalogue-api.js'
import { ErrorNotice, Loading } from '../async-view.js'
import { ActiveFilters } from './active-filters.js'
import { FacetPanels } from './facet-panels.js'
import { Pagination } from './pagination.js'
import { SearchBox } from './search-box.js'
import { SearchHits } from './search-hits.js'
import { readSearch, SORTS, withParam } from './search-params.js'
import { useSearchResults } from './use-search-results.js'

/** Search box, filters at the side, results with highlights and pages; all of it kept in the address. */
export function SearchView({ index }: { index: SearchIndex }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  const query = readSearch(params)
  const search = useSearchResults(index, query, true)

  return (
    <div className="page-section" data-testid={`search-${index}-page`}>
      <header className="page-header">
        <h1>{t(`search.${index}.title`)}</h1>
        <p className="lead">{t(`search.${index}.intro`)}</p>
      </header>
      <SearchBox index={index} q={query.q ?? ''} onSearch={(q) => setParams(withParam(params, 'q', q))} />
      <div className="search-layout">
        {search.result && <FacetPanels facets={search.result.facets} query={query} />}
        <section className="search-results" aria-busy={search.busy} aria-labelledby="search-results-title">
          <h2 id="search-results-title" className="visually-hidden">
            {t('search.results')}
          </h2>
          <ActiveFilters query={query} />
          {search.error !== null && <ErrorNotice error={search.error} onRetry={search.retry} testId="search-error" />}
          {search.result ? (
            <Results index={index} result={search.result} query={query} />
          ) : (
            search.error === null && <Loading />
          )}
        </section>
      </div>
    </div>
  )
}

function Results({ index, result, query }: { index: SearchIndex; result: SearchResult; query: SearchQuery }) {
  const { t } = useTranslation()
  const [params, setParams] = useSearchParams()
  return (
    <>
      <div className="results-bar">
        <p className="results-total" role="status" data-testid="search-total" data-total={result.total}>
          {t(`search.${index}.total`, { count: result.total })}
        </p>
        <label className="sort">
          <span>{t('search.sortLabel')}</span>
          <select
            value={query.sort ?? 'relevance'}
            data-testid="search-sort"
            onChange={(event) =>
              setParams(withParam(params, 'sort', event.target.value === 'relevance' ? '' : event.target.value))
            }
          >
            {SORTS.filter((sort) => index === 'needs' || sort !== 'deadline').map((sort) => (
              <option key={sort} value={sort}>
                {t(`search.sorts.${sort}`)}
              </option>
            ))}
          </select>
        </label>
      </div>
      {result.hits.length === 0 ? (
        <p className="muted empty" data-testid="search-empty">
          {t(`search.${index}.empty`)}
        </p>
      ) : (
        <SearchHits index={index} hits={result.hits} />
      )}
      <Pagination page={result.page} pageSize={result.pageSize} total={result.total} />
    </>
  )
}
