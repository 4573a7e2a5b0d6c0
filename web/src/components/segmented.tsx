import type { Option } from './form/fields.js'

interface SegmentedProps {
  label: string
  options: readonly Option[]
  value: string
  onChange: (value: string) => void
  /** Each button's test id is `${testIdPrefix}-${value}`. */
  testIdPrefix: string
}

/** A row of toggle buttons choosing one view (sign-in method, participant status…). */
export function Segmented({ label, options, value, onChange, testIdPrefix }: SegmentedProps) {
  return (
    <div className="segmented" role="group" aria-label={label}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          aria-pressed={option.value === value}
          data-testid={`${testIdPrefix}-${option.value}`}
          onClick={() => onChange(option.value)}
        >
          {option.label}
        </button>
      ))}
    </div>
  )
}
