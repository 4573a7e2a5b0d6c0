import { useTranslation } from 'react-i18next'
import { Link } from 'react-router'
import type { MtbEvent } from '../../../../shared/schemas/events.js'
import type { TenderSummary } from '../../../../shared/schemas/tenders.js'
import { StatusBadge } from '../status-badge.js'
import { useFormats } from '../use-formats.js'
import { BringToEvent } from './bring-to-event.js'
import { DeadlineCountdown } from './deadline-countdown.js'

/** The text in the reader's language when the notice has it, else in the notice's own first language. */
export function inLanguage(texts: Record<string, string>, language: string, fallback: readonly string[]): string {
  return (
    texts[language.slice(0, 2)] ?? fallback.map((l) => texts[l]).find((text) => text) ?? Object.values(texts)[0] ?? ''
  )
}

/** How each tender status is coloured, wherever a tender's status is shown. */
export const TENDER_TONES = { open: 'ok', closed: 'neutral', cancelled: 'warn' } as const

/** One public tender: its title and buyer, what kind of notice, its next deadline, its lots and the notice on TED. */
export function TenderRow({ tender, events }: { tender: TenderSummary; events: MtbEvent[] }) {
  const { t, i18n } = useTranslation()
  const formats = useFormats()
  const language = i18n.resolvedLanguage ?? 'en'
  const title =
    inLanguage(tender.title, language, tender.languages) ||
    inLanguage(tender.lots[0]?.title ?? {}, language, tender.languages)
  return (
    <li className="list-row tender-row" data-testid="tender-row" data-status={tender.status}>
      <div className="tender-main">
        <div className="tender-head">
          <StatusBadge tone={TENDER_TONES[tender.status]}>{t(`tenders.status.${tender.status}`)}</StatusBadge>
          <span className="muted small">{t(`tenders.form.${tender.form}`)}</span>
        </div>
        <h3 className="tender-title">{title}</h3>
        <p className="muted small">
          <Link to={`/organisations/${tender.buyer.id}`}>{tender.buyer.legalName}</Link>
          {' · '}
          {t('tenders.issued', { date: formats.day(tender.issueDate) })}
          {tender.tedUrl && (
            <>
              {' · '}
              <a href={tender.tedUrl} target="_blank" rel="noreferrer" data-testid="tender-ted-link">
                {t('tenders.onTed', { number: tender.publicationNumber })}
              </a>
            </>
          )}
        </p>
        {tender.status === 'open' && tender.nextDeadline && (
          <p className="small">
            <DeadlineCountdown at={tender.nextDeadline} testId="tender-deadline" />
          </p>
        )}
        <details className="tender-lots">
          <summary>{t('tenders.lots', { count: tender.lots.length })}</summary>
          <ul className="plain-list">
            {tender.lots.map((lot) => (
              <li key={lot.lotId} className={lot.archived ? 'muted' : undefined} data-testid="tender-lot">
                <Link to={`/needs/${lot.needId}`}>{inLanguage(lot.title, language, tender.languages) || title}</Link>
                {lot.estimatedValue !== null && lot.currency && (
                  <> · {formats.money(lot.estimatedValue, lot.currency)}</>
                )}
                {lot.places.length > 0 && <> · {lot.places.join(', ')}</>}
                {lot.archived && <> · {t('tenders.withdrawn')}</>}
              </li>
            ))}
          </ul>
        </details>
        {tender.status === 'open' && (
          <BringToEvent events={events} buyer={tender.buyer} consultation={tender.form === 'market-consultation'} />
        )}
      </div>
    </li>
  )
}
