/** One page of a list filtered in memory: `page` counts from 1, a page past the end is empty. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize)
}

/** Whether a name contains the text a person typed, ignoring case and surrounding spaces (an empty text keeps all). */
export function nameMatches(name: string | null | undefined, typed: string | undefined): boolean {
  const q = typed?.trim().toLowerCase()
  return !q || (name ?? '').toLowerCase().includes(q)
}

export interface StatusPage<T> {
  items: T[]
  total: number
  counts: Record<string, number>
  page: number
  pageSize: number
}

/**
 * The hub lists' shape: `items` already filtered by everything but status and
 * in their order; the counts per status, then one page of those in `query.status`
 * (all when unset), with their total.
 */
export function pageByStatus<T extends { status: string }>(
  items: readonly T[],
  statuses: readonly string[],
  query: { status?: string; page?: number; pageSize?: number },
  defaultPageSize: number,
): StatusPage<T> {
  const page = query.page ?? 1
  const pageSize = query.pageSize ?? defaultPageSize
  const counts = Object.fromEntries(statuses.map((s) => [s, items.filter((item) => item.status === s).length]))
  const kept = items.filter((item) => !query.status || item.status === query.status)
  return { items: pageOf(kept, page, pageSize), total: kept.length, counts, page, pageSize }
}
