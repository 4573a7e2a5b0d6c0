import { useTranslation } from 'react-i18next'
import type { ParticipationBoard, ParticipationBoardQuery } from '../../../../shared/schemas/participation.js'
import { participationBoard } from '../../api/participation-api.js'
import { AsyncView } from '../async-view.js'
import { Pagination } from '../search/pagination.js'
import { pageParam, useAddressQuery } from '../use-address-query.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { ParticipationCard } from './participation-card.js'
import { BOARD_STATUSES, readParticipationStatus } from './participation-status.js'
import { KindFilter, ORGANISATION_KINDS, SearchFilter } from '../form/list-filters.js'

/** Cards a page when one step is open on its own. */
const STEP_PAGE_SIZE = 48

/** `?tab=selection&bq=nord&bkind=buyer&bstatus=applied&page=2`: the board as it was after a reload. */
function readQuery(params: URLSearchParams): ParticipationBoardQuery {
  const status = BOARD_STATUSES.find((s) => s === params.get('bstatus'))
  const kind = ORGANISATION_KINDS.find((k) => k === params.get('bkind'))
  const q = params.get('bq')?.slice(0, 100)
  return {
    ...(status ? { status, page: pageParam(params), pageSize: STEP_PAGE_SIZE } : {}),
    ...(kind ? { kind } : {}),
    ...(q ? { q } : {}),
  }
}

/** The columns whose step this page knows, typed by it. */
const knownSteps = (columns: ParticipationBoard['columns']) =>
  columns.flatMap((column) => {
    const status = readParticipationStatus(column.status)
    return status ? [{ ...column, status }] : []
  })

const writeQuery = (query: ParticipationBoardQuery) => ({
  bq: query.q,
  bkind: query.kind,
  bstatus: query.status,
  page: query.page && query.page > 1 ? query.page : undefined,
})

/**
 * One column per lifecycle step with its count and first cards; a step with
 * more opens on its own, a page at a time. Filtered by name and kind. Each
 * card offers only the legal next steps.
 */
export function SelectionBoard({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [query, setQuery] = useAddressQuery(readQuery, writeQuery)
  const board = useLoad(`${eventId}:${JSON.stringify(query)}`, () => participationBoard(eventId, query))
  const set = (patch: Partial<ParticipationBoardQuery>) => {
    const { page: _page, pageSize: _size, ...rest } = { ...query, ...patch }
    setQuery(rest.status ? { ...rest, page: 1, pageSize: STEP_PAGE_SIZE } : rest)
  }
  const filtered = Boolean(query.q || query.kind)
  return (
    <section className="panel" aria-labelledby="board-title" data-testid="selection-board">
      <h2 id="board-title">{t('board.title')}</h2>
      <p className="muted small">{t('board.intro')}</p>
      <div className="button-row" role="search">
        <SearchFilter
          label={t('board.searchName')}
          testId="board-q"
          value={query.q}
          onChange={(value) => set({ q: value })}
        />
        <KindFilter
          label={t('board.kindFilter')}
          anyLabel={t('board.anyKind')}
          kindLabel={(kind) => t(`kinds.${kind}`)}
          testId="board-kind"
          value={query.kind}
          onChange={(kind) => set({ kind })}
        />
        {query.status && (
          <button
            type="button"
            className="button button-secondary button-small"
            data-testid="board-all-steps"
            onClick={() => set({ status: undefined })}
          >
            {t('board.allSteps')}
          </button>
        )}
      </div>
      <AsyncView result={board.result} onRetry={() => board.reload()}>
        {({ columns, page, pageSize }) => (
          <>
            <div className={query.status ? 'board board-single' : 'board'}>
              {knownSteps(columns).map(({ status, total, items }) => (
                <section
                  className="board-column"
                  key={status}
                  data-testid={`board-column-${status}`}
                  aria-labelledby={`board-${status}`}
                >
                  <h3 id={`board-${status}`}>
                    {t(`participation.${status}`)}{' '}
                    <span className="board-count" data-testid={`board-count-${status}`}>
                      {number(total)}
                    </span>
                  </h3>
                  {items.length === 0 ? (
                    <p className="muted small">{filtered ? t('board.noneMatch') : t('board.emptyColumn')}</p>
                  ) : (
                    <ul className="plain-list board-cards">
                      {items.map((participation) => (
                        <ParticipationCard
                          key={participation.organisationId}
                          eventId={eventId}
                          participation={participation}
                          onChanged={() => board.reload(true)}
                        />
                      ))}
                    </ul>
                  )}
                  {!query.status && total > items.length && (
                    <button
                      type="button"
                      className="button button-secondary button-small board-more"
                      data-testid={`board-more-${status}`}
                      onClick={() => set({ status })}
                    >
                      {t('board.showAll', { count: total, total: number(total) })}
                    </button>
                  )}
                </section>
              ))}
            </div>
            {query.status && <Pagination page={page} pageSize={pageSize} total={columns[0]?.total ?? 0} />}
          </>
        )}
      </AsyncView>
    </section>
  )
}
