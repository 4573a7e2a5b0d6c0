import type { ReactNode } from 'react'
import { controlIds, FieldError, type Option } from './fields.js'
import { useFieldError } from './form.js'

interface CheckboxFieldProps {
  name: string
  label: ReactNode
  hint?: ReactNode
  checked: boolean
  onChange: (checked: boolean) => void
  testId?: string
  required?: boolean
  disabled?: boolean
}

/** A checkbox with its label beside it, a hint below, and its error. */
export function CheckboxField({
  name,
  label,
  hint,
  checked,
  onChange,
  testId,
  required,
  disabled,
}: CheckboxFieldProps) {
  const ids = controlIds(name, testId)
  const error = useFieldError(name, 'checkbox')
  const describedBy = [hint ? ids.hintId : '', error ? ids.errorId : ''].filter(Boolean).join(' ')
  return (
    <div className={error ? 'field field-check field-invalid' : 'field field-check'}>
      <input
        id={ids.id}
        name={name}
        type="checkbox"
        checked={checked}
        required={required}
        disabled={disabled}
        data-testid={ids.testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        onChange={(event) => onChange(event.target.checked)}
      />
      <div>
        <label htmlFor={ids.id}>{label}</label>
        {hint && (
          <p className="field-hint" id={ids.hintId}>
            {hint}
          </p>
        )}
        <FieldError id={ids.id} error={error} testId={ids.testId} />
      </div>
    </div>
  )
}

interface CheckboxGroupProps {
  name: string
  legend: string
  hint?: ReactNode
  options: readonly Option[]
  values: readonly string[]
  onChange: (values: string[]) => void
}

/** Several checkboxes for one array field; each box's test id is `name.value`. */
export function CheckboxGroup({ name, legend, hint, options, values, onChange }: CheckboxGroupProps) {
  const ids = controlIds(name)
  const error = useFieldError(name)
  const toggle = (value: string, on: boolean) =>
    onChange(on ? [...values, value] : values.filter((existing) => existing !== value))
  return (
    <fieldset
      className={error ? 'field fieldset field-invalid' : 'field fieldset'}
      aria-describedby={error ? ids.errorId : undefined}
    >
      <legend>{legend}</legend>
      {hint && <p className="field-hint">{hint}</p>}
      <div className="check-row">
        {options.map((option) => (
          <label key={option.value} className="check-inline">
            <input
              type="checkbox"
              name={name}
              value={option.value}
              checked={values.includes(option.value)}
              data-testid={`${name}.${option.value}`}
              onChange={(event) => toggle(option.value, event.target.checked)}
            />
            {option.label}
          </label>
        ))}
      </div>
      <FieldError id={ids.id} error={error} testId={name} />
    </fieldset>
  )
}
