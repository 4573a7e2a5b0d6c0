/** The text filter above a hub's list, named by its placeholder; an emptied box answers undefined. */
export function SearchFilter({
  label,
  testId,
  value,
  onChange,
}: {
  label: string
  testId: string
  value: string | undefined
  onChange: (value: string | undefined) => void
}) {
  return (
    <input
      type="search"
      aria-label={label}
      placeholder={label}
      data-testid={testId}
      value={value ?? ''}
      onChange={(e) => onChange(e.target.value || undefined)}
    />
  )
}

export const ORGANISATION_KINDS = ['sme', 'buyer'] as const
export type OrganisationKindFilter = (typeof ORGANISATION_KINDS)[number]

/** SMEs, large buyers, or both (undefined). */
export function KindFilter({
  label,
  anyLabel,
  kindLabel,
  testId,
  value,
  onChange,
}: {
  label: string
  anyLabel: string
  kindLabel: (kind: OrganisationKindFilter) => string
  testId: string
  value: OrganisationKindFilter | undefined
  onChange: (value: OrganisationKindFilter | undefined) => void
}) {
  return (
    <label>
      {label}{' '}
      <select
        data-testid={testId}
        value={value ?? ''}
        onChange={(e) => onChange(ORGANISATION_KINDS.find((kind) => kind === e.target.value))}
      >
        <option value="">{anyLabel}</option>
        {ORGANISATION_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {kindLabel(kind)}
          </option>
        ))}
      </select>
    </label>
  )
}
