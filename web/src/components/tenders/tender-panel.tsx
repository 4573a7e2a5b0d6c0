import { useTranslation } from 'react-i18next'
import { tenderOfNeed } from '../../api/tenders-api.js'
import { DetailsList, type DetailRow } from '../catalogue/details-list.js'
import { StatusBadge } from '../status-badge.js'
import { useFormats } from '../use-formats.js'
import { useLoad } from '../use-load.js'
import { DeadlineCountdown } from './deadline-countdown.js'
import { TENDER_TONES } from './tender-row.js'

/** On a need that is a lot of a public tender: its deadline, value, place and notice, and its text in the reader's language. */
export function TenderPanel({ needId, needLanguage }: { needId: string; needLanguage: string }) {
  const { t, i18n } = useTranslation()
  const formats = useFormats()
  const loaded = useLoad(`tender:${needId}`, () => tenderOfNeed(needId))
  if (loaded.result.kind !== 'ready' || !loaded.result.data.tender) return null
  const tender = loaded.result.data.tender
  const language = (i18n.resolvedLanguage ?? 'en').slice(0, 2)
  const own = language !== needLanguage && tender.title[language] ? language : null
  const money =
    tender.estimatedValue !== null && tender.currency ? formats.money(tender.estimatedValue, tender.currency) : null
  const rows: DetailRow[] = [
    [
      t(`tenders.deadlineKind.${tender.deadlineKind ?? 'tenders'}`),
      tender.deadlineAt && <DeadlineCountdown key="deadline" at={tender.deadlineAt} testId="tender-panel-deadline" />,
    ],
    [t('tenders.estimatedValue'), money],
    [t('tenders.place'), tender.places.join(', ')],
    [
      t('tenders.contact'),
      [tender.contact.point, tender.contact.email, tender.contact.telephone].filter(Boolean).join(' · '),
    ],
    [
      t('tenders.notice'),
      tender.tedUrl ? (
        <a key="ted" href={tender.tedUrl} target="_blank" rel="noreferrer">
          {t('tenders.onTed', { number: tender.publicationNumber })}
        </a>
      ) : (
        t('tenders.notOnTed')
      ),
    ],
  ]
  return (
    <section className="panel" aria-labelledby="tender-panel-title" data-testid="tender-panel">
      <div className="tender-head">
        <h2 id="tender-panel-title">{t('search.publicTender')}</h2>
        <StatusBadge tone={TENDER_TONES[tender.status]}>{t(`tenders.status.${tender.status}`)}</StatusBadge>
        <span className="muted small">{t(`tenders.form.${tender.form}`)}</span>
      </div>
      {own && (
        <div lang={own} data-testid="tender-panel-own-language">
          <h3>{tender.title[own]}</h3>
          {tender.description[own] && <p className="listing-description">{tender.description[own]}</p>}
        </div>
      )}
      <DetailsList rows={rows} testId="tender-panel-details" />
    </section>
  )
}
