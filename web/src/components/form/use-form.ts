import { useCallback, useRef, useState, type FormEvent } from 'react'
import { fieldErrorsFrom, nativeFieldErrors, type FieldErrors } from '../../api/field-errors.js'

export interface SubmitOptions {
  /** Prepended to the server's field paths when the body is the form's sub-object. */
  prefix?: string
  /** Checks the browser cannot express (e.g. at least one checkbox of a group). */
  validate?: () => FieldErrors
}

export interface FormState {
  errors: FieldErrors
  failure: unknown
  busy: boolean
  submit(event: FormEvent<HTMLFormElement>, action: () => Promise<void>, options?: SubmitOptions): Promise<void>
  clear(): void
}

/**
 * Runs a form's submission: checks the fields (browser constraints plus `validate`),
 * calls the API, and maps a problem's `errors[]` onto the fields by their name.
 */
export function useForm(): FormState {
  const [errors, setErrors] = useState<FieldErrors>({})
  const [failure, setFailure] = useState<unknown>(null)
  const [busy, setBusy] = useState(false)
  // A second click while the first request runs is ignored: it would only fail against the first one's result.
  const running = useRef(false)

  const clear = useCallback(() => {
    setErrors({})
    setFailure(null)
  }, [])

  async function submit(event: FormEvent<HTMLFormElement>, action: () => Promise<void>, options: SubmitOptions = {}) {
    event.preventDefault()
    if (running.current) return
    const form = event.currentTarget
    const local = { ...nativeFieldErrors(form), ...options.validate?.() }
    setFailure(null)
    setErrors(local)
    if (Object.keys(local).length > 0) return focusField(form, local)
    running.current = true
    setBusy(true)
    try {
      await action()
    } catch (error) {
      const fields = fieldErrorsFrom(error, options.prefix)
      setErrors(fields)
      setFailure(error)
      focusField(form, fields)
    } finally {
      running.current = false
      setBusy(false)
    }
  }

  return { errors, failure, busy, submit, clear }
}

function focusField(form: HTMLFormElement, errors: FieldErrors): void {
  const first = Object.keys(errors)[0]
  if (first === undefined) return
  const control = form.querySelector<HTMLElement>(`[name="${CSS.escape(first)}"]`)
  control?.focus()
}
