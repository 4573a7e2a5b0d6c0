import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TaxonomyKind } from '../../api/taxonomies-api.js'
import { controlIds, FieldError } from '../form/fields.js'
import { useFieldError } from '../form/form.js'
import { CodeCombobox } from './code-combobox.js'
import { useCodeText } from './use-code-label.js'

interface BaseProps {
  /** The field's path in the request body, where server errors land (`cpvMain`). */
  name: string
  kind: TaxonomyKind
  label: string
  hint?: ReactNode
  optional?: boolean
  required?: boolean
  /** Only codes of this shape can be chosen (NACE sections are letters; offers take divisions and classes). */
  accept?: RegExp
  /** Offers the typed text as a code when it has the accepted shape but is not listed (a NACE class, 62.01). */
  allowTyped?: boolean
}

interface SingleProps extends BaseProps {
  multiple?: false
  value: string
  onChange: (value: string) => void
}

interface MultipleProps extends BaseProps {
  multiple: true
  value: readonly string[]
  onChange: (value: string[]) => void
  /** The first code is the main one: it is marked, and another can be made main. */
  mainFirst?: boolean
}

export type CodePickerProps = SingleProps | MultipleProps

/**
 * Chooses codes from a taxonomy (CPV, NACE, NUTS-2, S3) by code or words in
 * either language. Chosen codes show as chips above the search box; its test
 * id is `picker-<name>`, each suggestion's `picker-option`.
 */
export function CodePicker(props: CodePickerProps) {
  const { t } = useTranslation()
  const ids = controlIds(props.name, `picker-${props.name}`)
  const error = useFieldError(props.name)
  const selected = props.multiple ? props.value : props.value ? [props.value] : []
  const describedBy = [props.hint ? ids.hintId : '', error ? ids.errorId : ''].filter(Boolean).join(' ') || undefined
  const edit = selectionEditor(props)

  return (
    <div className={error ? 'field field-invalid' : 'field'}>
      <label htmlFor={ids.id}>
        {props.label}
        {props.optional && <span className="field-optional"> {t('form.optional')}</span>}
      </label>
      {selected.length > 0 && (
        <ul
          className="chips"
          aria-label={t('picker.chosen', { label: props.label })}
          data-testid={`picker-${props.name}-chosen`}
        >
          {selected.map((code, index) => (
            <CodeChip
              key={code}
              kind={props.kind}
              code={code}
              main={props.multiple && props.mainFirst && selected.length > 1 ? index === 0 : undefined}
              onRemove={() => edit.remove(code)}
              onMakeMain={() => edit.makeMain(code)}
            />
          ))}
        </ul>
      )}
      <CodeCombobox
        id={ids.id}
        name={props.name}
        testId={ids.testId}
        kind={props.kind}
        selected={selected}
        onChoose={edit.choose}
        describedBy={describedBy}
        invalid={error !== undefined}
        required={props.required}
        accept={props.accept}
        allowTyped={props.allowTyped}
      />
      {props.hint && (
        <p className="field-hint" id={ids.hintId}>
          {props.hint}
        </p>
      )}
      <FieldError id={ids.id} error={error} testId={props.name} />
    </div>
  )
}

/** Choosing replaces a single value and adds to (or, chosen again, removes from) a list. */
function selectionEditor(props: CodePickerProps) {
  if (!props.multiple) {
    return {
      choose: (code: string) => props.onChange(code),
      remove: () => props.onChange(''),
      makeMain: () => undefined,
    }
  }
  const { value, onChange } = props
  const without = (code: string) => value.filter((existing) => existing !== code)
  return {
    choose: (code: string) => onChange(value.includes(code) ? without(code) : [...value, code]),
    remove: (code: string) => onChange(without(code)),
    makeMain: (code: string) => onChange([code, ...without(code)]),
  }
}

interface CodeChipProps {
  kind: TaxonomyKind
  code: string
  /** true: the main code; false: one that can be made main; undefined: no notion of main. */
  main: boolean | undefined
  onRemove: () => void
  onMakeMain: () => void
}

function CodeChip({ kind, code, main, onRemove, onMakeMain }: CodeChipProps) {
  const { t } = useTranslation()
  const text = useCodeText(kind, code)
  return (
    <li className="chip" data-testid="picker-chip" data-value={code}>
      {main && <span className="tag">{t('picker.main')}</span>}
      <span className="chip-text">{text}</span>
      {main === false && (
        <button type="button" className="chip-action" data-testid="picker-chip-main" onClick={onMakeMain}>
          {t('picker.makeMain')}
        </button>
      )}
      <button
        type="button"
        className="chip-remove"
        data-testid="picker-chip-remove"
        aria-label={t('picker.remove', { code })}
        onClick={onRemove}
      >
        <span aria-hidden="true">×</span>
      </button>
    </li>
  )
}
