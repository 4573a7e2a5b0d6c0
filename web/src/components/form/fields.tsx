import type { HTMLInputTypeAttribute, ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import { useFieldError } from './form.js'

/**
 * Labelled inputs. `name` is the field's path in the request (`organisation.vatId`),
 * which is also how server errors find it; `testId` defaults to the name.
 */
interface BaseProps {
  name: string
  label: string
  hint?: ReactNode
  testId?: string
  required?: boolean
  /** Shows "(optional)" after the label. */
  optional?: boolean
  disabled?: boolean
}

interface ShellProps extends BaseProps {
  id: string
  error: string | undefined
  children: ReactNode
}

export function controlIds(name: string, testId?: string) {
  const key = testId ?? name
  const id = `f-${key.replace(/[^\w-]/g, '-')}`
  return { id, testId: key, hintId: `${id}-hint`, errorId: `${id}-error` }
}

function describedBy(id: string, hint: unknown, error: unknown): string | undefined {
  const ids = [hint ? `${id}-hint` : '', error ? `${id}-error` : ''].filter(Boolean)
  return ids.length > 0 ? ids.join(' ') : undefined
}

function FieldShell({ id, label, hint, error, optional, children, testId }: ShellProps) {
  const { t } = useTranslation()
  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={id}>
        {label}
        {optional && <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      {children}
      {hint && (
        <p className="field-hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      <FieldError id={id} error={error} testId={testId} />
    </div>
  )
}

export function FieldError({ id, error, testId }: { id: string; error: string | undefined; testId?: string }) {
  if (!error) return null
  return (
    <p className="field-error" id={`${id}-error`} data-testid={`error-${testId ?? id}`}>
      {error}
    </p>
  )
}

interface TextFieldProps extends BaseProps {
  value: string
  onChange: (value: string) => void
  type?: HTMLInputTypeAttribute
  autoComplete?: string
  minLength?: number
  maxLength?: number
  pattern?: string
  placeholder?: string
  multiline?: boolean
  inputMode?: 'text' | 'email' | 'url' | 'numeric'
}

export function TextField(props: TextFieldProps) {
  const { name, value, onChange, type = 'text', multiline, required, disabled, hint, ...rest } = props
  const ids = controlIds(name, props.testId)
  const error = useFieldError(name)
  const common = {
    id: ids.id,
    name,
    value,
    required,
    disabled,
    minLength: rest.minLength,
    maxLength: rest.maxLength,
    placeholder: rest.placeholder,
    'data-testid': ids.testId,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': describedBy(ids.id, hint, error),
  }
  return (
    <FieldShell {...props} id={ids.id} error={error} testId={ids.testId}>
      {multiline ? (
        <textarea {...common} rows={3} onChange={(event) => onChange(event.target.value)} />
      ) : (
        <input
          {...common}
          type={type}
          autoComplete={rest.autoComplete}
          pattern={rest.pattern}
          inputMode={rest.inputMode}
          onChange={(event) => onChange(event.target.value)}
        />
      )}
    </FieldShell>
  )
}

export interface Option {
  value: string
  label: string
}

interface SelectFieldProps extends BaseProps {
  value: string
  onChange: (value: string) => void
  options: readonly Option[]
  /** Extra options shown under a heading after `options`. */
  groups?: readonly { label: string; options: readonly Option[] }[]
  /** A first, empty choice such as "Choose…"; makes `required` meaningful. */
  placeholder?: string
}

export function SelectField(props: SelectFieldProps) {
  const { name, value, onChange, options, groups = [], placeholder, required, disabled, hint } = props
  const ids = controlIds(name, props.testId)
  const error = useFieldError(name)
  return (
    <FieldShell {...props} id={ids.id} error={error} testId={ids.testId}>
      <select
        id={ids.id}
        name={name}
        value={value}
        required={required}
        disabled={disabled}
        data-testid={ids.testId}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(ids.id, hint, error)}
        onChange={(event) => onChange(event.target.value)}
      >
        {placeholder !== undefined && <option value="">{placeholder}</option>}
        {renderOptions(options)}
        {groups.map((group) => (
          <optgroup key={group.label} label={group.label}>
            {renderOptions(group.options)}
          </optgroup>
        ))}
      </select>
    </FieldShell>
  )
}

function renderOptions(options: readonly Option[]) {
  return options.map((option) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  ))
}
