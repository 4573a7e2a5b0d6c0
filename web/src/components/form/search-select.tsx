import { useId, useState } from 'react'
import { useTranslation } from 'react-i18next'
import { SelectField, type Option } from './fields.js'

interface SearchSelectFieldProps {
  name: string
  label: string
  testId?: string
  hint?: string
  value: string
  onChange: (value: string) => void
  options: readonly Option[]
  placeholder: string
  required?: boolean
}

/**
 * A choice among many names: a list people pick from by name, with a search box above it once the list is
 * long. The value sent is the option's id; nobody types or reads it.
 */
export function SearchSelectField(props: SearchSelectFieldProps) {
  const { t } = useTranslation()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const long = props.options.length > 8
  const shown = props.options.filter((option) => option.value === props.value || matches(option, query))
  return (
    <div className="search-select">
      {long && (
        <div className="field">
          <label htmlFor={searchId}>{t('picker.searchNames')}</label>
          <input
            id={searchId}
            type="search"
            value={query}
            data-testid={`${props.testId ?? props.name}-search`}
            onChange={(event) => {
              setQuery(event.target.value)
              const first = props.options.find((option) => matches(option, event.target.value))
              if (first && event.target.value.trim()) props.onChange(first.value)
            }}
          />
        </div>
      )}
      <SelectField
        name={props.name}
        testId={props.testId}
        label={props.label}
        hint={props.hint}
        value={props.value}
        onChange={props.onChange}
        options={shown}
        placeholder={props.placeholder}
        required={props.required}
      />
    </div>
  )
}

/** Whether every word typed is part of the option's name, in any case. */
function matches(option: Option, query: string): boolean {
  const label = option.label.toLocaleLowerCase()
  return query
    .trim()
    .toLocaleLowerCase()
    .split(/\s+/)
    .every((word) => label.includes(word))
}
