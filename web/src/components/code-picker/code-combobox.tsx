import { useEffect, useMemo, useState, type KeyboardEvent } from 'react'
import type { TFunction } from 'i18next'
import { useTranslation } from 'react-i18next'
import { rememberEntry, type TaxonomyEntry, type TaxonomyKind } from '../../api/taxonomies-api.js'
import { useTaxonomySearch } from './use-taxonomy-search.js'

export interface ComboboxProps {
  id: string
  name: string
  testId: string
  kind: TaxonomyKind
  /** Codes already chosen: marked as selected in the list. */
  selected: readonly string[]
  onChoose: (code: string) => void
  describedBy?: string | undefined
  invalid: boolean
  required?: boolean | undefined
  accept?: RegExp | undefined
  allowTyped?: boolean | undefined
}

/** An entry made from what was typed, e.g. a NACE class the vocabulary lists only by its division. */
interface Choice extends TaxonomyEntry {
  typed?: boolean
}

/**
 * A text box with a list of suggestions (the ARIA combobox pattern with list
 * autocompletion): arrows move through the list, Enter chooses, Escape closes.
 * Focus stays in the box; the active option is announced via aria-activedescendant.
 */
export function CodeCombobox(props: ComboboxProps) {
  const { t } = useTranslation()
  const box = useCombobox(props)
  const listId = `${props.id}-list`
  return (
    <div className="combobox">
      <input
        id={props.id}
        name={props.name}
        type="text"
        role="combobox"
        autoComplete="off"
        spellCheck={false}
        placeholder={t('picker.placeholder')}
        value={box.query}
        data-testid={props.testId}
        aria-autocomplete="list"
        aria-expanded={box.expanded}
        aria-controls={listId}
        aria-activedescendant={box.expanded && box.active >= 0 ? box.optionId(box.active) : undefined}
        aria-describedby={props.describedBy}
        aria-invalid={props.invalid || undefined}
        aria-required={props.required || undefined}
        onChange={(event) => box.type(event.target.value)}
        onFocus={() => box.setOpen(true)}
        onClick={() => box.setOpen(true)}
        onBlur={() => box.setOpen(false)}
        onKeyDown={box.onKeyDown}
      />
      <ul
        id={listId}
        role="listbox"
        className="combobox-list"
        hidden={!box.expanded}
        aria-label={t('picker.suggestions')}
      >
        {/* Only the open list has options, so `picker-option` always means this picker's suggestions. */}
        {box.expanded &&
          box.choices.map((choice, index) => (
            <Option
              key={choice.code}
              id={box.optionId(index)}
              choice={choice}
              active={index === box.active}
              selected={props.selected.includes(choice.code)}
              onChoose={() => box.choose(choice)}
            />
          ))}
      </ul>
      <p className="visually-hidden" role="status">
        {box.open ? statusText(t, box.search, box.choices.length) : ''}
      </p>
      {box.open && box.choices.length === 0 && (
        <p className="combobox-empty muted small">{statusText(t, box.search, 0)}</p>
      )}
    </div>
  )
}

/** The typed words, whether the list is open, the active option, and what choosing does. */
function useCombobox(props: ComboboxProps) {
  const { i18n } = useTranslation()
  const [query, setQuery] = useState('')
  const [open, setOpen] = useState(false)
  const [active, setActive] = useState(-1)
  const search = useTaxonomySearch(props.kind, query, open)
  const choices = useChoices(search.entries, query, props)
  const optionId = (index: number) => `${props.id}-option-${index}`

  useEffect(() => {
    if (active >= 0) document.getElementById(`${props.id}-option-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, props.id])

  const choose = (choice: Choice) => {
    if (!choice.typed) rememberEntry(props.kind, choice, i18n.resolvedLanguage ?? 'en')
    props.onChoose(choice.code)
    setQuery('')
    setActive(-1)
    setOpen(false)
  }
  const type = (text: string) => {
    setQuery(text)
    setActive(-1)
    setOpen(true)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const chooseActive = () => choices[active] && choose(choices[active])
    if (handleKey(event.key, { open, active, count: choices.length, setOpen, setActive, chooseActive }))
      event.preventDefault()
  }

  return {
    query,
    open,
    setOpen,
    active,
    search,
    choices,
    optionId,
    choose,
    type,
    onKeyDown,
    expanded: open && choices.length > 0,
  }
}

function Option({
  id,
  choice,
  active,
  selected,
  onChoose,
}: {
  id: string
  choice: Choice
  active: boolean
  selected: boolean
  onChoose: () => void
}) {
  const { t } = useTranslation()
  return (
    <li
      id={id}
      role="option"
      aria-selected={selected}
      className={active ? 'combobox-option combobox-option-active' : 'combobox-option'}
      data-testid="picker-option"
      data-value={choice.code}
      // Keep the focus in the box, so choosing does not close the list first.
      onMouseDown={(event) => event.preventDefault()}
      onClick={onChoose}
    >
      <span className="combobox-code">{choice.code}</span>
      <span className="combobox-label">{choice.typed ? t('picker.useTyped') : choice.label}</span>
      {!choice.typed && choice.labelOther !== choice.label && (
        <span className="combobox-other">{choice.labelOther}</span>
      )}
    </li>
  )
}

function useChoices(
  entries: TaxonomyEntry[],
  query: string,
  { accept, allowTyped }: Pick<ComboboxProps, 'accept' | 'allowTyped'>,
): Choice[] {
  return useMemo(() => {
    const allowed = accept ? entries.filter((entry) => accept.test(entry.code)) : entries
    const typed = query.trim()
    const listed = allowed.some((entry) => entry.code === typed)
    if (!allowTyped || !accept?.test(typed) || listed) return allowed
    return [{ code: typed, label: '', labelOther: '', typed: true }, ...allowed]
  }, [entries, query, accept, allowTyped])
}

interface KeyState {
  open: boolean
  active: number
  count: number
  setOpen: (open: boolean) => void
  setActive: (active: number) => void
  chooseActive: () => void
}

/** Applies one key press; true when the key was ours (so the browser should not act on it too). */
function handleKey(key: string, state: KeyState): boolean {
  const { open, active, count } = state
  switch (key) {
    case 'ArrowDown':
      if (!open) state.setOpen(true)
      else if (count > 0) state.setActive(Math.min(active + 1, count - 1))
      return true
    case 'ArrowUp':
      if (open && count > 0) state.setActive(Math.max(active - 1, 0))
      return true
    case 'Enter':
      if (!open || count === 0) return false // let Enter submit the form
      state.chooseActive()
      return true
    case 'Escape':
      if (!open) return false
      state.setOpen(false)
      return true
    default:
      return false
  }
}

function statusText(t: TFunction, search: { loading: boolean; failed: boolean }, count: number): string {
  if (search.loading) return t('picker.searching')
  if (search.failed) return t('picker.failed')
  if (count === 0) return t('picker.noMatches')
  return t('picker.count', { count })
}
