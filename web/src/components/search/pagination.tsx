import { useTranslation } from 'react-i18next'
import { Link, useSearchParams } from 'react-router'
import { pageCount, withPage } from './search-params.js'

interface PaginationProps {
  page: number
  pageSize: number
  total: number
  /** The address key of the page, when a view has two lists that page apart. */
  param?: string
}

/** Previous and next as links (`page-prev`, `page-next`); at either end the control is shown disabled. */
export function Pagination({ page, pageSize, total, param = 'page' }: PaginationProps) {
  const { t } = useTranslation()
  const [params] = useSearchParams()
  const pages = pageCount(total, pageSize)
  if (pages <= 1 && page <= 1) return null
  const step = (to: number, testId: string, label: string, enabled: boolean) =>
    enabled ? (
      <Link
        to={`?${withPage(params, to, param).toString()}`}
        className="button button-secondary button-small"
        data-testid={testId}
        rel={testId === 'page-next' ? 'next' : 'prev'}
      >
        {label}
      </Link>
    ) : (
      <span className="button button-secondary button-small is-disabled" aria-disabled="true" data-testid={testId}>
        {label}
      </span>
    )
  return (
    <nav className="pagination" aria-label={t('search.pagination')}>
      {step(page - 1, 'page-prev', t('search.previous'), page > 1)}
      <span className="pagination-status" data-testid="page-status">
        {t('search.pageOf', { page, pages })}
      </span>
      {step(page + 1, 'page-next', t('search.next'), page < pages)}
    </nav>
  )
}
