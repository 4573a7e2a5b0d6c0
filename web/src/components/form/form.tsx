import { createContext, useContext, type FormEvent, type ReactNode } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { errorMessage } from '../../api/error-message.js'
import { fieldMessage, type FieldErrors } from '../../api/field-errors.js'
import type { FormState } from './use-form.js'

const FormContext = createContext<FormState | null>(null)

interface FormProps {
  form: FormState
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  children: ReactNode
  testId?: string
  className?: string
  label?: string
}

/** A form whose fields find their errors by name; the browser's own bubbles are off. */
export function Form({ form, onSubmit, children, testId, className = '', label }: FormProps) {
  return (
    <FormContext.Provider value={form}>
      <form
        noValidate
        className={`form ${className}`.trim()}
        onSubmit={onSubmit}
        data-testid={testId}
        aria-busy={form.busy}
        aria-label={label}
      >
        {children}
      </form>
    </FormContext.Provider>
  )
}

/** The translated error of the named field, if the last submission found one. */
export function useFieldError(name: string, control: 'input' | 'checkbox' = 'input'): string | undefined {
  const { t } = useTranslation()
  const problem = useContext(FormContext)?.errors[name]
  return problem === undefined ? undefined : fieldMessage(t, problem, control)
}

/** What went wrong with the whole submission; a summary when fields carry the details. */
export function FormFailure({ testId }: { testId?: string }) {
  const { t } = useTranslation()
  const form = useContext(FormContext)
  const message = form ? failureMessage(t, form.errors, form.failure) : null
  return (
    <p role="alert" className="form-failure" data-testid={testId} data-code={codeOf(form?.failure)}>
      {message}
    </p>
  )
}

function failureMessage(t: TFunction, errors: FieldErrors, failure: unknown): string | null {
  if (Object.keys(errors).length > 0) return t('fieldErrors.summary')
  return failure === null ? null : errorMessage(t, failure)
}

/** The `value` of the submit button that sent the form (Enter in a field: the form's first one). */
export function submitterValue(event: FormEvent<HTMLFormElement>): string | undefined {
  const submitter = (event.nativeEvent as SubmitEvent).submitter
  return submitter instanceof HTMLButtonElement ? submitter.value : undefined
}

function codeOf(failure: unknown): string | undefined {
  return typeof failure === 'object' && failure !== null && 'code' in failure ? String(failure.code) : undefined
}

interface SubmitButtonProps {
  children: ReactNode
  testId?: string
  busy?: boolean
  disabled?: boolean
  className?: string
  /** Tells several submit buttons of one form apart: read it from the event's `submitter`. */
  value?: string
}

export function SubmitButton({ children, testId, busy, disabled, className = 'button', value }: SubmitButtonProps) {
  const form = useContext(FormContext)
  const working = busy ?? form?.busy ?? false
  return (
    <button
      type="submit"
      className={className}
      data-testid={testId}
      disabled={disabled || working}
      aria-busy={working}
      value={value}
    >
      {children}
    </button>
  )
}
