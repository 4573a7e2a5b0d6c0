import { useEffect, useState, type FormEvent } from 'react'
import { useTranslation } from 'react-i18next'
import type { SearchIndex } from '../../api/catalogue-api.js'

interface SearchBoxProps {
  index: SearchIndex
  q: string
  onSearch: (q: string) => void
}

/** Words to search for; the address changes only when the form is sent. */
export function SearchBox({ index, q, onSearch }: SearchBoxProps) {
  const { t } = useTranslation()
  const [text, setText] = useState(q)
  useEffect(() => setText(q), [q]) // back and forward in history change the words too

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault()
    onSearch(text.trim())
  }

  return (
    <form className="search-box" role="search" onSubmit={submit} aria-label={t(`search.${index}.label`)}>
      <label htmlFor="search-q" className="visually-hidden">
        {t(`search.${index}.label`)}
      </label>
      <input
        id="search-q"
        type="search"
        name="q"
        value={text}
        maxLength={200}
        placeholder={t(`search.${index}.placeholder`)}
        data-testid="search-input"
        onChange={(event) => setText(event.target.value)}
      />
      <button type="submit" className="button" data-testid="search-submit">
        {t('search.submit')}
      </button>
    </form>
  )
}
