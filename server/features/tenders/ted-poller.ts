import type { TedPollConfig } from '../../config.js'
import type { Clock } from '../../infra/clock.js'
import type { Database } from '../../infra/db.js'
import type { OrganisationsService } from '../organisations/organisations.service.js'
import * as repo from './tenders.repository.js'
import type { TendersService } from './tenders.service.js'

/**
 * Brings in new notices from TED for one hub: every TED_POLL_MINUTES it asks
 * TED's public search API for the notices matching TED_POLL_QUERY published in
 * the last TED_POLL_DAYS days, fetches each one it has not taken on before,
 * and imports it as an upload would. Each notice is claimed in PostgreSQL
 * first, so two instances never fetch the same one; a notice whose fetch
 * failed is taken on again by a later poll.
 */

const PAGE_SIZE = 100
/** At most this many pages per poll: a query that broad should be narrowed. */
const MAX_PAGES = 10
/** A claim not finished after this long (its instance died, or TED did not answer) is taken again. */
const CLAIM_MS = 10 * 60_000

interface SearchAnswer {
  notices?: { 'publication-number'?: string; links?: { xml?: Record<string, string> } }[]
  totalNoticeCount?: number
}

export interface PollSummary {
  found: number
  fetched: number
  outcomes: Record<string, number>
  failed: number
}

export function createTedPoller(deps: {
  db: Database
  clock: Clock
  config: TedPollConfig
  tenders: Pick<TendersService, 'importNotices'>
  organisations: Pick<OrganisationsService, 'organiserNamed'>
  fetch?: typeof fetch
  log?: { warn(details: object, message: string): void }
}) {
  const http = deps.fetch ?? fetch
  const { config } = deps

  async function search(page: number, since: string) {
    const response = await http(`${config.apiUrl}/v3/notices/search`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        query: `(${config.query}) AND publication-date>=${since}`,
        fields: ['publication-number', 'links'],
        page,
        limit: PAGE_SIZE,
        paginationMode: 'PAGE_NUMBER',
      }),
      signal: AbortSignal.timeout(30_000),
    })
    if (!response.ok) throw new Error(`TED search answered ${response.status}`)
    return (await response.json()) as SearchAnswer
  }

  return {
    async poll(): Promise<PollSummary> {
      const summary: PollSummary = { found: 0, fetched: 0, outcomes: {}, failed: 0 }
      const hub = await deps.organisations.organiserNamed(config.hub)
      if ('found' in hub) {
        deps.log?.warn({ hub: config.hub, found: hub.found }, 'TED poller: TED_POLL_HUB names no single hub')
        return summary
      }
      const now = deps.clock.now()
      const since = new Date(now.getTime() - config.days * 86_400_000).toISOString().slice(0, 10).replaceAll('-', '')
      for (let page = 1; page <= MAX_PAGES; page++) {
        const answer = await search(page, since)
        const notices = answer.notices ?? []
        for (const notice of notices) {
          const publicationNumber = notice['publication-number']
          if (!publicationNumber) continue
          summary.found++
          const claimed = await repo.claimPolledNotice(deps.db, {
            publicationNumber,
            now,
            staleBefore: new Date(now.getTime() - CLAIM_MS),
          })
          if (!claimed) continue
          const url =
            notice.links?.xml?.MUL ??
            Object.values(notice.links?.xml ?? {})[0] ??
            `https://ted.europa.eu/en/notice/${encodeURIComponent(publicationNumber)}/xml`
          try {
            const response = await http(url, { signal: AbortSignal.timeout(30_000) })
            if (!response.ok) throw new Error(`${url} answered ${response.status}`)
            const xml = await response.text()
            summary.fetched++
            const [report] = await deps.tenders.importNotices({ userId: null }, hub.id, [
              { name: `${publicationNumber}.xml`, content: xml, publicationNumber },
            ])
            const outcome = report?.outcome ?? 'refused'
            summary.outcomes[outcome] = (summary.outcomes[outcome] ?? 0) + 1
            await repo.finishPolledNotice(deps.db, {
              publicationNumber,
              doneAt: deps.clock.now(),
              outcome,
              detail: report?.refusal ? `${report.refusal.code}: ${report.refusal.message}` : null,
            })
          } catch (error) {
            summary.failed++
            const detail = error instanceof Error ? error.message : String(error)
            deps.log?.warn({ publicationNumber, err: detail }, 'TED poller: a notice could not be fetched')
            await repo.finishPolledNotice(deps.db, { publicationNumber, doneAt: null, outcome: 'failed', detail })
          }
        }
        if (notices.length < PAGE_SIZE || page * PAGE_SIZE >= (answer.totalNoticeCount ?? 0)) break
      }
      return summary
    },
  }
}
export type TedPoller = ReturnType<typeof createTedPoller>
