import { useTranslation } from 'react-i18next'
import { Link, useLocation } from 'react-router'
import type { SearchHit } from '../../../../shared/schemas/catalogue.js'
import type { SearchIndex } from '../../api/catalogue-api.js'
import { searchState } from '../catalogue/listing-page-header.js'
import { useDisplayNames } from '../catalogue/use-display-names.js'
import { useCodeLabel } from '../code-picker/use-code-label.js'
import { DeadlineCountdown } from '../tenders/deadline-countdown.js'
import { useValueLabel } from './facet-label.js'

const CODES_SHOWN = 3

/**
 * The server escapes all of a highlight and adds only `<mark>` and `</mark>`
 * (SearchHitSchema). As a second line of defence any other `<` is escaped
 * here too, so nothing but those two tags can ever reach the page.
 */
function onlyMarks(html: string): { __html: string } {
  return { __html: html.replace(/<(?!\/?mark>)/g, '&lt;') }
}

export function SearchHits({ index, hits }: { index: SearchIndex; hits: SearchHit[] }) {
  return (
    <ol className="hits" data-testid="search-hits">
      {hits.map((hit) => (
        <Hit key={hit.id} index={index} hit={hit} />
      ))}
    </ol>
  )
}

function Hit({ index, hit }: { index: SearchIndex; hit: SearchHit }) {
  const { t } = useTranslation()
  const { search } = useLocation()
  const names = useDisplayNames()
  const region = useValueLabel('region', hit.region ?? '')
  return (
    <li className="hit" data-testid="search-hit" data-id={hit.id}>
      <h3 className="hit-title">
        <Link to={`/${index}/${hit.id}`} state={searchState(search)} data-testid="search-hit-link">
          {/* Safe: only <mark> tags, everything else escaped by the server (see onlyMarks). */}
          <span lang={hit.language} dangerouslySetInnerHTML={onlyMarks(hit.highlight.title)} />
        </Link>
      </h3>
      <p className="hit-meta small">
        <span className="hit-organisation">{hit.organisationName}</span>
        {hit.region && (
          <span title={region.label}>
            {hit.region}
            {region.label && ` ${region.label}`}
          </span>
        )}
        {hit.trl !== undefined && (
          <span>{t(index === 'offers' ? 'search.hitTrl' : 'search.hitMinTrl', { value: hit.trl })}</span>
        )}
        <span>{names.language(hit.language)}</span>
        {hit.buyerType === 'public' && (
          <span>
            <span className="tag tag-public" data-testid="hit-public">
              {t('search.publicTender')}
            </span>
          </span>
        )}
        {hit.deadline && <DeadlineCountdown day={hit.deadline} testId="hit-deadline" />}
      </p>
      {/* Safe for the same reason as the title. */}
      <p className="hit-excerpt" lang={hit.language} dangerouslySetInnerHTML={onlyMarks(hit.highlight.description)} />
      {hit.cpv.length > 0 && (
        <ul className="hit-codes" aria-label={t('search.cpvCodes')}>
          {hit.cpv.slice(0, CODES_SHOWN).map((code) => (
            <CpvCode key={code} code={code} />
          ))}
          {hit.cpv.length > CODES_SHOWN && (
            <li className="muted">{t('search.moreCodes', { count: hit.cpv.length - CODES_SHOWN })}</li>
          )}
        </ul>
      )}
    </li>
  )
}

function CpvCode({ code }: { code: string }) {
  const label = useCodeLabel('cpv', code)
  return (
    <li className="code-tag" title={label}>
      <span className="value-code">{code}</span>
      {label && <span className="code-tag-label"> {label}</span>}
    </li>
  )
}
