import { useTranslation } from 'react-i18next'
import type { Participation } from '../../../../shared/schemas/participation.js'
import { countParticipations, listParticipations } from '../../api/participation-api.js'
import { AsyncView } from '../async-view.js'
import { useLoad } from '../use-load.js'
import { ParticipationCard } from './participation-card.js'
import { BOARD_STATUSES } from './participation-status.js'

interface Board {
  participations: Participation[]
  counts: Record<string, number>
}

async function loadBoard(eventId: string): Promise<Board> {
  const [participations, counts] = await Promise.all([listParticipations(eventId), countParticipations(eventId)])
  return { participations, counts }
}

/** One column per lifecycle step, with its count; each card offers only the legal next steps. */
export function SelectionBoard({ eventId }: { eventId: string }) {
  const { t } = useTranslation()
  const board = useLoad(eventId, () => loadBoard(eventId))
  return (
    <section className="panel" aria-labelledby="board-title" data-testid="selection-board">
      <h2 id="board-title">{t('board.title')}</h2>
      <p className="muted small">{t('board.intro')}</p>
      <AsyncView result={board.result} onRetry={() => board.reload()}>
        {({ participations, counts }) => (
          <div className="board">
            {BOARD_STATUSES.map((status) => {
              const cards = participations.filter((p) => p.status === status)
              return (
                <section
                  className="board-column"
                  key={status}
                  data-testid={`board-column-${status}`}
                  aria-labelledby={`board-${status}`}
                >
                  <h3 id={`board-${status}`}>
                    {t(`participation.${status}`)}{' '}
                    <span className="board-count" data-testid={`board-count-${status}`}>
                      {counts[status] ?? 0}
                    </span>
                  </h3>
                  {cards.length === 0 ? (
                    <p className="muted small">{t('board.emptyColumn')}</p>
                  ) : (
                    <ul className="plain-list board-cards">
                      {cards.map((participation) => (
                        <ParticipationCard
                          key={participation.organisationId}
                          eventId={eventId}
                          participation={participation}
                          onChanged={() => board.reload(true)}
                        />
                      ))}
                    </ul>
                  )}
                </section>
              )
            })}
          </div>
        )}
      </AsyncView>
    </section>
  )
}
