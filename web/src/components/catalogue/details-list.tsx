import type { ReactNode } from 'react'
import { useTranslation } from 'react-i18next'
import type { TaxonomyKind } from '../../api/taxonomies-api.js'
import { useCodeText } from '../code-picker/use-code-label.js'
import { TRL_LEVELS } from './catalogue-fields.js'

export type DetailRow = [label: string, value: ReactNode]

/** Label and value pairs; empty values show a dash. */
export function DetailsList({ rows, testId }: { rows: DetailRow[]; testId: string }) {
  return (
    <dl className="details" data-testid={testId}>
      {rows.map(([label, value]) => (
        <div key={label} className="details-row">
          <dt>{label}</dt>
          <dd>{isEmpty(value) ? '—' : value}</dd>
        </div>
      ))}
    </dl>
  )
}

function isEmpty(value: ReactNode): boolean {
  return (
    value === undefined ||
    value === null ||
    value === '' ||
    value === false ||
    (Array.isArray(value) && value.length === 0)
  )
}

/** Codes with their labels, one per line. */
export function CodeList({ kind, codes }: { kind: TaxonomyKind; codes: readonly string[] }) {
  if (codes.length === 0) return null
  return (
    <ul className="code-list">
      {codes.map((code) => (
        <CodeItem key={code} kind={kind} code={code} />
      ))}
    </ul>
  )
}

function CodeItem({ kind, code }: { kind: TaxonomyKind; code: string }) {
  return <li data-value={code}>{useCodeText(kind, code)}</li>
}

export function CodeText({ kind, code }: { kind: TaxonomyKind; code: string | undefined }) {
  const text = useCodeText(kind, code ?? '')
  return code ? <>{text}</> : null
}

/** A technology readiness level with its meaning. */
export function TrlText({ level }: { level: number | undefined }) {
  const { t } = useTranslation()
  const key = TRL_LEVELS.find((candidate) => candidate === String(level))
  if (key === undefined) return level === undefined ? null : <>{level}</>
  return <>{t('trl.option', { level, meaning: t(`trl.levels.${key}`) })}</>
}
