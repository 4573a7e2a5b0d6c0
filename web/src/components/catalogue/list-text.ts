/** Lists typed as text: "ISO 9001, ISO 14001" ⇄ ['ISO 9001', 'ISO 14001']. */
export function parseList(text: string, transform: (item: string) => string = (item) => item): string[] {
  const items = text
    .split(/[,;\n]/)
    .map((item) => transform(item.trim()))
    .filter(Boolean)
  return [...new Set(items)]
}

export function joinList(items: readonly string[]): string {
  return items.join(', ')
}

/** '' → undefined, so an empty optional field is left out of the request. */
export function optionalText(value: string): string | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : trimmed
}

export function optionalInteger(value: string): number | undefined {
  const trimmed = value.trim()
  return trimmed === '' ? undefined : Number(trimmed)
}

/** Leaves out the keys whose value is undefined (the request bodies reject nothing else). */
export function withoutUndefined<T extends object>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined)) as T
}
