import { useCallback, useEffect, useRef, useState } from 'react'
import { useTranslation } from 'react-i18next'
import type { AuditEvent } from '../../../shared/schemas/accounts.js'
import { listAuditEvents } from '../api/organisations-api.js'
import { ErrorNotice, Loading } from '../components/async-view.js'
import { useAddressQuery } from '../components/use-address-query.js'
import { useDateFormat } from '../components/use-date-format.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'
import { SearchFilter } from '../components/form/list-filters.js'

const PAGE_SIZE = 50

export function AuditPage() {
  const { t } = useTranslation()
  useDocumentTitle(t('audit.documentTitle'))
  return <RequireSession>{() => <AuditTrail />}</RequireSession>
}

/** The areas of the trail a reader filters by: the part of each action before its dot. */
const AREAS = [
  'organisation',
  'participant',
  'participation',
  'request',
  'schedule',
  'meeting',
  'event',
  'contract',
  'voucher',
  'auth',
] as const

interface AuditFilters {
  area?: (typeof AREAS)[number]
  actor?: string
}

/** `?area=schedule&actor=bianchi`: the trail as it was filtered, after a reload. */
function readFilters(params: URLSearchParams): AuditFilters {
  const area = AREAS.find((a) => a === params.get('area'))
  const actor = params.get('actor')?.slice(0, 100)
  return { ...(area ? { area } : {}), ...(actor ? { actor } : {}) }
}

const writeFilters = (filters: AuditFilters) => ({ area: filters.area, actor: filters.actor })

/** Pages backwards through the trail: each "load more" asks for events before the oldest shown. */
function useAuditPages(filters: AuditFilters) {
  const [events, setEvents] = useState<AuditEvent[]>([])
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<unknown>(null)
  const [complete, setComplete] = useState(false)
  const asked = useRef(0)
  const key = JSON.stringify(filters)

  const loadMore = useCallback(
    async (before?: string) => {
      const ask = ++asked.current
      setBusy(true)
      setError(null)
      try {
        const page = await listAuditEvents({ limit: PAGE_SIZE, ...JSON.parse(key), ...(before ? { before } : {}) })
        if (ask !== asked.current) return // the filters changed meanwhile
        setEvents((shown) => (before === undefined ? page : [...shown, ...page]))
        setComplete(page.length < PAGE_SIZE)
      } catch (failure) {
        if (ask === asked.current) setError(failure)
      } finally {
        if (ask === asked.current) setBusy(false)
      }
    },
    [key],
  )

  useEffect(() => void loadMore(), [loadMore])

  return { events, busy, error, complete, loadMore: () => loadMore(events.at(-1)?.id) }
}

function AuditTrail() {
  const { t } = useTranslation()
  const [filters, setFilters] = useAddressQuery(readFilters, writeFilters)
  const { events, busy, error, complete, loadMore } = useAuditPages(filters)
  return (
    <div className="page-section" data-testid="audit-page">
      <header className="page-header">
        <h1>{t('audit.title')}</h1>
        <p className="lead">{t('audit.intro')}</p>
      </header>
      <section className="panel">
        <div className="button-row" role="search">
          <label>
            {t('audit.areaFilter')}{' '}
            <select
              data-testid="audit-area"
              value={filters.area ?? ''}
              onChange={(e) => setFilters({ ...filters, area: AREAS.find((a) => a === e.target.value) })}
            >
              <option value="">{t('audit.anyArea')}</option>
              {AREAS.map((area) => (
                <option key={area} value={area}>
                  {t(`audit.areas.${area}`)}
                </option>
              ))}
            </select>
          </label>
          <SearchFilter
            label={t('audit.actorFilter')}
            testId="audit-actor"
            value={filters.actor}
            onChange={(value) => setFilters({ ...filters, actor: value })}
          />
        </div>
        {events.length > 0 && <AuditTable events={events} />}
        {events.length === 0 && !busy && error === null && (
          <p className="muted" data-testid="audit-empty">
            {filters.area || filters.actor ? t('audit.noneMatch') : t('audit.empty')}
          </p>
        )}
        {busy && <Loading />}
        {error !== null && <ErrorNotice error={error} onRetry={() => void loadMore()} testId="audit-error" />}
        {!complete && !busy && error === null && events.length > 0 && (
          <button
            type="button"
            className="button button-secondary"
            data-testid="audit-load-more"
            onClick={() => void loadMore()}
          >
            {t('audit.loadMore')}
          </button>
        )}
      </section>
    </div>
  )
}

function AuditTable({ events }: { events: AuditEvent[] }) {
  const { t } = useTranslation()
  const formatDate = useDateFormat()
  return (
    <table className="table table-responsive" data-testid="audit-table">
      <thead>
        <tr>
          <th scope="col">{t('audit.time')}</th>
          <th scope="col">{t('audit.actor')}</th>
          <th scope="col">{t('audit.action')}</th>
          <th scope="col">{t('audit.subject')}</th>
        </tr>
      </thead>
      <tbody>
        {events.map((event) => (
          <tr key={event.id} data-testid="audit-row" data-action={event.action}>
            <td data-label={t('audit.time')}>
              <time dateTime={event.at}>{formatDate(event.at)}</time>
            </td>
            <td data-label={t('audit.actor')}>
              {event.actor?.name ?? <span className="muted">{t('audit.system')}</span>}
            </td>
            <td data-label={t('audit.action')}>
              <code>{event.action}</code>
            </td>
            <td data-label={t('audit.subject')}>
              <div>
                {event.subjectType}{' '}
                <code className="muted small" title={event.subjectId}>
                  {event.subjectId.slice(0, 8)}
                </code>
                <AuditChange event={event} />
              </div>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function AuditChange({ event }: { event: AuditEvent }) {
  const { t } = useTranslation()
  if (event.before === undefined && event.after === undefined) return null
  return (
    <details className="audit-change">
      <summary>{t('audit.change')}</summary>
      <pre>{JSON.stringify({ before: event.before, after: event.after }, null, 2)}</pre>
    </details>
  )
}
