import { useTranslation } from 'react-i18next'
import { useParams } from 'react-router'
import {
  AFFILIATION_STATUSES,
  type AffiliationStatus,
  type ParticipantListQuery,
} from '../../../shared/schemas/accounts.js'
import { participantPage } from '../api/organisations-api.js'
import { AsyncView } from '../components/async-view.js'
import { ParticipantInviteForm } from '../components/participants/participant-invite-form.js'
import { ParticipantRow } from '../components/participants/participant-row.js'
import { Pagination } from '../components/search/pagination.js'
import { Segmented } from '../components/segmented.js'
import { pageParam, useAddressQuery } from '../components/use-address-query.js'
import { useFormats } from '../components/use-formats.js'
import { useLoad } from '../components/use-load.js'
import { RequireSession } from '../session/require-session.js'
import { useDocumentTitle } from '../use-document-title.js'
import { KindFilter, ORGANISATION_KINDS, SearchFilter } from '../components/form/list-filters.js'

/** `?status=validated&kind=buyer&q=nord&page=2`; pending when no status is given, since those wait for the hub. */
function readQuery(params: URLSearchParams): ParticipantListQuery & { status: AffiliationStatus } {
  const kind = ORGANISATION_KINDS.find((k) => k === params.get('kind'))
  const q = params.get('q')?.slice(0, 100)
  return {
    status: AFFILIATION_STATUSES.find((s) => s === params.get('status')) ?? 'pending',
    page: pageParam(params),
    ...(kind ? { kind } : {}),
    ...(q ? { q } : {}),
  }
}

const writeQuery = (query: ParticipantListQuery) => ({
  status: query.status,
  kind: query.kind,
  q: query.q,
  page: query.page && query.page > 1 ? query.page : undefined,
})

export function ParticipantsPage() {
  const { orgId = '' } = useParams()
  return <RequireSession>{() => <Participants key={orgId} orgId={orgId} />}</RequireSession>
}

function Participants({ orgId }: { orgId: string }) {
  const { t } = useTranslation()
  const { number } = useFormats()
  const [query, setQuery] = useAddressQuery(readQuery, writeQuery)
  const participants = useLoad(`${orgId}:${JSON.stringify(query)}`, () => participantPage(orgId, query))
  const set = (patch: Partial<ParticipantListQuery>) => setQuery({ ...query, ...patch, page: 1 })
  const counts = participants.result.kind === 'ready' ? participants.result.data.counts : undefined
  useDocumentTitle(t('participants.documentTitle'))

  return (
    <div className="page-section" data-testid="participants-page">
      <header className="page-header">
        <h1>{t('participants.title')}</h1>
        <p className="lead">{t('participants.intro')}</p>
      </header>
      <div className="two-columns two-columns-wide-first">
        <section className="panel" aria-labelledby="participants-title">
          <h2 id="participants-title" className="visually-hidden">
            {t('participants.listTitle')}
          </h2>
          <Segmented
            label={t('participants.filter')}
            testIdPrefix="tab"
            value={query.status}
            onChange={(value) => set({ status: AFFILIATION_STATUSES.find((s) => s === value) ?? 'pending' })}
            options={AFFILIATION_STATUSES.map((s) => ({
              value: s,
              label: counts ? `${t(`affiliation.${s}`)} (${number(counts[s] ?? 0)})` : t(`affiliation.${s}`),
            }))}
          />
          <div className="button-row" role="search">
            <SearchFilter
              label={t('participants.searchName')}
              testId="participants-q"
              value={query.q}
              onChange={(value) => set({ q: value })}
            />
            <KindFilter
              label={t('participants.kindFilter')}
              anyLabel={t('participants.anyKind')}
              kindLabel={(kind) => t(`kinds.${kind}`)}
              testId="participants-kind"
              value={query.kind}
              onChange={(kind) => set({ kind })}
            />
          </div>
          <AsyncView result={participants.result} onRetry={() => participants.reload()}>
            {(list) =>
              list.total === 0 ? (
                <p className="muted empty" data-testid="participants-empty">
                  {query.q || query.kind ? t('participants.noneMatch') : t(`participants.empty.${query.status}`)}
                </p>
              ) : (
                <>
                  <p className="muted small" data-testid="participants-total" data-total={list.total}>
                    {t('participants.shown', {
                      count: list.total,
                      total: number(list.total),
                      from: number((list.page - 1) * list.pageSize + 1),
                      to: number((list.page - 1) * list.pageSize + list.items.length),
                    })}
                  </p>
                  <ul className="plain-list" data-testid="participants-list">
                    {list.items.map((participant) => (
                      <ParticipantRow
                        key={participant.organisation.id}
                        orgId={orgId}
                        participant={participant}
                        onDecided={() => participants.reload(true)}
                      />
                    ))}
                  </ul>
                  <Pagination page={list.page} pageSize={list.pageSize} total={list.total} />
                </>
              )
            }
          </AsyncView>
        </section>
        <section className="panel" aria-labelledby="participant-invite-title">
          <h2 id="participant-invite-title">{t('participants.inviteTitle')}</h2>
          <p className="muted">{t('participants.inviteIntro')}</p>
          <ParticipantInviteForm orgId={orgId} />
        </section>
      </div>
    </div>
  )
}
