import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import { needsForOffer, offersForNeed } from '../../api/matching-views-api.js'
import { AsyncView } from '../async-view.js'
import { useLoad } from '../use-load.js'
import { DeadlineCountdown } from '../tenders/deadline-countdown.js'

/** The buyers' needs matching an offer, or the SMEs' offers matching a need: best first, with score and reason. */
export function MatchesPanel({ kind, id }: { kind: 'offer' | 'need'; id: string }) {
  const { t, i18n } = useTranslation()
  const language = i18n.resolvedLanguage === 'it' ? 'it' : 'en'
  const matches = useLoad(`${kind}:${id}:${language}`, () =>
    kind === 'offer' ? needsForOffer(id, language) : offersForNeed(id, language),
  )
  return (
    <section data-testid={`${kind}-matches`}>
      <h2>{t(kind === 'offer' ? 'matchViews.needsTitle' : 'matchViews.offersTitle')}</h2>
      <AsyncView result={matches.result} onRetry={() => matches.reload()}>
        {(data) =>
          data.items.length === 0 ? (
            <p className="muted">{t(kind === 'offer' ? 'matchViews.noNeeds' : 'matchViews.noOffers')}</p>
          ) : (
            <ol className="plain-list">
              {data.items.map((item) => (
                <li key={item.id} data-testid="match-item" data-public={item.buyerType === 'public' || undefined}>
                  <strong>
                    <Link to={`/${kind === 'offer' ? 'needs' : 'offers'}/${item.id}`}>{item.title}</Link>
                  </strong>{' '}
                  · {item.organisation.name}
                  {item.buyerType === 'public' && (
                    <>
                      {' '}
                      <span className="tag tag-public">{t('search.publicTender')}</span>
                    </>
                  )}
                  {item.deadline && (
                    <p className="small" data-testid="match-deadline">
                      <DeadlineCountdown
                        {...(item.deadline.length === 10 ? { day: item.deadline } : { at: item.deadline })}
                      />
                      {item.tedUrl && (
                        <>
                          {' · '}
                          <a href={item.tedUrl} target="_blank" rel="noreferrer">
                            {t('matchViews.onTed')}
                          </a>
                        </>
                      )}
                    </p>
                  )}
                  <p data-testid="match-reason">{item.reason}</p>
                  <p className="muted small">{t('matchViews.score', { score: Math.round(item.score * 100) })}</p>
                </li>
              ))}
            </ol>
          )
        }
      </AsyncView>
    </section>
  )
}
