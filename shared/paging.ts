/** One page of a list filtered in memory: `page` counts from 1, a page past the end is empty. */
export function pageOf<T>(items: readonly T[], page: number, pageSize: number): T[] {
  return items.slice((page - 1) * pageSize, page * pageSize)
}

/** Whether a name contains the text a person typed, ignoring case and surrounding spaces (an empty text keeps all). */
export function nameMatches(name: string | null | undefined, typed: string | undefined): boolean {
  const q = typed?.trim().toLowerCase()
  return !q || (name ?? '').toLowerCase().includes(q)
}
